package dev.singletable.engine.capacity;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.Capacity;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * Capacity units by DynamoDB's rules: a read unit per 4 KB (half for an eventually consistent read), a write unit per
 * 1 KB, rounded up per item, at least one; transactions count double. One meter per table an operation touches.
 */
public final class CapacityMeter {

    private final String tableName;
    private double table;
    private final Map<String, Double> globalIndexes = new LinkedHashMap<>();
    private final Map<String, Double> localIndexes = new LinkedHashMap<>();
    /** Transactions also report read or write units separately: null, "read" or "write". */
    private @Nullable String unitsKind;

    public CapacityMeter(String tableName) {
        this.tableName = tableName;
    }

    public static double readUnits(long bytes, boolean consistent) {
        double units = Math.max(1, Math.ceil(bytes / 4096.0));
        return consistent ? units : units / 2;
    }

    /**
     * A Query or Scan page pays for what it read, rounded up to 4 KB once for the page, and at least one unit for each
     * storage partition it read (half when eventually consistent): a Query that finds nothing still costs 1 or 0.5, and
     * a Scan of a small new on-demand table 4 or 2, as AWS answers (ScyllaDB's test_returnconsumedcapacity.py, run
     * against AWS; https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html).
     */
    public static double pageReadUnits(long bytes, boolean consistent, int partitionsRead) {
        double units = Math.max(Math.ceil(bytes / 4096.0), partitionsRead);
        return consistent ? units : units / 2;
    }

    public static double writeUnits(long bytes) {
        return Math.max(1, Math.ceil(bytes / 1024.0));
    }

    public CapacityMeter addTable(double units) {
        table += units;
        return this;
    }

    public CapacityMeter addIndex(String name, boolean global, double units) {
        (global ? globalIndexes : localIndexes).merge(name, units, Double::sum);
        return this;
    }

    /** Marks the meter of a transaction, whose answer names read or write units too, as DynamoDB's does. */
    public CapacityMeter reportingUnits(boolean write) {
        unitsKind = write ? "write" : "read";
        return this;
    }

    public String tableName() {
        return tableName;
    }

    /** Units charged to the table itself (indexes excluded). */
    public double tableUnits() {
        return table;
    }

    /** Units per global secondary index (read-only view). */
    public Map<String, Double> globalIndexUnits() {
        return globalIndexes;
    }

    /** Units per local secondary index (read-only view). */
    public Map<String, Double> localIndexUnits() {
        return localIndexes;
    }

    /** Adds another meter's units of the same table (one action of a batch or transaction) to this one. */
    public CapacityMeter absorb(CapacityMeter other) {
        table += other.table;
        other.globalIndexes.forEach((k, v) -> globalIndexes.merge(k, v, Double::sum));
        other.localIndexes.forEach((k, v) -> localIndexes.merge(k, v, Double::sum));
        return this;
    }

    public double total() {
        double t = table;
        for (double v : globalIndexes.values()) {
            t += v;
        }
        for (double v : localIndexes.values()) {
            t += v;
        }
        return t;
    }

    /** The ConsumedCapacity to return, or null when the caller did not ask for it. */
    public @Nullable ConsumedCapacity build(ReturnConsumedCapacity mode) {
        if (mode == null
                || mode == ReturnConsumedCapacity.NONE
                || mode == ReturnConsumedCapacity.UNKNOWN_TO_SDK_VERSION) {
            return null;
        }
        ConsumedCapacity.Builder b =
                ConsumedCapacity.builder().tableName(tableName).capacityUnits(total());
        if ("write".equals(unitsKind)) {
            b.writeCapacityUnits(total());
        } else if ("read".equals(unitsKind)) {
            b.readCapacityUnits(total());
        }
        if (mode == ReturnConsumedCapacity.INDEXES) {
            b.table(capacity(table));
            if (!globalIndexes.isEmpty()) {
                b.globalSecondaryIndexes(units(globalIndexes));
            }
            if (!localIndexes.isEmpty()) {
                b.localSecondaryIndexes(units(localIndexes));
            }
        }
        return b.build();
    }

    private Map<String, Capacity> units(Map<String, Double> byIndex) {
        Map<String, Capacity> out = new LinkedHashMap<>();
        byIndex.forEach((k, v) -> out.put(k, capacity(v)));
        return out;
    }

    private Capacity capacity(double units) {
        Capacity.Builder c = Capacity.builder().capacityUnits(units);
        if ("write".equals(unitsKind)) {
            c.writeCapacityUnits(units);
        } else if ("read".equals(unitsKind)) {
            c.readCapacityUnits(units);
        }
        return c.build();
    }
}
