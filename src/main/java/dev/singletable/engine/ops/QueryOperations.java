package dev.singletable.engine.ops;

import dev.singletable.engine.capacity.CapacityMeter;
import dev.singletable.engine.core.Engine;
import dev.singletable.engine.core.Table;
import dev.singletable.engine.error.EngineErrors;
import dev.singletable.engine.expr.ConditionExpr;
import dev.singletable.engine.expr.KeyCondition;
import dev.singletable.engine.expr.KeyConditionExpr;
import dev.singletable.engine.expr.Legacy;
import dev.singletable.engine.expr.MultiKeyCondition;
import dev.singletable.engine.expr.ProjectionExpr;
import dev.singletable.engine.expr.SortOp;
import dev.singletable.engine.storage.IndexKey;
import dev.singletable.engine.storage.KeyValue;
import dev.singletable.engine.storage.PrimaryKey;
import dev.singletable.engine.storage.StoredItem;
import dev.singletable.engine.table.KeyDef;
import dev.singletable.engine.value.AttributeValues;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Query on a table or an index: a range read inside one partition, O(log n + items read).
 * Its parameters and errors are those of [1].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html">Query</a>
 */
public final class QueryOperations {

    private final Engine engine;

    public QueryOperations(Engine engine) {
        this.engine = engine;
    }

    public QueryResponse query(QueryRequest r) {
        RequestExpressions declared = RequestExpressions.of(
                        r.hasExpressionAttributeNames(),
                        r.expressionAttributeNames(),
                        r.hasExpressionAttributeValues(),
                        r.expressionAttributeValues())
                // AWS accepts the legacy KeyConditions beside a FilterExpression or ProjectionExpression (not beside a
                // KeyConditionExpression); the other legacy parameters exclude every expression parameter
                .legacy(r.hasKeyConditions() && r.keyConditionExpression() != null, "KeyConditions")
                .legacy(r.hasQueryFilter(), "QueryFilter")
                .legacy(r.hasAttributesToGet(), "AttributesToGet")
                .legacy(r.conditionalOperator() != null, "ConditionalOperator")
                .keyCondition(r.keyConditionExpression(), () -> Legacy.keyConditions(r.keyConditions()))
                .filter(
                        r.filterExpression(),
                        () -> RequestExpressions.filter(r.hasQueryFilter(), r.queryFilter(), r.conditionalOperator()))
                .projection(
                        r.projectionExpression(),
                        () -> RequestExpressions.attributesToGet(r.hasAttributesToGet(), r.attributesToGet()))
                .checkNotMixed();
        if (r.keyConditionExpression() == null && !r.hasKeyConditions()) {
            throw EngineErrors.validation("Either the KeyConditions or KeyConditionExpression parameter must be "
                    + "specified in the request.");
        }
        RequestExpressions.Compiled expressions = declared.compile();
        // present: one of the two parameters is (checked above), and each compiles to a key condition
        KeyConditionExpr keyCondition = Objects.requireNonNull(expressions.keyCondition());
        ConditionExpr filter = expressions.filter();
        ProjectionExpr projection = expressions.projection();
        Map<String, AttributeValue> esk =
                r.hasExclusiveStartKey() ? AttributeValues.normalizeItem(r.exclusiveStartKey()) : null;

        Table table = engine.requireTable(r.tableName());
        boolean consistent = Boolean.TRUE.equals(r.consistentRead());
        ReadTarget target = ReadTarget.of(table, r.indexName(), consistent, "Query");
        Select select =
                target.select(r.select(), projection, r.projectionExpression() == null && r.hasAttributesToGet());
        KeyDef schema = target.keySchema();
        boolean forward = !Boolean.FALSE.equals(r.scanIndexForward());
        // each kind of key resolves its own condition, and with it how the partition is read and where a page ends
        KeyValue partition; // the partition charged, null when none is (a global index, or capacity not enforced)
        Supplier<Iterator<StoredItem>> entries; // read after the capacity is admitted
        Predicate<Map<String, AttributeValue>> keepsLastKey;
        if (schema.multiAttribute()) {
            MultiKeyCondition multi = keyCondition.resolveMulti(schema.hashNames(), schema.rangeNames());
            checkFilterUsesNoKeyAttribute(filter, schema);
            MultiKeyQuery.checkTypes(multi, schema);
            partition = null; // multi-attribute keys exist only on global indexes
            entries = () -> MultiKeyQuery.entries(target, multi, esk, forward);
            keepsLastKey = lastKey -> true;
        } else {
            KeyCondition kc = keyCondition.resolve(schema.hashName(), schema.rangeName());
            checkFilterUsesNoKeyAttribute(filter, schema);
            checkTypes(kc, schema);
            partition = target.isGlobalIndex() || !engine.capacity().enabled()
                    ? null
                    : KeyValue.of(schema.hashType(), kc.hashValue());
            entries = () -> target.index == null
                    ? tableEntries(target, kc, esk, forward)
                    : indexEntries(target, kc, esk, forward);
            keepsLastKey = lastKey -> !endsAtInclusiveBound(lastKey, kc, schema, forward);
        }
        engine.capacity().admitRead(table, target.index, partition, consistent);
        CapacityMeter meter = new CapacityMeter(r.tableName());
        PageReader.Page page = PageReader.read(
                entries.get(),
                r.limit(),
                filter,
                target.shaper(select, projection, meter, consistent),
                target::lastEvaluatedKey,
                select == Select.COUNT);
        double units = CapacityMeter.pageReadUnits(page.bytesRead(), consistent, 1); // one partition
        target.charge(meter, units);
        engine.capacity().charge(table, partition, meter, false);
        QueryResponse.Builder out = QueryResponse.builder()
                .count(page.count())
                .scannedCount(page.scannedCount())
                .consumedCapacity(meter.build(r.returnConsumedCapacity()));
        if (select != Select.COUNT) {
            out.items(page.items());
        }
        Map<String, AttributeValue> lastKey = page.lastEvaluatedKey();
        if (lastKey != null && keepsLastKey.test(lastKey)) {
            out.lastEvaluatedKey(lastKey);
        }
        return out.build();
    }

