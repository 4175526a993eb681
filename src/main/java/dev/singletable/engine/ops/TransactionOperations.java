package dev.singletable.engine.ops;

import dev.singletable.engine.capacity.CapacityMeter;
import dev.singletable.engine.capacity.Throttle;
import dev.singletable.engine.core.Engine;
import dev.singletable.engine.core.ItemChange;
import dev.singletable.engine.core.Table;
import dev.singletable.engine.error.EngineErrors;
import dev.singletable.engine.expr.ConditionExpr;
import dev.singletable.engine.expr.ProjectionExpr;
import dev.singletable.engine.expr.UpdateExpr;
import dev.singletable.engine.storage.PrimaryKey;
import dev.singletable.engine.storage.StoredItem;
import dev.singletable.engine.value.AttributeValues;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

/**
 * TransactWriteItems and TransactGetItems. A transaction checks every condition and computes every new item while it
 * holds the commit lock, then commits all changes as one unit or none: it is serializable against every other write,
 * and a TransactGetItems, also taken under the lock, never sees half of one. Because writes are serialized rather than
 * interleaved, no transaction ever finds another in flight, so TransactionConflict never arises here.
 * The semantics are those of [1], [2] and [3]; a request's values are checked before its tables, as [4] orders
 * the errors.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html">Amazon DynamoDB Transactions: how it works</a>
 * <br>[2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html">TransactWriteItems</a>
 * <br>[3] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactGetItems.html">TransactGetItems</a>
 * <br>[4] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/CommonErrors.html">Common Errors</a>
 */
public final class TransactionOperations {

    static final long MAX_TRANSACTION_BYTES = 4L * 1024 * 1024;

    private final Engine engine;
    private final IdempotencyTokens tokens;
    private final ExpressionMemo expressions = new ExpressionMemo();

    public TransactionOperations(Engine engine) {
        this.engine = engine;
        this.tokens = new IdempotencyTokens(engine::nowMillis);
    }

    /**
     * One validated action of a write transaction; {@code named} is its table as the request named it (name or ARN),
     * which is how ConsumedCapacity names it.
     */
    private record Action(
            String named,
            Table table,
            ActionKey actionKey,
            Kind kind,
            @Nullable StoredItem putItem,
            @Nullable UpdateExpr update,
            @Nullable ConditionExpr condition,
            @Nullable ReturnValuesOnConditionCheckFailure onFailure) {

        /** The action's key; only once no action of the transaction has a {@link #keyError}. */
        PrimaryKey key() {
            return actionKey.resolved();
        }

        @Nullable
        String keyError() {
            return actionKey.error();
        }
    }

