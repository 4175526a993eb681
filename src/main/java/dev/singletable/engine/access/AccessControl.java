package dev.singletable.engine.access;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.core.Engine;
import dev.singletable.engine.core.Table;
import dev.singletable.engine.error.EngineErrors;
import dev.singletable.engine.iam.AccessRequest;
import dev.singletable.engine.iam.Evaluator;
import dev.singletable.engine.iam.ItemDecisions;
import dev.singletable.engine.iam.Principal;
import dev.singletable.engine.iam.RequestAccess;
import dev.singletable.engine.iam.ResourcePolicies;
import dev.singletable.engine.iam.SelfLockout;
import dev.singletable.engine.regions.AccountBatches;
import dev.singletable.engine.table.TableDefinition;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteResourcePolicyRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetResourcePolicyRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutResourcePolicyRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The engine with access control on: each configured principal reaches the tables of its account (in the region its
 * request is signed for) through clients that authorize every request as IAM would [1] before the engine runs it, and
 * answer AccessDeniedException with IAM's wording when it is not allowed [2]. A request that names another account's
 * table, index or stream, once allowed by both the caller's identity-based policy and the resource's policy, runs
 * against that account's tables. The resource-policy operations are never routed: only the owner manages a policy
 * (the engine answers AWS's ValidationException for another account's ARN [3]). An unsigned request and an unknown
 * key get AWS's authentication errors [4].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html">Policy evaluation logic</a><br>
 * [2] <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html">Troubleshoot access denied error messages</a><br>
 * [3] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/access-control-resource-based.html">Using resource-based policies for DynamoDB</a><br>
 * [4] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/CommonErrors.html">Common errors</a>
 */
public final class AccessControl {

    private final EmbeddedEngine engine;
    private final Principals principals;
    /** Resource-based policies compiled once per document text. */
    private final ResourcePolicies resourcePolicies = new ResourcePolicies();

    private final Map<String, EmbeddedEngine.Clients> clients = new ConcurrentHashMap<>();

    private AccessControl(EmbeddedEngine engine, Principals principals) {
        this.engine = engine;
        this.principals = principals;
    }

    public static AccessControl over(EmbeddedEngine engine, Principals principals) {
        return new AccessControl(engine, principals);
    }

    /**
     * The clients a request signed with this access key for this region uses. An unknown key is AWS's
     * UnrecognizedClientException (the wire server refuses it before; in-process callers get the same answer).
     */
    public EmbeddedEngine.Clients clients(@Nullable String accessKeyId, String region) {
        if (accessKeyId == null) {
            throw EngineErrors.of(
                    "MissingAuthenticationTokenException", "Request is missing Authentication Token", 400);
        }
        Principal principal = principals.byAccessKey(accessKeyId);
        if (principal == null) {
            throw EngineErrors.of(
                    "UnrecognizedClientException", "The security token included in the request is invalid.", 400);
        }
        EmbeddedEngine.Clients own = engine.clientsOf(principal.account(), region);
        return clients.computeIfAbsent(accessKeyId + "|" + own.region(), k -> guarded(principal, own));
    }

    private EmbeddedEngine.Clients guarded(Principal principal, EmbeddedEngine.Clients own) {
        Guard guard = new Guard(principal, own);
        DynamoDbClient dynamo = new GuardedDynamoDbClient(own.dynamo(), guard);
        DynamoDbStreamsClient streams = new GuardedStreamsClient(own.streams(), guard);
        return new EmbeddedEngine.Clients(dynamo, streams, own.account(), own.region());
    }

    /** One principal's view of one region: authorizes, then says where the request's resources live. */
    final class Guard {

        private final Principal principal;
        private final EmbeddedEngine.Clients own;
        /**
         * The namespace's account, interned as the principal's is: every request compares its resources' account
         * with both, and identical strings compare at once.
         */
        private final String account;

        private final RequestAccess.Tables tables = this::definition;
        private final RequestAccess mapping;
        /** The core of the caller's own namespace, once it is open (see {@link #definition}). */
        private volatile @Nullable Engine ownCore;
        /** Single-item requests on the caller's own tables, decided with what does not change worked out once. */
        private final ItemDecisions items;
        /** Whether this namespace is the principal's own account (with -sharedDb it may be the engine's). */
        private final boolean ownAccount;

        Guard(Principal principal, EmbeddedEngine.Clients own) {
            this.principal = principal;
            this.own = own;
            this.account = own.account().intern();
            // the principal's own keys (aws:userid, aws:RequestedRegion, ...) are fixed for this view: every
            // authorization the mapping makes carries them, so a request needs no context object of its own
            Map<String, List<String>> keys = principal.contextKeys(own.region());
            this.mapping = new RequestAccess(account, own.region(), tables, keys);
            this.items = new ItemDecisions(principal, keys, resourcePolicies);
            this.ownAccount = account.equals(principal.account());
        }

        String principalArn() {
            return principal.arn();
        }

        /** The clients of another account's namespace in this region, for a request allowed there. */
        EmbeddedEngine.Clients clientsOf(String account) {
            return engine.clientsOf(account, own.region());
        }

        /** The principal's account: a table named by a plain name is this account's. */
        String principalAccount() {
            return principal.account();
        }

