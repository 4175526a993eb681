package dev.singletable.engine.iam;

import dev.singletable.engine.core.ResourceArn;
import dev.singletable.engine.policy.PolicyJson;
import dev.singletable.engine.policy.ResourcePolicy;
import dev.singletable.engine.table.TableDefinition;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The resource-based policy IAM evaluates with a request: the policy attached to the table (for the table and its
 * indexes) or to the stream the request names [1], compiled once per document text.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/access-control-resource-based.html">Using resource-based policies for DynamoDB</a>
 */
public final class ResourcePolicies {

    private final Map<String, IamPolicy> compiled = new ConcurrentHashMap<>();

    /** The compiled policy of the resource the request names, or null when it has none (or does not exist). */
    public @Nullable IamPolicy of(AccessRequest ask, RequestAccess.Tables tables) {
        TableDefinition definition = ask.table();
        String policyArn;
        if (definition != null) {
            if (definition.resourcePolicies().isEmpty()) {
                return null;
            }
            policyArn = definition.arn();
        } else {
            ResourceArn arn = ResourceArn.parse(ask.resource());
            if (arn == null || arn.tableName() == null || arn.account() == null) {
                return null;
            }
            definition = tables.definition(arn.account(), arn.tableName());
            if (definition == null) {
                return null;
            }
            policyArn = arn.isStream() ? ask.resource() : definition.arn();
        }
        return attached(definition, policyArn);
    }

    /** The compiled policy of a table itself (for the table and its indexes), or null when it has none. */
    @Nullable
    IamPolicy ofTable(TableDefinition definition) {
        return definition.resourcePolicies().isEmpty() ? null : attached(definition, definition.arn());
    }

    private @Nullable IamPolicy attached(TableDefinition definition, String policyArn) {
        ResourcePolicy policy = definition.resourcePolicy(policyArn);
        if (policy == null || !policy.attached()) {
            return null;
        }
        return compiled.computeIfAbsent(policy.document(), ResourcePolicies::compile);
    }

    private static IamPolicy compile(String document) {
        // PutResourcePolicy stored it only once it parsed as a JSON object
        if (!(PolicyJson.parse(document) instanceof Map<?, ?> parsed)) {
            throw new IllegalStateException("a stored resource-based policy is not a JSON object");
        }
        return IamPolicy.compile(parsed, IamPolicy.Kind.RESOURCE, false);
    }
}
