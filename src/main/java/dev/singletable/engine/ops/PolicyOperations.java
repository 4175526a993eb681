package dev.singletable.engine.ops;

import dev.singletable.engine.core.Engine;
import dev.singletable.engine.core.ResourceArn;
import dev.singletable.engine.core.Table;
import dev.singletable.engine.error.EngineErrors;
import dev.singletable.engine.policy.PolicyDocuments;
import dev.singletable.engine.policy.ResourcePolicy;
import dev.singletable.engine.table.TableDefinition;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.DeleteResourcePolicyRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteResourcePolicyResponse;
import software.amazon.awssdk.services.dynamodb.model.GetResourcePolicyRequest;
import software.amazon.awssdk.services.dynamodb.model.GetResourcePolicyResponse;
import software.amazon.awssdk.services.dynamodb.model.PutResourcePolicyRequest;
import software.amazon.awssdk.services.dynamodb.model.PutResourcePolicyResponse;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * PutResourcePolicy, GetResourcePolicy and DeleteResourcePolicy on tables and their streams [1] [2] [3]. The policy is part of
 * the table's definition, so it is logged, snapshotted and recovered with it, and goes with the table when the table
 * is deleted. Revision ids are the change's time in epoch milliseconds (strictly increasing per resource), as
 * DynamoDB's are; re-putting an equivalent document is a no-op that returns the current revision; a deleted policy
 * leaves its deletion's revision behind, which a later DeleteResourcePolicy returns. Messages are AWS's as public
 * probes of it and AWS-verified test suites record them. Policies are stored and validated, not enforced.
 *
 * <p>Not modelled (docs/fidelity.md): AWS applies a policy eventually (a GetResourcePolicy right after a Put may still
 * see the old one for a second or two) and refuses a second change to the same policy within 15 seconds; here every
 * change is visible at once and never refused for being soon.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutResourcePolicy.html">PutResourcePolicy</a>
 * <br>[2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteResourcePolicy.html">DeleteResourcePolicy</a>
 * <br>[3] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/access-control-resource-based.html">Using resource-based policies for DynamoDB</a>
 */
public final class PolicyOperations {

    private static final String PREFIX = "One or more parameter values were invalid: ";
    private static final String NOT_FOUND = "Resource-based policy not found for the provided ResourceArn: ";
    private static final String NO_POLICY = "NO_POLICY";

    private final Engine engine;

    public PolicyOperations(Engine engine) {
        this.engine = engine;
    }

    /** The table or stream a ResourceArn names. */
    private record Target(Table table, String resourceArn, PolicyDocuments.Target kind) {}

    public PutResourcePolicyResponse putResourcePolicy(PutResourcePolicyRequest r) {
        Target target = changeable(target(r.resourceArn()));
        String document = PolicyDocuments.canonical(r.policy(), target.kind());
        if (PolicyDocuments.deniesPolicyUpdates(document)
                && !Boolean.TRUE.equals(r.confirmRemoveSelfResourceAccess())) {
            throw EngineErrors.accessDenied(
                    "The new resource policy will not allow you to update the resource policy " + "in the future.");
        }
        String revision = engine.exclusive(() -> {
            Table table = current(target);
            ResourcePolicy current = table.definition().resourcePolicy(target.resourceArn());
            checkExpectedRevision(r.expectedRevisionId(), current, table.name());
            if (current != null && document.equals(current.document())) {
                return current.revisionId();
            }
            String next = nextRevision(current);
            engine.redefine(
                    table,
                    table.definition().withResourcePolicy(new ResourcePolicy(target.resourceArn(), document, next)));
            return next;
        });
        return PutResourcePolicyResponse.builder().revisionId(revision).build();
    }

    public GetResourcePolicyResponse getResourcePolicy(GetResourcePolicyRequest r) {
        Target target = target(r.resourceArn());
        ResourcePolicy policy = target.table().definition().resourcePolicy(target.resourceArn());
        if (policy == null || !policy.attached()) {
            throw EngineErrors.policyNotFound(NOT_FOUND + r.resourceArn());
        }
        return GetResourcePolicyResponse.builder()
                .policy(policy.readBack())
                .revisionId(policy.revisionId())
                .build();
    }

    public DeleteResourcePolicyResponse deleteResourcePolicy(DeleteResourcePolicyRequest r) {
        Target target = changeable(target(r.resourceArn()));
        String revision = engine.exclusive(() -> {
            Table table = current(target);
            ResourcePolicy current = table.definition().resourcePolicy(target.resourceArn());
            checkExpectedRevision(r.expectedRevisionId(), current, table.name());
            if (current == null) {
                return null; // never had one: an idempotent no-op without a revision
            }
            if (!current.attached()) {
                return current.revisionId(); // deleted before: the deletion's revision
            }
            engine.redefine(
                    table,
                    table.definition()
                            .withResourcePolicy(new ResourcePolicy(target.resourceArn(), null, nextRevision(current))));
            return current.revisionId();
        });
        return DeleteResourcePolicyResponse.builder().revisionId(revision).build();
    }

    /**
     * The table or stream an ARN names, with the errors AWS gives for the other forms: a bare name, another service or
     * resource type, another region or partition, another account, an index, a missing table or stream.
     */
    private Target target(String arn) {
        ResourceArn parsed = ResourceArn.parse(arn);
        if (parsed == null) {
            throw EngineErrors.validation(PREFIX + "ARNs must start with 'arn:': " + arn);
        }
        String tableName = parsed.tableName();
        if (!"dynamodb".equals(parsed.service()) || tableName == null) {
            throw EngineErrors.validation(PREFIX + "Provided Arn is not a DynamoDB resource arn: " + arn);
        }
        if (!"aws".equals(parsed.partition()) || !engine.options().region().equals(parsed.region())) {
            throw EngineErrors.validation(PREFIX + "Invalid resource Arn: " + arn);
        }
        if (!engine.options().accountId().equals(parsed.account())) {
            throw EngineErrors.validation(
                    "This action is only supported by accounts that match the resource " + "owner\u2019s account.");
        }
        if (parsed.isIndex()) {
            throw EngineErrors.validation(PREFIX + "Invalid resource arn provided, only table or stream is accepted. "
                    + "Provided resource arn: " + arn);
        }
        if (!parsed.isTable() && !parsed.isStream()) {
            throw EngineErrors.validation(PREFIX + "Provided Arn is not a DynamoDB resource arn: " + arn);
        }
        Table table = engine.table(tableName);
        if (table == null) {
            table = engine.deletingTable(tableName);
        }
        // a table being created is not known to the policy operations yet, as on AWS
        if (table == null || engine.statusOf(table) == TableStatus.CREATING) {
            throw tableNotFound(tableName);
        }
        if (parsed.isTable()) {
            return new Target(table, table.definition().arn(), PolicyDocuments.Target.TABLE);
        }
        TableDefinition definition = table.definition();
        // a stream's ARN always names its label; a table with no stream has no label to match
        String label = parsed.subName();
        String streamArn = definition.latestStreamArn();
        if (label == null || streamArn == null || !label.equals(definition.latestStreamLabel())) {
            throw EngineErrors.resourceNotFound(
                    "Requested resource not found: Stream: " + label + " not found for Table: " + table.name());
        }
        return new Target(table, streamArn, PolicyDocuments.Target.STREAM);
    }

    /** A policy of a table being deleted can be read, not changed (AWS: ResourceInUseException). */
    private Target changeable(Target target) {
        if (engine.statusOf(target.table()) == TableStatus.DELETING) {
            throw EngineErrors.resourceInUse("Attempt to change a resource which is still in use: Table is being "
                    + "deleted: " + target.table().name());
        }
        return target;
    }

    /** The target's table as the catalog holds it now (inside the commit lock): it may have been deleted since. */
    private Table current(Target target) {
        Table table = engine.table(target.table().name());
        if (table != target.table()) {
            throw tableNotFound(target.table().name());
        }
        return table;
    }

    /**
     * ExpectedRevisionId: {@code NO_POLICY} asks that none be attached; any other value must be the current revision
     * (of the policy, or of its deletion).
     */
    private static void checkExpectedRevision(
            @Nullable String expected, @Nullable ResourcePolicy current, String tableName) {
        if (expected == null) {
            return;
        }
        if (NO_POLICY.equals(expected)) {
            if (current != null && current.attached()) {
                throw EngineErrors.policyNotFound(
                        NOT_FOUND + "Requested policy update expecting none to be present for " + "table " + tableName
                                + ", but a policy exists with revision id " + current.revisionId() + ".");
            }
            return;
        }
        if (current == null) {
            throw EngineErrors.policyNotFound(NOT_FOUND + "Requested update for policy with revision id " + expected
                    + ", but table " + tableName + " has no associated policy.");
        }
        if (!current.revisionId().equals(expected)) {
            throw EngineErrors.policyNotFound(NOT_FOUND + "Requested update for policy with revision id " + expected
                    + ", but the policy associated to target table " + tableName + " has revision id "
                    + current.revisionId() + ".");
        }
    }

    /** The time now in epoch milliseconds, later than the previous revision if the clock has not moved on. */
    private String nextRevision(@Nullable ResourcePolicy previous) {
        long now = engine.nowMillis();
        if (previous != null) {
            now = Math.max(now, Long.parseLong(previous.revisionId()) + 1);
        }
        return String.valueOf(now);
    }

    private static RuntimeException tableNotFound(String name) {
        return EngineErrors.resourceNotFound("Requested resource not found: Table: " + name + " not found");
    }
}