    /**
     * A page that stops on the inclusive end of the sort-key range (BETWEEN's far bound, or the bound of {@code <=}
     * read forwards or {@code >=} read backwards) has read everything the condition can match, and DynamoDB then
     * returns no LastEvaluatedKey, though the Limit was reached.
     */
    private static boolean endsAtInclusiveBound(
            Map<String, AttributeValue> lastKey, KeyCondition kc, KeyDef schema, boolean forward) {
        AttributeValue bound =
                switch (kc.op()) {
                    case BETWEEN -> forward ? kc.hi() : kc.lo();
                    case LE -> forward ? kc.lo() : null;
                    case GE -> forward ? null : kc.lo();
                    default -> null;
                };
        AttributeValue last = schema.rangeName() == null ? null : lastKey.get(schema.rangeName());
        return bound != null && last != null && AttributeValues.compare(bound, last) == 0;
    }

    /** A Query's filter may not test the key attributes its key condition already constrains. */
    private static void checkFilterUsesNoKeyAttribute(@Nullable ConditionExpr filter, KeyDef schema) {
        if (filter == null) {
            return;
        }
        for (String attribute : filter.topLevelAttributes()) {
            if (schema.isKeyAttribute(attribute)) {
                throw EngineErrors.validation("Filter Expression can only contain non-primary key attributes: Primary "
                        + "key attribute: " + attribute);
            }
        }
    }

    private static void checkTypes(KeyCondition kc, KeyDef schema) {
        checkValue(kc.hashValue(), schema.hashType(), schema.hashName());
        if (kc.op() != SortOp.NONE) {
            // a sort-key condition resolves only against a key with a sort attribute
            KeyDef.KeyPart sortKey = schema.rangeParts().get(0);
            checkSortCondition(kc.op(), kc.lo(), kc.hi(), sortKey.type(), sortKey.name());
        }
    }

    /** A key value of a key condition: of the attribute's type, not empty. */
    static void checkValue(AttributeValue v, ScalarAttributeType type, String name) {
        checkType(v, type);
        checkNotEmpty(v, name);
    }

