package dev.singletable.engine.ops;

import dev.singletable.engine.capacity.CapacityMeter;
import dev.singletable.engine.core.Engine;
import dev.singletable.engine.core.Table;
import dev.singletable.engine.error.EngineErrors;
import dev.singletable.engine.expr.ConditionExpr;
import dev.singletable.engine.expr.ProjectionExpr;
import dev.singletable.engine.storage.IndexKey;
import dev.singletable.engine.storage.KeyValue;
import dev.singletable.engine.storage.PrimaryKey;
import dev.singletable.engine.storage.StoredItem;
import dev.singletable.engine.value.AttributeValues;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Scan, in partition-hash order like DynamoDB. A parallel scan's segments are contiguous ranges of the 64-bit hash
 * space, so every item belongs to exactly one segment and each segment is read without touching the others.
 * Parallel scans and their segments are described in [1] and [2].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Scan.html">Scan</a>
 * <br>[2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Scan.html">Scanning tables in DynamoDB</a>
 */
public final class ScanOperations {

    private final Engine engine;

    public ScanOperations(Engine engine) {
        this.engine = engine;
    }

    public ScanResponse scan(ScanRequest r) {
        RequestExpressions declared = RequestExpressions.of(
                        r.hasExpressionAttributeNames(),
                        r.expressionAttributeNames(),
                        r.hasExpressionAttributeValues(),
                        r.expressionAttributeValues())
                .legacy(r.hasScanFilter(), "ScanFilter")
                .legacy(r.hasAttributesToGet(), "AttributesToGet")
                .legacy(r.conditionalOperator() != null, "ConditionalOperator")
                .filter(
                        r.filterExpression(),
                        () -> RequestExpressions.filter(r.hasScanFilter(), r.scanFilter(), r.conditionalOperator()))
                .projection(
                        r.projectionExpression(),
                        () -> RequestExpressions.attributesToGet(r.hasAttributesToGet(), r.attributesToGet()))
                .checkNotMixed();
        checkSegments(r.segment(), r.totalSegments());
        RequestExpressions.Compiled expressions = declared.compile();
        ConditionExpr filter = expressions.filter();
        ProjectionExpr projection = expressions.projection();
        Map<String, AttributeValue> esk =
                r.hasExclusiveStartKey() ? AttributeValues.normalizeItem(r.exclusiveStartKey()) : null;

        Table table = engine.requireTable(r.tableName());
        boolean consistent = Boolean.TRUE.equals(r.consistentRead());
        ReadTarget target = ReadTarget.of(table, r.indexName(), consistent, "Scan");
        Select select =
                target.select(r.select(), projection, r.projectionExpression() == null && r.hasAttributesToGet());

        int total = r.totalSegments() == null ? 1 : r.totalSegments();
        int segment = r.segment() == null ? 0 : r.segment();
        long low = segmentStart(segment, total);
        Long high = segment + 1 < total ? segmentStart(segment + 1, total) : null;

        Iterator<StoredItem> entries;
        if (target.index == null) {
            NavigableMap<PrimaryKey, StoredItem> all = target.table.data().items();
            NavigableMap<PrimaryKey, StoredItem> range = high == null
                    ? all.tailMap(new PrimaryKey(low, KeyValue.MIN, KeyValue.MIN), true)
                    : all.subMap(
                            new PrimaryKey(low, KeyValue.MIN, KeyValue.MIN),
                            true,
                            new PrimaryKey(high, KeyValue.MIN, KeyValue.MIN),
                            false);
            PrimaryKey start = esk == null ? null : target.tableStart(esk);
            checkInSegment(start == null ? null : start.hash(), low, high, segment, total);
            entries = ReadTarget.after(range, start, true).values().iterator();
        } else {
            NavigableMap<IndexKey, StoredItem> all = target.indexEntries();
            NavigableMap<IndexKey, StoredItem> range = high == null
                    ? all.tailMap(new IndexKey(low, KeyValue.MIN, KeyValue.MIN, null), true)
                    : all.subMap(
                            new IndexKey(low, KeyValue.MIN, KeyValue.MIN, null),
                            true,
                            new IndexKey(high, KeyValue.MIN, KeyValue.MIN, null),
                            false);
            IndexKey start = esk == null ? null : target.indexStart(esk);
            checkInSegment(start == null ? null : start.hash(), low, high, segment, total);
            entries = ReadTarget.after(range, start, true).values().iterator();
        }
        engine.capacity().admitRead(table, target.index, null, consistent);
        CapacityMeter meter = new CapacityMeter(r.tableName());
        PageReader.Page page = PageReader.read(
                entries,
                r.limit(),
                filter,
                target.shaper(select, projection, meter, consistent),
                target::lastEvaluatedKey,
                select == Select.COUNT);
        double units = CapacityMeter.pageReadUnits(
                page.bytesRead(), consistent, partitionsRead(target, esk, page.lastEvaluatedKey(), low, high));
        target.charge(meter, units);
        engine.capacity().charge(table, null, meter, false);
        ScanResponse.Builder out = ScanResponse.builder()
                .count(page.count())
                .scannedCount(page.scannedCount())
                .consumedCapacity(meter.build(r.returnConsumedCapacity()));
        if (select != Select.COUNT) {
            out.items(page.items());
        }
        if (page.lastEvaluatedKey() != null) {
            out.lastEvaluatedKey(page.lastEvaluatedKey());
        }
        return out.build();
    }

    /**
     * The storage partitions this page read: from the one holding its start (the ExclusiveStartKey, else the segment's
     * start) to the one holding its LastEvaluatedKey, else to the segment's end.
     */
    private static int partitionsRead(
            ReadTarget target,
            @Nullable Map<String, AttributeValue> esk,
            @Nullable Map<String, AttributeValue> lastEvaluatedKey,
            long low,
            @Nullable Long high) {
        int partitions = StoragePartitions.count(target.table.definition(), target.index);
        long first = esk == null ? low : hashOf(target, esk);
        long last = lastEvaluatedKey != null ? hashOf(target, lastEvaluatedKey) : high == null ? -1L : high - 1;
        return StoragePartitions.touched(partitions, first, last);
    }

    private static long hashOf(ReadTarget target, Map<String, AttributeValue> key) {
        return target.index == null
                ? target.tableStart(key).hash()
                : target.indexStart(key).hash();
    }

    /**
     * A parallel Scan's ExclusiveStartKey must lie in the requested segment; AWS's answer otherwise (quoted from AWS by
     * ScyllaDB's compatibility tests, scylladb/scylladb#9270).
     */
    private static void checkInSegment(@Nullable Long hash, long low, @Nullable Long high, int segment, int total) {
        if (hash == null || total == 1) {
            return;
        }
        boolean inside = Long.compareUnsigned(hash, low) >= 0 && (high == null || Long.compareUnsigned(hash, high) < 0);
        if (!inside) {
            throw EngineErrors.validation("The provided starting key is invalid: Invalid ExclusiveStartKey. Please use "
                    + "ExclusiveStartKey with correct Segment. TotalSegments: " + total + " Segment: " + segment);
        }
    }

    /** The first unsigned 64-bit hash of a segment: segment i of n starts at floor(i * 2^64 / n). */
    static long segmentStart(int segment, int total) {
        return java.math.BigInteger.valueOf(segment)
                .shiftLeft(64)
                .divide(java.math.BigInteger.valueOf(total))
                .longValue();
    }

    private static void checkSegments(@Nullable Integer segment, @Nullable Integer total) {
        if (segment != null && total == null) {
            throw EngineErrors.validation("The TotalSegments parameter is required but was not present in the request "
                    + "when Segment parameter is present");
        }
        if (total != null && segment == null) {
            throw EngineErrors.validation("The Segment parameter is required but was not present in the request when "
                    + "parameter TotalSegments is present");
        }
        if (segment != null && total != null && segment >= total) {
            throw EngineErrors.validation("The Segment parameter is zero-based and must be less than parameter "
                    + "TotalSegments: Segment: " + segment + " is not less than TotalSegments: " + total);
        }
    }
}
