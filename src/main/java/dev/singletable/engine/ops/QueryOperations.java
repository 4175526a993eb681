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
        KeyConditionExpr keyCondition = expressions.keyCondition();
        ConditionExpr filter = expressions.filter();
        ProjectionExpr projection = expressions.projection();
        Map<String, AttributeValue> esk =
                r.hasExclusiveStartKey() ? AttributeValues.normalizeItem(r.exclusiveStartKey()) : null;

        Table table = engine.requireTable(r.tableName());
        boolean consistent = Boolean.TRUE.equals(r.consistentRead());
        ReadTarget target = ReadTarget.of(table, r.indexName(), consistent, "Query");
        Select select = target.effectiveSelect(
                r.select(),
                projection != null,
                r.projectionExpression() == null && r.hasAttributesToGet()
                        ? "AttributesToGet"
                        : "ProjectionExpression");
        target.checkProjectable(projection);
        KeyDef schema = target.keySchema();
        KeyCondition kc = null;
        MultiKeyCondition multi = null;
        if (schema.multiAttribute()) {
            multi = keyCondition.resolveMulti(schema.hashNames(), schema.rangeNames());
            checkFilterUsesNoKeyAttribute(filter, schema);
            MultiKeyQuery.checkTypes(multi, schema);
        } else {
            kc = keyCondition.resolve(schema.hashName(), schema.rangeName());
            checkFilterUsesNoKeyAttribute(filter, schema);
            checkTypes(kc, schema);
        }
        boolean forward = !Boolean.FALSE.equals(r.scanIndexForward());

        KeyValue partition = target.index != null && target.index.global()
                        || !engine.capacity().enabled()
                ? null
                : KeyValue.of(schema.hashType(), kc.hashValue());
        engine.capacity().admitRead(table, target.index, partition, consistent);
        CapacityMeter meter = new CapacityMeter(r.tableName());
        Iterator<StoredItem> entries = multi != null
                ? MultiKeyQuery.entries(target, multi, esk, forward)
                : target.index == null
                        ? tableEntries(target, kc, esk, forward)
                        : indexEntries(target, kc, esk, forward);
        PageReader.Page page = PageReader.read(
                entries,
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
        if (page.lastEvaluatedKey() != null
                && (multi != null || !endsAtInclusiveBound(page.lastEvaluatedKey(), kc, schema, forward))) {
            out.lastEvaluatedKey(page.lastEvaluatedKey());
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
    private static void checkFilterUsesNoKeyAttribute(ConditionExpr filter, KeyDef schema) {
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
            checkSortCondition(kc.op(), kc.lo(), kc.hi(), schema.rangeType(), schema.rangeName());
        }
    }

    /** A key value of a key condition: of the attribute's type, not empty. */
    static void checkValue(AttributeValue v, ScalarAttributeType type, String name) {
        checkType(v, type);
        checkNotEmpty(v, name);
    }

    /** The sort-key condition's operand(s): types, emptiness, BETWEEN's order, begins_with on a string or binary. */
    static void checkSortCondition(
            SortOp op, AttributeValue lo, AttributeValue hi, ScalarAttributeType type, String name) {
        checkValue(lo, type, name);
        if (op == SortOp.BETWEEN) {
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
            ReadTarget target, KeyCondition kc, Map<String, AttributeValue> esk, boolean forward) {
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
                    case BEGINS_WITH ->
                        prefixEnd(kc.lo()) == null
                                ? all.subMap(low.withSort(sort(kc.lo(), schema)), true, high, true)
                                : all.subMap(
                                        low.withSort(sort(kc.lo(), schema)),
                                        true,
                                        low.withSort(prefixEnd(kc.lo())),
                                        false);
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
            ReadTarget target, KeyCondition kc, Map<String, AttributeValue> esk, boolean forward) {
        KeyDef schema = target.keySchema();
        KeyValue hash = KeyValue.of(schema.hashType(), kc.hashValue());
        NavigableMap<IndexKey, StoredItem> all = target.indexData.entries();
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
                    case BEGINS_WITH ->
                        prefixEnd(kc.lo()) == null
                                ? all.subMap(
                                        IndexKey.lowest(hash, sort(kc.lo(), schema)),
                                        true,
                                        IndexKey.highest(hash, max),
                                        true)
                                : all.subMap(
                                        IndexKey.lowest(hash, sort(kc.lo(), schema)),
                                        true,
                                        IndexKey.lowest(hash, prefixEnd(kc.lo())),
                                        false);
                    case BETWEEN ->
                        all.subMap(
                                IndexKey.lowest(hash, sort(kc.lo(), schema)),
                                true,
                                IndexKey.highest(hash, sort(kc.hi(), schema)),
                                true);
                };
        IndexKey start = null;
        if (esk != null) {
            start = target.indexStart(esk);
            if (!start.partition().equals(hash)) {
                throw ReadTarget.startKeyOutsidePartition();
            }
        }
        NavigableMap<IndexKey, StoredItem> ordered = ReadTarget.after(range, start, forward);
        return values(ordered);
    }

    private static KeyValue sort(AttributeValue v, KeyDef schema) {
        return KeyValue.of(schema.rangeType(), v);
    }

    /**
     * The exclusive upper bound of all strings or binaries that begin with the prefix: the prefix with its last
     * non-0xFF byte incremented and the rest dropped, so begins_with is an exact range read. Null when none exists.
     */
    static KeyValue prefixEnd(AttributeValue prefix) {
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