        /** Where the parts of a batch over several accounts' tables run: the caller's own through {@code own}. */
        AccountBatches.Parts batchParts(DynamoDbClient own) {
            return new AccountBatches.Parts() {
                @Override
                public DynamoDbClient client(String account) {
                    return account.equals(principal.account())
                            ? own
                            : clientsOf(account).dynamo();
                }

                @Override
                public @Nullable Engine core(String account) {
                    return engine.openCore(account, Guard.this.own.region());
                }
            };
        }

        /**
         * Throws AccessDeniedException unless every authorization the request needs is allowed; returns the account
         * whose tables the request must reach when that is not the caller's own, {@link AccountBatches#SEVERAL} for
         * a batch over several accounts' tables, else null.
         */
        @Nullable
        String authorize(SdkRequest request) {
            if (ownAccount && allowedAtOnce(request)) {
                return null;
            }
            boolean policyOperation = request instanceof PutResourcePolicyRequest
                    || request instanceof GetResourcePolicyRequest
                    || request instanceof DeleteResourcePolicyRequest;
            // most requests need one authorization: no list is made for them
            AccessRequest single = mapping.single(request);
            List<AccessRequest> asks = single == null ? mapping.of(request) : List.of();
            int count = single == null ? asks.size() : 1;
            @Nullable String foreign = null;
            boolean ownToo = false;
            for (int i = 0; i < count; i++) {
                AccessRequest ask = single != null ? single : asks.get(i);
                String resourceAccount = ask.resourceAccount();
                boolean foreignResource = resourceAccount != null && !resourceAccount.equals(principal.account());
                if (policyOperation && foreignResource) {
                    // AWS answers a ValidationException before any policy is evaluated: only the owner manages a
                    // resource's policy (engine.ops.PolicyOperations)
                    continue;
                }
                Evaluator.Outcome outcome = Evaluator.decide(principal, ask, resourcePolicies.of(ask, tables));
                if (outcome != Evaluator.Outcome.ALLOW) {
                    throw Evaluator.denial(outcome, principal, ask);
                }
                if (!foreignResource) {
                    ownToo = true;
                } else if (foreign == null) {
                    foreign = resourceAccount;
                } else if (!foreign.equals(resourceAccount)) {
                    ownToo = true;
                }
            }
            if (request instanceof PutResourcePolicyRequest put
                    && foreign == null
                    && !Boolean.TRUE.equals(put.confirmRemoveSelfResourceAccess())
                    && SelfLockout.locksOut(principal, principal.contextKeys(own.region()), put)) {
                // the caller is allowed to attach it, but it would deny the caller the next change: AWS asks for the
                // confirmation (ConfirmRemoveSelfResourceAccess)
                throw EngineErrors.accessDenied(SelfLockout.MESSAGE);
            }
            if (policyOperation) {
                return null;
            }
            if (foreign != null && ownToo && AccountBatches.splittable(request)) {
                // a batch over several accounts' tables, every part allowed: each part runs in its own account
                return AccountBatches.SEVERAL;
            }
            // any other request that mixes accounts (a transaction over an own table and another account's) is not
            // routed: one namespace answers it, and refuses it there (regions.CrossAccountCalls)
            return ownToo ? null : foreign;
        }

        /**
         * Whether a GetItem, PutItem, UpdateItem or DeleteItem on a table of the caller's own account, named by its
         * name, is allowed by what {@link ItemDecisions} remembers; false sends it to the full evaluation.
         */
        private boolean allowedAtOnce(SdkRequest request) {
            if (request instanceof GetItemRequest r) {
                return allowedAtOnce(
                        ItemDecisions.Action.GET_ITEM,
                        r.tableName(),
                        r.key(),
                        null,
                        r.returnConsumedCapacityAsString());
            }
            if (request instanceof PutItemRequest r) {
                return allowedAtOnce(
                        ItemDecisions.Action.PUT_ITEM,
                        r.tableName(),
                        r.item(),
                        r.returnValuesAsString(),
                        r.returnConsumedCapacityAsString());
            }
            if (request instanceof UpdateItemRequest r) {
                return allowedAtOnce(
                        ItemDecisions.Action.UPDATE_ITEM,
                        r.tableName(),
                        r.key(),
                        r.returnValuesAsString(),
                        r.returnConsumedCapacityAsString());
            }
            if (request instanceof DeleteItemRequest r) {
                return allowedAtOnce(
                        ItemDecisions.Action.DELETE_ITEM,
                        r.tableName(),
                        r.key(),
                        r.returnValuesAsString(),
                        r.returnConsumedCapacityAsString());
            }
            return false;
        }

        private boolean allowedAtOnce(
                ItemDecisions.Action action,
                @Nullable String tableName,
                Map<String, AttributeValue> item,
                @Nullable String returnValues,
                @Nullable String consumed) {
            if (tableName == null || tableName.startsWith("arn:")) {
                return false;
            }
            TableDefinition table = definition(account, tableName);
            return table != null && items.allows(action, table, item, returnValues, consumed);
        }

        private @Nullable TableDefinition definition(String account, String tableName) {
            @Nullable Engine core;
            if (account.equals(this.account)) {
                // the caller's own namespace, looked up once: a namespace's core is fixed once it is open
                core = ownCore;
                if (core == null) {
                    core = engine.openCore(account, own.region());
                    ownCore = core;
                }
            } else {
                core = engine.openCore(account, own.region());
            }
            Table table = core == null ? null : core.table(tableName);
            return table == null ? null : table.definition();
        }
    }
}