    /** The sort-key condition's operand(s): types, emptiness, BETWEEN's order, begins_with on a string or binary. */
    static void checkSortCondition(
            SortOp op,
            @Nullable AttributeValue loOperand,
            @Nullable AttributeValue hiOperand,
            ScalarAttributeType type,
            String name) {
        AttributeValue lo = operand(loOperand);
        checkValue(lo, type, name);
        if (op == SortOp.BETWEEN) {
            AttributeValue hi = operand(hiOperand);
            checkValue(hi, type, name);
            if (AttributeValues.compare(lo, hi) > 0) {
                throw EngineErrors.validation("Invalid KeyConditionExpression: The BETWEEN operator requires upper "
                        + "bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {"
                        + type + ":" + display(lo) + "}, upper bound operand: AttributeValue: {"
                        + type + ":" + display(hi) + "}");
            }
        }
        if (op == SortOp.BEGINS_WITH && type == ScalarAttributeType.N) {
            throw EngineErrors.validation("Invalid KeyConditionExpression: Incorrect operand type for operator or "
                    + "function; operator or function: begins_with, operand type: N");
        }
    }

    /** Key values in a key condition may not be empty strings or binaries, as in a Key. */
    private static void checkNotEmpty(AttributeValue v, String name) {
        boolean emptyString = v.s() != null && v.s().isEmpty();
        if (emptyString || (v.b() != null && v.b().asByteArrayUnsafe().length == 0)) {
            throw EngineErrors.validation("One or more parameter values are not valid. The AttributeValue for a key "
                    + "attribute cannot contain an empty " + (emptyString ? "string" : "binary") + " value. Key: "
                    + name);
        }
    }

    private static String display(AttributeValue v) {
        return v.s() != null ? v.s() : v.n() != null ? v.n() : v.b().asUtf8String();
    }

    private static void checkType(AttributeValue v, ScalarAttributeType expected) {
        if (!expected.toString().equals(AttributeValues.typeOf(v).name())) {
            throw EngineErrors.validation(
                    "One or more parameter values were invalid: Condition parameter type does not "
                            + "match schema type");
        }
    }

    private static Iterator<StoredItem> tableEntries(
            ReadTarget target, KeyCondition kc, @Nullable Map<String, AttributeValue> esk, boolean forward) {
        KeyDef schema = target.keySchema();
        KeyValue hash = KeyValue.of(schema.hashType(), kc.hashValue());
        NavigableMap<PrimaryKey, StoredItem> all = target.table.data().items();
        PrimaryKey low = PrimaryKey.lowest(hash);
        PrimaryKey high = PrimaryKey.highest(hash);
        if (!schema.hasRange()) {
            low = PrimaryKey.of(hash, KeyValue.NONE);
            high = low;
        }
        NavigableMap<PrimaryKey, StoredItem> range =
                switch (kc.op()) {
                    case NONE -> all.subMap(low, true, high, true);
                    case EQ ->
                        all.subMap(
                                low.withSort(sort(kc.lo(), schema)), true, low.withSort(sort(kc.lo(), schema)), true);
                    case LT -> all.subMap(low, true, low.withSort(sort(kc.lo(), schema)), false);
                    case LE -> all.subMap(low, true, low.withSort(sort(kc.lo(), schema)), true);
                    case GT -> all.subMap(low.withSort(sort(kc.lo(), schema)), false, high, true);
                    case GE -> all.subMap(low.withSort(sort(kc.lo(), schema)), true, high, true);
                    case BEGINS_WITH -> {
                        KeyValue end = prefixEnd(operand(kc.lo()));
                        yield end == null
                                ? all.subMap(low.withSort(sort(kc.lo(), schema)), true, high, true)
                                : all.subMap(low.withSort(sort(kc.lo(), schema)), true, low.withSort(end), false);
                    }
                    case BETWEEN ->
                        all.subMap(
                                low.withSort(sort(kc.lo(), schema)), true, low.withSort(sort(kc.hi(), schema)), true);
                };
        PrimaryKey start = null;
        if (esk != null) {
            start = target.tableStart(esk);
            if (!start.partition().equals(hash)) {
                throw ReadTarget.startKeyOutsidePartition();
            }
        }
        NavigableMap<PrimaryKey, StoredItem> ordered = ReadTarget.after(range, start, forward);
        return values(ordered);
    }

