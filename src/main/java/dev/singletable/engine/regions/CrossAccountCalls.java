package dev.singletable.engine.regions;

import dev.singletable.engine.core.Engine;
import dev.singletable.engine.error.EngineErrors;
import dev.singletable.engine.iam.AccessRequest;
import dev.singletable.engine.iam.Evaluator;
import dev.singletable.engine.iam.Principal;
import dev.singletable.engine.iam.RequestAccess;
import dev.singletable.engine.iam.RequestContext;
import dev.singletable.engine.iam.ResourcePolicies;
import dev.singletable.engine.iam.SelfLockout;
import dev.singletable.engine.table.TableDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteResourcePolicyRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetResourcePolicyRequest;
import software.amazon.awssdk.services.dynamodb.model.PutResourcePolicyRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A request that names a resource of another account by its ARN, decided as IAM decides a cross-account call [1]: the
 * caller, with no configured principals, is its account's root user, whose own account allows it everything, so the
 * call is allowed exactly when the resource's policy (the table's, or the stream's [2]) allows the caller's account or
 * principal, and no statement denies it. An allowed call runs in the owner's namespace. A refused one gets AWS's
 * AccessDeniedException before DynamoDB looks for the resource: a bare "Access is denied" when a TableName member
 * names the table (as public probes of AWS record it), IAM's sentence for other resources (tags, streams, backups)
 * [3]. With configured principals, {@code engine.access} decides first with the caller's own identity and routes an
 * allowed request to the owner itself, so this check then sees the owner's own ARNs.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html">Cross-account policy evaluation logic</a><br>
 * [2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/access-control-resource-based.html">Using resource-based policies for DynamoDB</a><br>
 * [3] <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html">Troubleshoot access denied error messages</a>
 */
public final class CrossAccountCalls {

    /** What a cross-account decision needs from the engine's namespaces. */
    public interface Namespaces {

        /** The definition of an account's table in a region when that namespace is open, else null (never opens). */
        @Nullable
        TableDefinition openTable(String account, String region, String tableName);

        /** The core of an account's namespace in a region when it is open, else null (never opens). */
        @Nullable
        Engine core(String account, String region);

        DynamoDbClient dynamo(String account, String region);

        DynamoDbStreamsClient streams(String account, String region);
    }

    /** The request members that may carry an ARN of a table, an index, a stream or a backup. */
    private static final Set<String> ARN_MEMBERS = Set.of(
            "TableName", "ResourceArn", "TableArn", "StreamArn", "BackupArn", "SourceTableArn", "GlobalTableSourceArn");

    /**
     * The members of {@link #ARN_MEMBERS} a request class has, read through the SDK's own getters: a GetItemRequest
     * reads one field per request, without reflection or an Optional.
     */
    private static final Map<Class<?>, List<SdkField<?>>> ARN_FIELDS = new ConcurrentHashMap<>();

    private final String account;
    private final String region;
    private final Namespaces namespaces;
    private final Principal root;
    private final RequestAccess mapping;
    private final RequestAccess.Tables tables;
    private final ResourcePolicies policies = new ResourcePolicies();

    public CrossAccountCalls(String account, String region, Namespaces namespaces) {
        this.account = account;
        this.region = region;
        this.namespaces = namespaces;
        this.root = Principal.of("", "", "arn:aws:iam::" + account + ":root", null, Map.of(), List.of(), region);
        this.tables = (owner, name) -> namespaces.openTable(owner, region, name);
        this.mapping = new RequestAccess(account, region, tables);
    }

    public String account() {
        return account;
    }

    public String region() {
        return region;
    }

    Namespaces namespaces() {
        return namespaces;
    }

    /**
     * Null when the request names no other account's resource (it runs in the caller's namespace); else the account
     * whose namespace must run it, once allowed, or {@link AccountBatches#SEVERAL} for a batch whose allowed parts
     * belong to several accounts. Throws AccessDeniedException when any part is not allowed.
     */
    public @Nullable String ownerOf(SdkRequest request) {
        Foreign foreign = scan(request);
        if (foreign == null) {
            return null;
        }
        if (request instanceof GetResourcePolicyRequest
                || request instanceof PutResourcePolicyRequest
                || request instanceof DeleteResourcePolicyRequest) {
            // only the owner manages a resource's policy: engine.ops.PolicyOperations answers AWS's
            // ValidationException for another account's ARN (ResourcePolicyTest)
            return null;
        }
        @Nullable String owner = null;
        boolean ownToo = false;
        for (AccessRequest ask : mapping.of(request)) {
            String resourceAccount = ask.resourceAccount();
            if (resourceAccount == null || resourceAccount.equals(account)) {
                ownToo = true;
                continue;
            }
            Evaluator.Outcome outcome = Evaluator.decide(
                    root, ask, new RequestContext(root.contextKeys(), ask.keys()), policies.of(ask, tables));
            if (outcome != Evaluator.Outcome.ALLOW) {
                throw foreign.tableName ? accessIsDenied() : Evaluator.denial(outcome, root, ask);
            }
            if (owner == null) {
                owner = resourceAccount;
            } else if (!owner.equals(resourceAccount)) {
                ownToo = true;
            }
        }
        if (owner != null && ownToo && AccountBatches.splittable(request)) {
            // a batch over two accounts' tables, every part allowed: each part runs in its account's namespace
            return AccountBatches.SEVERAL;
        }
        if (owner == null || ownToo) {
            // any other request that spans namespaces (a transaction over two accounts' tables) cannot run in one:
            // its atomicity would span two namespaces, which is not modelled, so it is refused (docs/fidelity.md)
            throw foreign.tableName
                    ? accessIsDenied()
                    : Evaluator.denial(
                            Evaluator.Outcome.NO_RESOURCE_ALLOW,
                            root,
                            new AccessRequest("dynamodb:" + operationName(request), foreign.value, null, Map.of()));
        }
        return owner;
    }

    /**
     * A PutResourcePolicy as the engine's policy operations should see it: they know no caller, so they ask for
     * ConfirmRemoveSelfResourceAccess whenever the new policy denies anyone policy changes. Here the caller is known
     * (this account's root user), so a policy that does not deny the caller itself needs no confirmation
     * ({@link SelfLockout}) and is passed on as confirmed; one that does is passed on unchanged and refused there,
     * after the request's own validation.
     */
    PutResourcePolicyRequest confirmedForCaller(PutResourcePolicyRequest request) {
        if (Boolean.TRUE.equals(request.confirmRemoveSelfResourceAccess())
                || SelfLockout.locksOut(root, root.contextKeys(), request)) {
            return request;
        }
        return request.toBuilder().confirmRemoveSelfResourceAccess(true).build();
    }

    /** The first ARN of another account a request names; whether one is in a table-name member. Null: none. */
    private record Foreign(String value, boolean tableName) {}

    private @Nullable Foreign scan(SdkRequest request) {
        @Nullable String resource = null;
        List<SdkField<?>> fields = arnFields(request);
        for (int i = 0; i < fields.size(); i++) {
            SdkField<?> field = fields.get(i);
            Object value = field.getValueOrDefault(request);
            if (value instanceof String text && ofAnotherAccount(text)) {
                if (field.memberName().equals("TableName")) {
                    return new Foreign(text, true);
                }
                if (resource == null) {
                    resource = text;
                }
            }
        }
        String table = foreignTableName(request);
        if (table != null) {
            return new Foreign(table, true);
        }
        if (request instanceof GetRecordsRequest r && r.shardIterator() != null) {
            // a shard iterator begins with its stream's ARN (engine.streams.ShardIterators)
            int bar = r.shardIterator().indexOf('|');
            String stream = bar < 0 ? null : r.shardIterator().substring(0, bar);
            if (stream != null && ofAnotherAccount(stream)) {
                resource = stream;
            }
        }
        return resource == null ? null : new Foreign(resource, false);
    }

    private static List<SdkField<?>> arnFields(SdkRequest request) {
        List<SdkField<?>> fields = ARN_FIELDS.get(request.getClass());
        if (fields == null) {
            fields = request.sdkFields().stream()
                    .filter(f -> ARN_MEMBERS.contains(f.memberName()))
                    .toList();
            ARN_FIELDS.put(request.getClass(), fields);
        }
        return fields;
    }

    /** A table of another account named in a batch or a transaction (nothing is allocated for other requests). */
    private @Nullable String foreignTableName(SdkRequest request) {
        if (request instanceof BatchGetItemRequest batch && batch.hasRequestItems()) {
            return firstForeign(batch.requestItems().keySet());
        }
        if (request instanceof BatchWriteItemRequest batch && batch.hasRequestItems()) {
            return firstForeign(batch.requestItems().keySet());
        }
        if (request instanceof TransactWriteItemsRequest tx && tx.hasTransactItems()) {
            List<@Nullable String> names = new ArrayList<>();
            for (TransactWriteItem item : tx.transactItems()) {
                if (item != null) {
                    names.add(item.put() == null ? null : item.put().tableName());
                    names.add(item.update() == null ? null : item.update().tableName());
                    names.add(item.delete() == null ? null : item.delete().tableName());
                    names.add(
                            item.conditionCheck() == null
                                    ? null
                                    : item.conditionCheck().tableName());
                }
            }
            return firstForeign(names);
        }
        if (request instanceof TransactGetItemsRequest tx && tx.hasTransactItems()) {
            List<@Nullable String> names = new ArrayList<>();
            for (TransactGetItem item : tx.transactItems()) {
                names.add(item == null || item.get() == null ? null : item.get().tableName());
            }
            return firstForeign(names);
        }
        return null;
    }

    private @Nullable String firstForeign(Collection<? extends @Nullable String> names) {
        for (String name : names) {
            if (name != null && ofAnotherAccount(name)) {
                return name;
            }
        }
        return null;
    }

    /**
     * Whether a value is a DynamoDB ARN ({@code arn:partition:dynamodb:region:account:...}) of an account other than
     * the caller's; read in place, since every TableName of every request passes here.
     */
    boolean ofAnotherAccount(@Nullable String value) {
        if (value == null || !value.startsWith("arn:")) {
            return false;
        }
        int partitionEnd = value.indexOf(':', 4);
        int serviceEnd = partitionEnd < 0 ? -1 : value.indexOf(':', partitionEnd + 1);
        int regionEnd = serviceEnd < 0 ? -1 : value.indexOf(':', serviceEnd + 1);
        int accountEnd = regionEnd < 0 ? -1 : value.indexOf(':', regionEnd + 1);
        if (accountEnd < 0
                || serviceEnd - partitionEnd - 1 != "dynamodb".length()
                || !value.startsWith("dynamodb", partitionEnd + 1)
                || accountEnd - regionEnd - 1 != 12) {
            return false;
        }
        for (int i = regionEnd + 1; i < accountEnd; i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return !value.startsWith(account, regionEnd + 1);
    }

    private static RuntimeException accessIsDenied() {
        return EngineErrors.accessDenied("Access is denied");
    }

    static String operationName(SdkRequest request) {
        return operationName(request.getClass());
    }

    /** {@code GetItemRequest} is GetItem. */
    static String operationName(Class<?> type) {
        String name = type.getSimpleName();
        return name.endsWith("Request") ? name.substring(0, name.length() - "Request".length()) : name;
    }
}
