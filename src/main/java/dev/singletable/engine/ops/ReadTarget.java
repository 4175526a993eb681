package dev.singletable.engine.ops;

import dev.singletable.engine.capacity.CapacityMeter;
import dev.singletable.engine.core.Keys;
import dev.singletable.engine.core.Table;
import dev.singletable.engine.error.EngineErrors;
import dev.singletable.engine.expr.ProjectionExpr;
import dev.singletable.engine.storage.IndexData;
import dev.singletable.engine.storage.IndexKey;
import dev.singletable.engine.storage.KeyValue;
import dev.singletable.engine.storage.PrimaryKey;
import dev.singletable.engine.storage.StoredItem;
import dev.singletable.engine.table.IndexDef;
import dev.singletable.engine.table.KeyDef;
import dev.singletable.engine.table.TableDefinition;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * What a Query or Scan reads: the table itself or one of its indexes, with the rules that differ between them
 * (key schema, Select defaults, consistent reads, which attributes can be returned, the shape of LastEvaluatedKey).
 * The rules for reading an index are those of [1] and [2].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html">Query</a>
 * <br>[2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html">Scan</a>
 */
final class ReadTarget {

    final Table table;
    final TableDefinition definition;
    final @Nullable IndexDef index; // null for the table
    final @Nullable IndexData indexData; // null for the table
    final String operation; // "Query" or "Scan", as it appears in messages

    private ReadTarget(Table table, @Nullable IndexDef index, String operation) {
        this.table = table;
        this.definition = table.definition();
        this.index = index;
        this.indexData = index == null ? null : table.data().index(index.name());
        this.operation = operation;
    }

    static ReadTarget of(Table table, @Nullable String indexName, boolean consistentRead, String operation) {
        if (indexName == null) {
            return new ReadTarget(table, null, operation);
        }
        IndexDef index = table.definition().index(indexName);
        if (index == null || table.data().index(indexName) == null || index.status() == IndexStatus.DELETING) {
            throw EngineErrors.validation("The table does not have the specified index: " + indexName);
        }
        if (index.status() == IndexStatus.CREATING) {
            // a global index added by UpdateTable, while transient statuses last (AWS: until it is backfilled)
            throw EngineErrors.validation("Cannot read from backfilling global secondary index: " + indexName);
        }
        if (index.global() && consistentRead) {
            throw EngineErrors.validation("Consistent reads are not supported on global secondary indexes");
        }
        return new ReadTarget(table, index, operation);
    }

    /** The index read; only for a read of an index (the callers branch on {@link #index} first). */
    private IndexDef readIndex() {
        if (index == null) {
            throw new IllegalStateException(operation + " of the table has no index");
        }
        return index;
    }

    /** The entries of the index read, in index-key order; only for a read of an index. */
    NavigableMap<IndexKey, StoredItem> indexEntries() {
        if (indexData == null) {
            throw new IllegalStateException(operation + " of the table has no index entries");
        }
        return indexData.entries();
    }

    KeyDef keySchema() {
        return index == null ? definition.primaryKey() : index.key();
    }

    boolean isGlobalIndex() {
        return index != null && index.global();
    }

    /** Charges a page's read units to what it read: the table, or the index queried or scanned. */
    void charge(CapacityMeter meter, double units) {
        if (index == null) {
            meter.addTable(units);
        } else {
            meter.addIndex(index.name(), index.global(), units);
        }
    }

    /**
     * A Query's or Scan's Select resolved against its projection and this target, then the projection checked against
     * what a global index projects ({@link #checkProjectable}), in that order.
     *
     * @param byAttributesToGet the attributes were asked for with the legacy AttributesToGet (its name is in the errors)
     */
    Select select(@Nullable Select requested, @Nullable ProjectionExpr projection, boolean byAttributesToGet) {
        Select select = effectiveSelect(
                requested, projection != null, byAttributesToGet ? "AttributesToGet" : "ProjectionExpression");
        checkProjectable(projection);
        return select;
    }

    /**
     * Resolves Select against the projection and the target, with DynamoDB's checks and defaults;
     * {@code projectionParameter} names what asked for attributes (AttributesToGet for the legacy API).
     */
    private Select effectiveSelect(@Nullable Select select, boolean hasProjection, String projectionParameter) {
        if (select == null) {
            if (hasProjection) {
                return Select.SPECIFIC_ATTRIBUTES;
            }
            return index == null ? Select.ALL_ATTRIBUTES : Select.ALL_PROJECTED_ATTRIBUTES;
        }
        switch (select) {
            case SPECIFIC_ATTRIBUTES -> {
                if (!hasProjection) {
                    throw EngineErrors.validation("Must specify the AttributesToGet or ProjectionExpression when "
                            + "choosing to get SPECIFIC_ATTRIBUTES");
                }
            }
            case ALL_ATTRIBUTES -> {
                if (hasProjection) {
                    throw EngineErrors.validation(
                            "Cannot specify the " + projectionParameter + " when choosing to " + "get ALL_ATTRIBUTES");
                }
                if (index != null && index.global() && index.projection() != ProjectionType.ALL) {
                    throw EngineErrors.validation(
                            "One or more parameter values were invalid: Select type ALL_ATTRIBUTES "
                                    + "is not supported for global secondary index " + index.name()
                                    + " because its projection type is not ALL");
                }
            }
            case ALL_PROJECTED_ATTRIBUTES -> {
                if (hasProjection) {
                    throw EngineErrors.validation("Cannot specify the " + projectionParameter + " when choosing to "
                            + "get ALL_PROJECTED_ATTRIBUTES");
                }
                if (index == null) {
                    // DynamoDB says "Querying" for Scan too
                    throw EngineErrors.validation(
                            "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an " + "IndexName");
                }
            }
            case COUNT -> {
                if (hasProjection) {
                    throw EngineErrors.validation(
                            "Cannot specify the " + projectionParameter + " when choosing to " + "get only the Count");
                }
            }
            default -> {}
        }
        return select;
    }

    /** A global index can return only what it projects; asking for anything else is refused, as DynamoDB does. */
    private void checkProjectable(@Nullable ProjectionExpr projection) {
        IndexDef global = isGlobalIndex() ? index : null;
        if (projection == null || global == null) {
            return;
        }
        java.util.List<String> missing = projection.topLevelAttributes().stream()
                .filter(a -> !global.projects(a, definition.primaryKey()))
                .toList();
        if (!missing.isEmpty()) {
            throw EngineErrors.validation("One or more parameter values were invalid: Global secondary index "
                    + global.name() + " does not project " + missing.toString());
        }
    }

    /**
     * How a stored entry becomes a returned item. A local index can return attributes it does not project by fetching
     * the base item (at extra read cost, as in DynamoDB); a global index returns only what it projects.
     */
    Function<StoredItem, Map<String, AttributeValue>> shaper(
            Select select, @Nullable ProjectionExpr projection, CapacityMeter meter, boolean consistent) {
        IndexDef local = index != null && !index.global() ? index : null;
        boolean fetch = local != null
                && local.projection() != ProjectionType.ALL
                && (select == Select.ALL_ATTRIBUTES
                        || (projection != null
                                && projection.topLevelAttributes().stream()
                                        .anyMatch(a -> !local.projects(a, definition.primaryKey()))));
        return entry -> {
            Map<String, AttributeValue> attributes = entry.attributes();
            if (fetch) {
                StoredItem base = table.data().get(Keys.fromKey(definition, tableKeyOf(attributes)));
                if (base != null) {
                    meter.addTable(CapacityMeter.readUnits(base.size(), consistent));
                    attributes = base.attributes();
                }
            }
            return projection == null ? attributes : projection.apply(attributes);
        };
    }

    /** LastEvaluatedKey: the table key, plus the index key when reading an index. */
    Map<String, AttributeValue> lastEvaluatedKey(StoredItem entry) {
        Map<String, AttributeValue> key = tableKeyOf(entry.attributes());
        if (index != null) {
            for (String name : index.key().names()) {
                put(key, entry.attributes(), name);
            }
        }
        return key;
    }

    private Map<String, AttributeValue> tableKeyOf(Map<String, AttributeValue> attributes) {
        Map<String, AttributeValue> key = new HashMap<>();
        put(key, attributes, definition.primaryKey().hashName());
        put(key, attributes, definition.primaryKey().rangeName());
        return key;
    }

    private static void put(Map<String, AttributeValue> to, Map<String, AttributeValue> from, @Nullable String name) {
        if (name != null && from.containsKey(name)) {
            to.put(name, from.get(name));
        }
    }

    /** The position of an ExclusiveStartKey in the table's map. */
    PrimaryKey tableStart(Map<String, AttributeValue> esk) {
        if (index == null && esk.size() != definition.primaryKey().names().size()) {
            // AWS (unlike DynamoDB Local's "Exclusive Start Key must have same size as table's key schema"); a Scan of
            // the table says more than a Query does
            throw "Scan".equals(operation)
                    ? invalidStartKey()
                    : EngineErrors.validation("The provided starting key is invalid");
        }
        for (String name : definition.primaryKey().names()) {
            if (!esk.containsKey(name)) {
                throw EngineErrors.validation("The provided starting key is invalid");
            }
        }
        try {
            return Keys.fromKey(definition, esk);
        } catch (RuntimeException invalid) {
            throw invalidStartKey();
        }
    }

    /** The position of an ExclusiveStartKey in the index's map: the index key, then the table key. */
    IndexKey indexStart(Map<String, AttributeValue> esk) {
        KeyDef tableKey = definition.primaryKey();
        KeyDef indexKey = readIndex().key();
        Map<String, AttributeValue> tablePart = new HashMap<>();
        int expectedSize = tableKey.names().size()
                + (int) indexKey.names().stream()
                        .filter(n -> !tableKey.isKeyAttribute(n))
                        .count();
        if (esk.size() != expectedSize) {
            // AWS (unlike DynamoDB Local's "Exclusive Start Key must have same size as table's key schema")
            throw EngineErrors.validation("The provided starting key is invalid");
        }
        for (String name : tableKey.names()) {
            if (!esk.containsKey(name)) {
                throw invalidStartKey();
            }
            tablePart.put(name, esk.get(name));
        }
        for (String name : esk.keySet()) {
            if (!tableKey.isKeyAttribute(name) && !indexKey.isKeyAttribute(name)) {
                throw invalidStartKey();
            }
        }
        PrimaryKey primary = tableStart(tablePart);
        KeyValue hash = parts(esk, indexKey.hashParts());
        KeyValue sort = indexKey.hasRange() ? parts(esk, indexKey.rangeParts()) : KeyValue.NONE;
        return IndexKey.of(hash, sort, primary);
    }

    /** The start key's value of a (possibly multi-attribute) partition or sort key. */
    private static KeyValue parts(Map<String, AttributeValue> esk, java.util.List<KeyDef.KeyPart> parts) {
        KeyValue[] values = new KeyValue[parts.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = part(esk, parts.get(i).name(), parts.get(i).type());
        }
        return KeyValue.composite(values);
    }

    private static KeyValue part(Map<String, AttributeValue> esk, String name, ScalarAttributeType type) {
        AttributeValue v = esk.get(name);
        if (v == null
                || !type.toString()
                        .equals(dev.singletable.engine.value.AttributeValues.typeOf(v)
                                .name())) {
            throw invalidStartKey();
        }
        return KeyValue.of(type, v);
    }

    static RuntimeException invalidStartKey() {
        return EngineErrors.validation(
                "The provided starting key is invalid: The provided key element does not match " + "the schema");
    }

    /**
     * Where a Query's page starts in this index: after its ExclusiveStartKey, which must lie in the partition the key
     * condition names; null without one.
     */
    @Nullable
    IndexKey indexStartIn(KeyValue partition, @Nullable Map<String, AttributeValue> esk) {
        if (esk == null) {
            return null;
        }
        IndexKey start = indexStart(esk);
        if (!start.partition().equals(partition)) {
            throw startKeyOutsidePartition();
        }
        return start;
    }

    /** A Query's ExclusiveStartKey in another partition than the one its key condition names (AWS's wording). */
    static RuntimeException startKeyOutsidePartition() {
        return EngineErrors.validation(
                "The provided starting key is outside query boundaries based on provided " + "conditions");
    }

    static RuntimeException startKeyOutsideRange() {
        return EngineErrors.validation("The provided starting key does not match the range key predicate");
    }

    /** The entries of a range after an ExclusiveStartKey, in read order; a start outside the range is refused. */
    static <K> NavigableMap<K, StoredItem> after(
            NavigableMap<K, StoredItem> range, @Nullable K start, boolean forward) {
        if (start == null) {
            return forward ? range : range.descendingMap();
        }
        try {
            return forward
                    ? range.tailMap(start, false)
                    : range.headMap(start, false).descendingMap();
        } catch (IllegalArgumentException outside) {
            throw startKeyOutsideRange();
        }
    }
}