    private enum Kind {
        PUT,
        UPDATE,
        DELETE,
        CHECK
    }

    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest r) {
        if (r.clientRequestToken() != null) {
            return tokens.run(r.clientRequestToken(), r, () -> execute(r));
        }
        return execute(r);
    }

    private TransactWriteItemsResponse execute(TransactWriteItemsRequest r) {
        List<Action> actions = new ArrayList<>();
        Set<Map.Entry<String, PrimaryKey>> seen = new HashSet<>(); // keys compared as keys, not as built strings
        long totalBytes = 0;
        List<Parsed> parsed = r.transactItems().stream().map(this::parse).toList();
        for (Parsed item : parsed) {
            Action action = prepare(item);
            if (action.keyError() == null && !seen.add(Map.entry(action.table().name(), action.key()))) {
                throw EngineErrors.validation("Transaction request cannot include multiple operations on one item");
            }
            totalBytes += action.putItem() == null ? 0 : action.putItem().size();
            actions.add(action);
        }
        if (totalBytes > MAX_TRANSACTION_BYTES) {
            throw EngineErrors.validation("Transaction payload size cannot exceed 4MB. Payload Size: " + totalBytes);
        }
        if (engine.capacity().enabled()) {
            refuseThrottled(actions.stream()
                    .map(a -> a.keyError() != null
                            ? null
                            : a.kind() == Kind.CHECK
                                    ? engine.capacity()
                                            .checkRead(a.table(), null, a.key().partition(), true)
                                    : engine.capacity()
                                            .checkWrite(a.table(), a.key().partition()))
                    .toList());
        }
        List<ItemChange> changes = engine.exclusive(() -> {
            // every action is validated before any condition is evaluated, and validation stops at the first invalid
            // action: it alone carries ValidationError, every other action None (AWS's answer in ScyllaDB's
            // test_transact.py::test_transact_write_cancellation_reasons_validationerror, run against AWS)
            Action firstInvalid = actions.stream()
                    .filter(a -> a.keyError() != null)
                    .findFirst()
                    .orElse(null);
            if (firstInvalid != null) {
                throw EngineErrors.transactionCanceled(actions.stream()
                        .map(a -> a == firstInvalid
                                ? CancellationReason.builder()
                                        .code("ValidationError")
                                        .message(a.keyError())
                                        .build()
                                : CancellationReason.builder().code("None").build())
                        .toList());
            }
            List<CancellationReason> reasons = new ArrayList<>();
            List<ItemChange> planned = new ArrayList<>();
            boolean cancelled = false;
            boolean invalid = false;
            for (Action a : actions) {
                if (invalid) {
                    reasons.add(CancellationReason.builder().code("None").build());
                    continue;
                }
                StoredItem current = a.table().current(a.key());
                if (!ItemWrites.holds(a.condition(), current)) {
                    cancelled = true;
                    CancellationReason.Builder reason = CancellationReason.builder()
                            .code("ConditionalCheckFailed")
                            .message("The conditional request failed");
                    if (a.onFailure() == ReturnValuesOnConditionCheckFailure.ALL_OLD && current != null) {
                        reason.item(current.attributes());
                    }
                    reasons.add(reason.build());
                    continue;
                }
                try {
                    StoredItem next =
                            switch (a.kind()) {
                                case PUT -> a.putItem();
                                case UPDATE -> ItemWrites.updated(a.table().definition(), a.key(), current, a.update());
                                case DELETE, CHECK -> null;
                            };
                    if (a.kind() != Kind.CHECK
                            && (next != null || current != null)
                            && !(a.kind() == Kind.UPDATE && next == null)) {
                        planned.add(ItemChange.of(a.table(), a.key(), current, next));
                    }
                    reasons.add(CancellationReason.builder().code("None").build());
                } catch (AwsServiceException error) {
                    cancelled = true;
                    invalid = true; // the first invalid action ends the evaluation: the rest are None
                    reasons.add(CancellationReason.builder()
                            .code("ValidationError")
                            .message(error.awsErrorDetails().errorMessage())
                            .build());
                }
            }
            if (cancelled) {
                throw EngineErrors.transactionCanceled(reasons);
            }
            for (ItemChange change : planned) {
                ItemCollections.checkLimit(change.table(), change.key(), change.oldItem(), change.newItem());
            }
            engine.commit(planned);
            return planned;
        });
        Map<String, CapacityMeter> meters = new LinkedHashMap<>();
        for (Action a : actions) {
            CapacityMeter meter =
                    meters.computeIfAbsent(a.named(), name -> new CapacityMeter(name).reportingUnits(true));
            ItemChange change = changes.stream()
                    .filter(c -> c.table() == a.table() && c.key().equals(a.key()))
                    .findFirst()
                    .orElse(null);
            long size = change == null
                    ? (a.putItem() == null ? 0 : a.putItem().size())
                    : Math.max(
                            change.oldItem() == null ? 0 : change.oldItem().size(),
                            change.newItem() == null ? 0 : change.newItem().size());
            CapacityMeter one = new CapacityMeter(a.named());
            one.addTable(2
                    * (a.kind() == Kind.CHECK ? CapacityMeter.readUnits(size, true) : CapacityMeter.writeUnits(size)));
            if (change != null) {
                IndexWriteCost.charge(one, a.table(), a.key(), change.oldItem(), change.newItem(), 2);
            }
            engine.capacity().charge(a.table(), a.key().partition(), one, a.kind() != Kind.CHECK);
            meter.absorb(one);
        }
        List<ConsumedCapacity> capacity = new ArrayList<>();
        meters.values().forEach(m -> BatchOperations.addCapacity(capacity, m, r.returnConsumedCapacity()));
        TransactWriteItemsResponse.Builder out = TransactWriteItemsResponse.builder();
        if (!capacity.isEmpty()) {
            out.consumedCapacity(capacity);
        }
        Map<String, List<software.amazon.awssdk.services.dynamodb.model.ItemCollectionMetrics>> metrics =
                BatchOperations.collectionMetrics(
                        changes.stream().map(c -> Map.entry(c.table(), c.key())).toList(),
                        r.returnItemCollectionMetrics());
        if (!metrics.isEmpty()) {
            out.itemCollectionMetrics(metrics);
        }
        return out.build();
    }

    /**
     * One action as far as it can be checked without its table: which kind, its expressions (parsed, every name and
     * value used) and its item or key values, with a Put's item size. Every action of a transaction is parsed before any
     * table is looked up, as DynamoDB Local does and as AWS checks a request's values before the table [4]: a bad
     * expression or an oversized item anywhere in the request wins over a missing table or an empty key value in an
     * earlier action (the reference is the class comment's).
     */
    private record Parsed(
            Kind kind,
            String tableName,
            Map<String, AttributeValue> values,
            long size,
            @Nullable UpdateExpr update,
            @Nullable ConditionExpr condition,
            @Nullable ReturnValuesOnConditionCheckFailure onFailure) {}

    /** Parses one action (see {@link Parsed}); a Put's item size, computed here, is not computed again. */
    private Parsed parse(TransactWriteItem item) {
        int present = (item.put() != null ? 1 : 0)
                + (item.update() != null ? 1 : 0)
                + (item.delete() != null ? 1 : 0)
                + (item.conditionCheck() != null ? 1 : 0);
        if (present != 1) {
            throw EngineErrors.validation("TransactItems can only contain one of Check, Put, Update or Delete");
        }
        if (item.put() != null) {
            var p = item.put();
            ConditionExpr condition = compile(
                            Kind.PUT,
                            null,
                            p.conditionExpression(),
                            p.hasExpressionAttributeNames(),
                            p.expressionAttributeNames(),
                            p.hasExpressionAttributeValues(),
                            p.expressionAttributeValues())
                    .condition();
            Map<String, AttributeValue> attributes = AttributeValues.normalizeItem(p.item());
            long size = RequestChecks.itemSize(attributes);
            return new Parsed(
                    Kind.PUT,
                    p.tableName(),
                    attributes,
                    size,
                    null,
                    condition,
                    p.returnValuesOnConditionCheckFailure());
        }
        if (item.update() != null) {
            var u = item.update();
            RequestExpressions.Compiled compiled = compile(
                    Kind.UPDATE,
                    u.updateExpression(),
                    u.conditionExpression(),
                    u.hasExpressionAttributeNames(),
                    u.expressionAttributeNames(),
                    u.hasExpressionAttributeValues(),
                    u.expressionAttributeValues());
            return new Parsed(
                    Kind.UPDATE,
                    u.tableName(),
                    AttributeValues.normalizeItem(u.key()),
                    -1,
                    compiled.update(),
                    compiled.condition(),
                    u.returnValuesOnConditionCheckFailure());
        }
        if (item.delete() != null) {
            var d = item.delete();
            ConditionExpr condition = compile(
                            Kind.DELETE,
                            null,
                            d.conditionExpression(),
                            d.hasExpressionAttributeNames(),
                            d.expressionAttributeNames(),
                            d.hasExpressionAttributeValues(),
                            d.expressionAttributeValues())
                    .condition();
            return new Parsed(
                    Kind.DELETE,
                    d.tableName(),
                    AttributeValues.normalizeItem(d.key()),
                    -1,
                    null,
                    condition,
                    d.returnValuesOnConditionCheckFailure());
        }
        var c = item.conditionCheck();
        ConditionExpr condition = compile(
                        Kind.CHECK,
                        null,
                        c.conditionExpression(),
                        c.hasExpressionAttributeNames(),
                        c.expressionAttributeNames(),
                        c.hasExpressionAttributeValues(),
                        c.expressionAttributeValues())
                .condition();
        return new Parsed(
                Kind.CHECK,
                c.tableName(),
                AttributeValues.normalizeItem(c.key()),
                -1,
                null,
                condition,
                c.returnValuesOnConditionCheckFailure());
    }

    /**
     * An action's expressions, compiled once per distinct action ({@link ExpressionMemo}: compiling depends on nothing
     * else, so the answer is the same). An Update and a ConditionCheck require an expression; only an Update has an
     * UpdateExpression; a map the request did not send is absent (null) in the memo's key.
     */
    private RequestExpressions.Compiled compile(
            Kind kind,
            @Nullable String update,
            @Nullable String condition,
            boolean hasNames,
            Map<String, String> names,
            boolean hasValues,
            Map<String, AttributeValue> values) {
        ExpressionMemo.Key key = new ExpressionMemo.Key(
                kind.name(), update, condition, hasNames ? names : null, hasValues ? values : null);
        return expressions.compile(key, () -> {
            RequestExpressions request = RequestExpressions.of(hasNames, names, hasValues, values);
            if (kind == Kind.UPDATE || kind == Kind.CHECK) {
                request.expressionRequired();
            }
            if (kind == Kind.UPDATE) {
                request.update(update, null);
            }
            return request.condition(condition, null).compile();
        });
    }

    /** The parsed action against its table: the table looked up, the key resolved, a Put's item built. */
    private Action prepare(Parsed p) {
        Table table = engine.requireTable(p.tableName());
        if (p.kind() == Kind.PUT) {
            ActionKey key = ActionKey.fromItem(table.definition(), p.values());
            return new Action(
                    p.tableName(),
                    table,
                    key,
                    Kind.PUT,
                    ItemWrites.newItem(table.definition(), p.values(), p.size()),
                    null,
                    p.condition(),
                    p.onFailure());
        }
        ActionKey key = ActionKey.fromKey(table.definition(), p.values());
        if (p.kind() == Kind.UPDATE) {
            try {
                ItemWrites.checkUpdatableAttributes(table.definition(), p.update());
            } catch (AwsServiceException keyAttribute) {
                // like a bad key value, an update of a key attribute invalidates only this action
                key = new ActionKey(null, keyAttribute.awsErrorDetails().errorMessage());
            }
        }
        return new Action(p.tableName(), table, key, p.kind(), null, p.update(), p.condition(), p.onFailure());
    }

    public TransactGetItemsResponse transactGetItems(TransactGetItemsRequest r) {
        record Read(
                String named,
                Table table,
                PrimaryKey key,
                @Nullable ProjectionExpr projection) {}
        List<Read> reads = new ArrayList<>();
        Set<Map.Entry<String, PrimaryKey>> seen = new HashSet<>();
        for (TransactGetItem item : r.transactItems()) {
            Get g = item.get();
            ProjectionExpr projection = RequestExpressions.of(
                            g.hasExpressionAttributeNames(), g.expressionAttributeNames())
                    .projection(g.projectionExpression(), null)
                    .compile()
                    .projection();
            Table table = engine.requireTable(g.tableName());
            ActionKey key = ActionKey.fromGetKey(table.definition(), AttributeValues.normalizeItem(g.key()));
            if (key.error() != null) {
                // validation stops at the first invalid action, which alone carries ValidationError (as in
                // TransactWriteItems); the actions after it are not checked at all: a missing table or a bad
                // projection there does not turn the cancellation into another error (as DynamoDB Local answers)
                int invalid = reads.size();
                List<CancellationReason> reasons = new ArrayList<>();
                for (int i = 0; i < r.transactItems().size(); i++) {
                    reasons.add(
                            i == invalid
                                    ? CancellationReason.builder()
                                            .code("ValidationError")
                                            .message(key.error())
                                            .build()
                                    : CancellationReason.builder().code("None").build());
                }
                throw EngineErrors.transactionCanceled(reasons);
            }
            if (!seen.add(Map.entry(table.name(), key.resolved()))) {
                throw EngineErrors.validation("Transaction request cannot include multiple operations on one item");
            }
            reads.add(new Read(g.tableName(), table, key.resolved(), projection));
        }
        if (engine.capacity().enabled()) {
            refuseThrottled(reads.stream()
                    .map(read -> engine.capacity()
                            .checkRead(read.table(), null, read.key().partition(), true))
                    .toList());
        }
        List<StoredItem> snapshot = engine.consistentRead(() -> {
            List<StoredItem> items = new ArrayList<>();
            for (Read read : reads) {
                items.add(read.table().data().get(read.key()));
            }
            return items;
        });
        List<ItemResponse> responses = new ArrayList<>();
        Map<String, CapacityMeter> meters = new LinkedHashMap<>();
        for (int i = 0; i < reads.size(); i++) {
            Read read = reads.get(i);
            StoredItem found = snapshot.get(i);
            double units = 2 * CapacityMeter.readUnits(found == null ? 0 : found.size(), true);
            engine.capacity().chargeTable(read.table(), read.key().partition(), units, false);
            meters.computeIfAbsent(read.named(), name -> new CapacityMeter(name).reportingUnits(false))
                    .addTable(units);
            if (found == null) {
                responses.add(ItemResponse.builder().build());
            } else {
                responses.add(ItemResponse.builder()
                        .item(
                                read.projection() == null
                                        ? found.attributes()
                                        : read.projection().apply(found.attributes()))
                        .build());
            }
        }
        List<ConsumedCapacity> capacity = new ArrayList<>();
        meters.values().forEach(m -> BatchOperations.addCapacity(capacity, m, r.returnConsumedCapacity()));
        TransactGetItemsResponse.Builder out =
                TransactGetItemsResponse.builder().responses(responses);
        if (!capacity.isEmpty()) {
            out.consumedCapacity(capacity);
        }
        return out.build();
    }

    /**
     * Cancels the whole transaction when any action's table, global index or partition cannot take it now: the
     * throttled actions get DynamoDB's throttling reason at their position, the others None.
     */
    private static void refuseThrottled(List<Throttle> throttles) {
        if (throttles.stream().allMatch(java.util.Objects::isNull)) {
            return;
        }
        List<CancellationReason> reasons = new ArrayList<>();
        for (Throttle t : throttles) {
            reasons.add(t == null ? CancellationReason.builder().code("None").build() : t.cancellationReason());
        }
        throw EngineErrors.transactionCanceled(reasons);
    }
}
