package dev.singletable.engine.ops;

import dev.singletable.engine.capacity.CapacityMeter;
import dev.singletable.engine.capacity.Throttle;
import dev.singletable.engine.core.Engine;
import dev.singletable.engine.core.ItemChange;
import dev.singletable.engine.core.Keys;
import dev.singletable.engine.core.Table;
import dev.singletable.engine.error.EngineErrors;
import dev.singletable.engine.expr.ProjectionExpr;
import dev.singletable.engine.storage.PrimaryKey;
import dev.singletable.engine.storage.StoredItem;
import dev.singletable.engine.value.AttributeValues;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * BatchGetItem and BatchWriteItem. Every request is validated before anything is read or written; each write is
 * atomic on its own, and the batch as a whole is not a transaction (as in DynamoDB).
 * Their limits and unprocessed entries follow [1] and [2].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchGetItem.html">BatchGetItem</a>
 * <br>[2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html">BatchWriteItem</a>
 */
public final class BatchOperations {

    static final int MAX_GET_KEYS = 100;
    static final int MAX_WRITES = 25;
    static final long MAX_GET_RESPONSE_BYTES = 16L * 1024 * 1024;

    private final Engine engine;

    public BatchOperations(Engine engine) {
        this.engine = engine;
    }

    /** @param named the table as the request named it (name or ARN): responses are keyed the same way */
    private record TableGets(
            String named,
            Table table,
            List<PrimaryKey> keys,
            List<Map<String, AttributeValue>> rawKeys,
            @Nullable ProjectionExpr projection,
            boolean consistent,
            KeysAndAttributes request) {}

    /** What {@link #checkBeforeLookup(BatchGetItemRequest)} works out per table, in the request's order. */
    private record CheckedGets(
            List<ProjectionExpr> projections, List<List<Map<String, AttributeValue>>> normalizedKeys) {}

    /**
     * The checks AWS makes on a BatchGetItem before it looks up any table (the key limit, each table's expressions,
     * key values and duplicates). Public so that a batch over tables of two accounts (engine.regions, engine.access)
     * is checked as a whole before its parts run, each in its account's tables.
     */
    public static void checkBeforeLookup(BatchGetItemRequest r) {
        checkGets(r);
    }

    /** Throws whatever {@link #batchGetItem} would throw before reading anything; reads nothing. */
    public void check(BatchGetItemRequest r) {
        planGets(r);
    }

    public BatchGetItemResponse batchGetItem(BatchGetItemRequest r) {
        List<TableGets> plan = planGets(r);
        return read(plan, r.returnConsumedCapacity());
    }

    private static CheckedGets checkGets(BatchGetItemRequest r) {
        int total = r.requestItems().values().stream()
                .mapToInt(k -> k.keys().size())
                .sum();
        if (total > MAX_GET_KEYS) {
            throw EngineErrors.validation("Too many items requested for the BatchGetItem call");
        }
        List<ProjectionExpr> projections = new ArrayList<>();
        List<List<Map<String, AttributeValue>>> normalizedKeys = new ArrayList<>();
        for (Map.Entry<String, KeysAndAttributes> e : r.requestItems().entrySet()) {
            KeysAndAttributes ka = e.getValue();
            ProjectionExpr projection = RequestExpressions.of(
                            ka.hasExpressionAttributeNames(), ka.expressionAttributeNames())
                    .legacy(ka.hasAttributesToGet(), "AttributesToGet")
                    .projection(
                            ka.projectionExpression(),
                            () -> RequestExpressions.attributesToGet(ka.hasAttributesToGet(), ka.attributesToGet()))
                    .compile()
                    .projection();
            List<Map<String, AttributeValue>> normalized =
                    new ArrayList<>(ka.keys().size());
            for (Map<String, AttributeValue> raw : ka.keys()) {
                Map<String, AttributeValue> key = AttributeValues.normalizeItem(raw);
                RequestChecks.keyValuesNotEmpty(key);
                normalized.add(key);
            }
            // AWS compares BatchGetItem's keys as sent: 1000 and 1e3 are not duplicates here (BatchWriteItem's are)
            RequestChecks.noDuplicateKeys(ka.keys());
            projections.add(projection);
            normalizedKeys.add(normalized);
        }
        return new CheckedGets(projections, normalizedKeys);
    }

    private List<TableGets> planGets(BatchGetItemRequest r) {
        // every table's keys are checked before any table is looked up, as AWS does
        CheckedGets checked = checkGets(r);
        List<ProjectionExpr> projections = checked.projections();
        List<List<Map<String, AttributeValue>>> normalizedKeys = checked.normalizedKeys();
        List<TableGets> plan = new ArrayList<>();
        int t = 0;
        for (Map.Entry<String, KeysAndAttributes> e : r.requestItems().entrySet()) {
            KeysAndAttributes ka = e.getValue();
            ProjectionExpr projection = projections.get(t);
            List<Map<String, AttributeValue>> normalized = normalizedKeys.get(t++);
            Table table = engine.requireTable(e.getKey());
            List<PrimaryKey> keys = new ArrayList<>();
            List<Map<String, AttributeValue>> rawKeys = new ArrayList<>();
            Set<PrimaryKey> seen = new HashSet<>();
            for (int i = 0; i < normalized.size(); i++) {
                PrimaryKey key = Keys.fromKey(table.definition(), normalized.get(i));
                // one item named twice with numbers written differently is read (and returned) once, as AWS does
                // (ScyllaDB's test_batch.py::test_batch_get_item_duplicate_number_key, run against AWS)
                if (seen.add(key)) {
                    keys.add(key);
                    rawKeys.add(ka.keys().get(i));
                }
            }
            plan.add(new TableGets(
                    e.getKey(), table, keys, rawKeys, projection, Boolean.TRUE.equals(ka.consistentRead()), ka));
        }
        return plan;
    }

    private BatchGetItemResponse read(List<TableGets> plan, ReturnConsumedCapacity consumedMode) {
        Map<String, List<Map<String, AttributeValue>>> responses = new LinkedHashMap<>();
        Map<String, KeysAndAttributes> unprocessed = new LinkedHashMap<>();
        List<ConsumedCapacity> capacity = new ArrayList<>();
        long responseBytes = 0;
        // a key its table or partition cannot serve now is left unprocessed; if every key is, the batch fails
        Throttle throttled = null;
        boolean anyServed = false;
        for (TableGets gets : plan) {
            List<Map<String, AttributeValue>> found = new ArrayList<>();
            List<Map<String, AttributeValue>> left = new ArrayList<>();
            CapacityMeter meter = new CapacityMeter(gets.named());
            for (int i = 0; i < gets.keys().size(); i++) {
                if (responseBytes >= MAX_GET_RESPONSE_BYTES) {
                    left.add(gets.rawKeys().get(i));
                    continue;
                }
                PrimaryKey key = gets.keys().get(i);
                Throttle refused = engine.capacity().checkRead(gets.table(), null, key.partition(), gets.consistent());
                if (refused != null) {
                    throttled = refused;
                    left.add(gets.rawKeys().get(i));
                    continue;
                }
                anyServed = true;
                StoredItem item = gets.table().data().get(key);
                if (item != null) {
                    // unlike GetItem, a batch charges nothing for a key it does not find
                    double units = CapacityMeter.readUnits(item.size(), gets.consistent());
                    engine.capacity().chargeTable(gets.table(), key.partition(), units, false);
                    meter.addTable(units);
                    responseBytes += item.size();
                    found.add(
                            gets.projection() == null
                                    ? item.attributes()
                                    : gets.projection().apply(item.attributes()));
                }
            }
            responses.put(gets.named(), found);
            if (!left.isEmpty()) {
                unprocessed.put(
                        gets.named(), gets.request().toBuilder().keys(left).build());
            }
            addCapacity(capacity, meter, consumedMode);
        }
        if (throttled != null && !anyServed) {
            throw throttled.exception();
        }
        BatchGetItemResponse.Builder out =
                BatchGetItemResponse.builder().responses(responses).unprocessedKeys(unprocessed);
        if (!capacity.isEmpty()) {
            out.consumedCapacity(capacity);
        }
        return out.build();
    }

    /** @param named the table as the request named it (name or ARN): responses are keyed the same way */
    private record PlannedWrite(
            String named,
            Table table,
            PrimaryKey key,
            @Nullable StoredItem newItem,
            WriteRequest request) {}

    /**
     * The checks AWS makes on a BatchWriteItem before it looks up any table (the write limit, each write's shape,
     * values and size, duplicate delete keys). Public so that a batch over tables of two accounts (engine.regions,
     * engine.access) is checked as a whole before its parts run, each in its account's tables.
     */
    public static void checkBeforeLookup(BatchWriteItemRequest r) {
        checkWrites(r);
    }

    /** Throws whatever {@link #batchWriteItem} would throw before writing anything; writes nothing. */
    public void check(BatchWriteItemRequest r) {
        planWrites(r);
    }

    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest r) {
        return write(planWrites(r), r);
    }

    /** A write's values, normalized, and for a put the item's size (-1 for a delete). */
    private record Checked(Map<String, AttributeValue> values, long size) {}

    /** Each write's values, normalized, by the write (identity: two equal writes are two writes). */
    private static Map<WriteRequest, Checked> checkWrites(BatchWriteItemRequest r) {
        int total = r.requestItems().values().stream().mapToInt(List::size).sum();
        if (total > MAX_WRITES) {
            throw EngineErrors.validation("Too many items requested for the BatchWriteItem call");
        }
        // the requests' values are checked before any table is looked up, as AWS does
        Map<WriteRequest, Checked> normalized = new java.util.IdentityHashMap<>();
        for (Map.Entry<String, List<WriteRequest>> e : r.requestItems().entrySet()) {
            List<Map<String, AttributeValue>> deleteKeys = new ArrayList<>();
            for (WriteRequest w : e.getValue()) {
                boolean put = w.putRequest() != null;
                if (put == (w.deleteRequest() != null)) {
                    // DynamoDB's own wording for a WriteRequest with neither or both members
                    throw EngineErrors.validation(
                            "Supplied AttributeValue has more than one datatypes set, must contain "
                                    + "exactly one of the supported datatypes");
                }
                if (put) {
                    Map<String, AttributeValue> item =
                            AttributeValues.normalizeItem(w.putRequest().item());
                    normalized.put(w, new Checked(item, RequestChecks.itemSize(item)));
                } else {
                    Map<String, AttributeValue> key =
                            AttributeValues.normalizeItem(w.deleteRequest().key());
                    RequestChecks.keyValuesNotEmpty(key);
                    deleteKeys.add(key);
                    normalized.put(w, new Checked(key, -1));
                }
            }
            RequestChecks.noDuplicateKeys(deleteKeys);
        }
        return normalized;
    }

    private List<PlannedWrite> planWrites(BatchWriteItemRequest r) {
        Map<WriteRequest, Checked> normalized = checkWrites(r);
        List<PlannedWrite> plan = new ArrayList<>();
        Set<Map.Entry<String, PrimaryKey>> seen = new HashSet<>(); // keys compared as keys, not as built strings
        for (Map.Entry<String, List<WriteRequest>> e : r.requestItems().entrySet()) {
            Table table = engine.requireTable(e.getKey());
            for (WriteRequest w : e.getValue()) {
                boolean put = w.putRequest() != null;
                // the loop above normalized every write (or threw)
                Checked checked = Objects.requireNonNull(normalized.get(w));
                Map<String, AttributeValue> values = checked.values();
                PrimaryKey key;
                StoredItem newItem = null;
                if (put) {
                    key = Keys.fromItem(table.definition(), values);
                    newItem = ItemWrites.newItem(table.definition(), values, checked.size());
                } else {
                    key = Keys.fromKey(table.definition(), values);
                }
                if (!seen.add(Map.entry(table.name(), key))) {
                    throw EngineErrors.validation("Provided list of item keys contains duplicates");
                }
                plan.add(new PlannedWrite(e.getKey(), table, key, newItem, w));
            }
        }
        return plan;
    }

    private BatchWriteItemResponse write(List<PlannedWrite> plan, BatchWriteItemRequest r) {
        Map<String, CapacityMeter> meters = new LinkedHashMap<>();
        // a write its table, a global index or its partition cannot take now is left unprocessed; if every write is,
        // the batch fails
        Map<String, List<WriteRequest>> unprocessed = new LinkedHashMap<>();
        List<PlannedWrite> done = new ArrayList<>();
        // Each write is its own unit (its own commit, sequence number and stream record: a batch is not atomic) in a
        // commit-lock section of its own, but the call waits for the journal once, after the last write, instead of
        // once per write (with sync=group, 25 flushes in a row for a full batch by a writer alone; issue 21). Nothing
        // is visible before it is durable either way (Engine#commit); the call returns only once every write it made
        // is durable and visible, also when one of them throws.
        Throttle throttled = null;
        Engine.Wait wait = new Engine.Wait();
        try {
            for (PlannedWrite w : plan) {
                Throttle refused =
                        engine.capacity().checkWrite(w.table(), w.key().partition());
                if (refused != null) {
                    throttled = refused;
                    unprocessed
                            .computeIfAbsent(w.named(), t -> new ArrayList<>())
                            .add(w.request());
                    continue;
                }
                done.add(w);
                StoredItem old = engine.exclusive(
                        () -> {
                            StoredItem current = w.table().current(w.key());
                            if (w.newItem() != null || current != null) {
                                ItemCollections.checkLimit(w.table(), w.key(), current, w.newItem());
                                engine.commit(List.of(ItemChange.of(w.table(), w.key(), current, w.newItem())));
                            }
                            return current;
                        },
                        wait);
                CapacityMeter one = new CapacityMeter(w.named());
                long size = Math.max(
                        old == null ? 0 : old.size(),
                        w.newItem() == null ? 0 : w.newItem().size());
                one.addTable(CapacityMeter.writeUnits(size));
                if (old != null || w.newItem() != null) {
                    IndexWriteCost.charge(one, w.table(), w.key(), old, w.newItem(), 1);
                }
                engine.capacity().charge(w.table(), w.key().partition(), one, true);
                meters.computeIfAbsent(w.named(), CapacityMeter::new).absorb(one);
            }
        } finally {
            engine.await(wait);
        }
        if (throttled != null && done.isEmpty()) {
            throw throttled.exception();
        }
        List<ConsumedCapacity> capacity = new ArrayList<>();
        meters.values().forEach(m -> addCapacity(capacity, m, r.returnConsumedCapacity()));
        BatchWriteItemResponse.Builder out = BatchWriteItemResponse.builder().unprocessedItems(unprocessed);
        if (!capacity.isEmpty()) {
            out.consumedCapacity(capacity);
        }
        Map<String, List<ItemCollectionMetrics>> metrics = collectionMetrics(
                done.stream().map(w -> Map.entry(w.table(), w.key())).toList(), r.returnItemCollectionMetrics());
        if (!metrics.isEmpty()) {
            out.itemCollectionMetrics(metrics);
        }
        return out.build();
    }

    /** One ItemCollectionMetrics per item collection a batch or transaction wrote to, by table. */
    static Map<String, List<ItemCollectionMetrics>> collectionMetrics(
            List<Map.Entry<Table, PrimaryKey>> written, @Nullable ReturnItemCollectionMetrics mode) {
        Map<String, List<ItemCollectionMetrics>> out = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Map.Entry<Table, PrimaryKey> w : written) {
            ItemCollectionMetrics m = ItemCollections.metrics(w.getKey(), w.getValue(), mode);
            if (m != null
                    && seen.add(w.getKey().name() + "\u0000" + w.getValue().partition())) {
                out.computeIfAbsent(w.getKey().name(), t -> new ArrayList<>()).add(m);
            }
        }
        return out;
    }

    static void addCapacity(List<ConsumedCapacity> into, CapacityMeter meter, ReturnConsumedCapacity mode) {
        ConsumedCapacity c = meter.build(mode);
        if (c != null) {
            into.add(c);
        }
    }
}