    private static Iterator<StoredItem> indexEntries(
            ReadTarget target, KeyCondition kc, @Nullable Map<String, AttributeValue> esk, boolean forward) {
        KeyDef schema = target.keySchema();
        KeyValue hash = KeyValue.of(schema.hashType(), kc.hashValue());
        NavigableMap<IndexKey, StoredItem> all = target.indexEntries();
        KeyValue min = schema.hasRange() ? KeyValue.MIN : KeyValue.NONE;
        KeyValue max = schema.hasRange() ? KeyValue.MAX : KeyValue.NONE;
        NavigableMap<IndexKey, StoredItem> range =
                switch (kc.op()) {
                    case NONE -> all.subMap(IndexKey.lowest(hash, min), true, IndexKey.highest(hash, max), true);
                    case EQ ->
                        all.subMap(
                                IndexKey.lowest(hash, sort(kc.lo(), schema)),
                                true,
                                IndexKey.highest(hash, sort(kc.lo(), schema)),
                                true);
                    case LT ->
                        all.subMap(
                                IndexKey.lowest(hash, min), true, IndexKey.lowest(hash, sort(kc.lo(), schema)), false);
                    case LE ->
                        all.subMap(
                                IndexKey.lowest(hash, min), true, IndexKey.highest(hash, sort(kc.lo(), schema)), true);
                    case GT ->
                        all.subMap(
                                IndexKey.highest(hash, sort(kc.lo(), schema)),
                                false,
                                IndexKey.highest(hash, max),
                                true);
                    case GE ->
                        all.subMap(
                                IndexKey.lowest(hash, sort(kc.lo(), schema)), true, IndexKey.highest(hash, max), true);
                    case BEGINS_WITH -> {
                        KeyValue end = prefixEnd(operand(kc.lo()));
                        yield end == null
                                ? all.subMap(
                                        IndexKey.lowest(hash, sort(kc.lo(), schema)),
                                        true,
                                        IndexKey.highest(hash, max),
                                        true)
                                : all.subMap(
                                        IndexKey.lowest(hash, sort(kc.lo(), schema)),
                                        true,
                                        IndexKey.lowest(hash, end),
                                        false);
                    }
                    case BETWEEN ->
                        all.subMap(
                                IndexKey.lowest(hash, sort(kc.lo(), schema)),
                                true,
                                IndexKey.highest(hash, sort(kc.hi(), schema)),
                                true);
                };
        IndexKey start = target.indexStartIn(hash, esk);
        NavigableMap<IndexKey, StoredItem> ordered = ReadTarget.after(range, start, forward);
        return values(ordered);
    }

    /** A sort-key operand as a key value of the sort attribute's type. */
    private static KeyValue sort(@Nullable AttributeValue operand, KeyDef schema) {
        // a sort-key condition resolves only against a key with a sort attribute
        return KeyValue.of(schema.rangeParts().get(0).type(), operand(operand));
    }

    /**
     * The operand a sort-key operator takes: the key condition's resolvers set {@code lo} for every operator but NONE,
     * and {@code hi} for BETWEEN, so an operator without its operand is a bug.
     */
    static AttributeValue operand(@Nullable AttributeValue operand) {
        if (operand == null) {
            throw new IllegalStateException("a sort-key operator without its operand");
        }
        return operand;
    }

    /**
     * The exclusive upper bound of all strings or binaries that begin with the prefix: the prefix with its last
     * non-0xFF byte incremented and the rest dropped, so begins_with is an exact range read. Null when none exists.
     */
    static @Nullable KeyValue prefixEnd(AttributeValue prefix) {
        byte[] bytes = prefix.s() != null
                ? prefix.s().getBytes(java.nio.charset.StandardCharsets.UTF_8)
                : prefix.b().asByteArray();
        for (int i = bytes.length - 1; i >= 0; i--) {
            if ((bytes[i] & 0xff) != 0xff) {
                byte[] end = java.util.Arrays.copyOf(bytes, i + 1);
                end[i]++;
                return KeyValue.ofBytes(end);
            }
        }
        return null;
    }

    private static Iterator<StoredItem> values(NavigableMap<?, StoredItem> map) {
        return map.values().iterator();
    }
}
