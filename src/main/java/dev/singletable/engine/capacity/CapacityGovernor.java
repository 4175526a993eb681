package dev.singletable.engine.capacity;

import dev.singletable.engine.storage.KeyValue;
import dev.singletable.engine.table.IndexDef;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Throttling as DynamoDB does it, and the capacity figures monitoring reads.
 * <p>
 * <b>When a request is checked.</b> Before it runs, a request is admitted only if every bucket it will draw from
 * still holds the smallest unit it can cost: one write unit, or one read unit (half for an eventually consistent
 * read). A write draws from the table's write bucket, from the write bucket of <em>every</em> provisioned global
 * index of the table (DynamoDB: a table write succeeds only if the table and all its global indexes have the write
 * capacity for it — GSI back-pressure) and from its partition key's bucket. A read draws from the table's (or, for a
 * Query or Scan of a global index, that index's) read bucket and from its partition key's bucket. <b>What is
 * debited.</b> After the request ran, its buckets are debited with what it actually consumed, the same units
 * ConsumedCapacity reports (local-index units count against the table, as they do in DynamoDB); a large request may
 * overdraw a bucket, and later requests then wait for the refill. Refused units are counted as throttled.
 * <p>
 * With throttling switched off nothing is refused and no bucket is kept; consumed units are still counted.
 */
public final class CapacityGovernor {

    private final Clock clock;
    private final boolean enabled;
    private final Map<String, TableBuckets> tables = new ConcurrentHashMap<>();
    private final CapacityCounters counters = new CapacityCounters();

    public CapacityGovernor(Clock clock, boolean enabled) {
        this.clock = clock;
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }

    public CapacityCounters counters() {
        return counters;
    }

    /** Refuses a single write that its table, a global index or its partition key cannot take now. */
    public void admitWrite(GovernedTable table, @Nullable KeyValue partition) {
        if (enabled) {
            Throttle t = checkWrite(table, partition);
            if (t != null) {
                throw t.exception();
            }
        }
    }

    /** Refuses a single read its table (or the global index read) or its partition key cannot take now. */
    public void admitRead(
            GovernedTable table, @Nullable IndexDef index, @Nullable KeyValue partition, boolean consistent) {
        if (enabled) {
            Throttle t = checkRead(table, index, partition, consistent);
            if (t != null) {
                throw t.exception();
            }
        }
    }

    /** Why a write cannot be taken now, or null when it can (always null with throttling off). */
    public @Nullable Throttle checkWrite(GovernedTable table, @Nullable KeyValue partition) {
        if (!enabled) {
            return null;
        }
        long now = nowNanos();
        TableBuckets b = buckets(table, now);
        Throttle t = null;
        if (b.write != null && !b.write.holds(1, now)) {
            t = new Throttle(Throttle.Limit.TABLE_PROVISIONED, true, false, b.definition.arn());
        }
        for (int i = 0; t == null && i < b.indexes.length; i++) {
            TableBuckets.IndexBuckets index = b.indexes[i];
            if (index.write() != null && !index.write().holds(1, now)) {
                t = new Throttle(Throttle.Limit.INDEX_PROVISIONED, true, false, index.arn());
                counters.forIndex(table.name(), index.name()).throttle(true, 1);
                return t;
            }
        }
        if (t == null && partition != null) {
            TokenBucket key = b.partition(partition, true);
            if (key != null && !key.holds(1, now)) {
                t = new Throttle(Throttle.Limit.TABLE_KEY_RANGE, true, b.onDemand, b.definition.arn());
            }
        }
        if (t != null) {
            counters.forTable(table.name()).throttle(true, 1);
        }
        return t;
    }

    /** Why a read cannot be taken now, or null when it can. {@code index} is the index read, null for the table. */
    public @Nullable Throttle checkRead(
            GovernedTable table, @Nullable IndexDef index, @Nullable KeyValue partition, boolean consistent) {
        if (!enabled) {
            return null;
        }
        long now = nowNanos();
        TableBuckets b = buckets(table, now);
        double need = consistent ? 1 : 0.5;
        if (index != null && index.global()) {
            TableBuckets.IndexBuckets ib = b.index(index.name());
            if (ib != null && ib.read() != null && !ib.read().holds(need, now)) {
                counters.forIndex(table.name(), index.name()).throttle(false, need);
                return new Throttle(Throttle.Limit.INDEX_PROVISIONED, false, false, ib.arn());
            }
            return null;
        }
        Throttle t = null;
        if (b.read != null && !b.read.holds(need, now)) {
            t = new Throttle(Throttle.Limit.TABLE_PROVISIONED, false, false, b.definition.arn());
        } else if (partition != null) {
            TokenBucket key = b.partition(partition, false);
            if (key != null && !key.holds(need, now)) {
                t = new Throttle(Throttle.Limit.TABLE_KEY_RANGE, false, b.onDemand, b.definition.arn());
            }
        }
        if (t != null) {
            counters.forTable(table.name()).throttle(false, need);
        }
        return t;
    }

    /**
     * Debits what an operation consumed ({@code partition} null when it spans partitions, as a Scan does) and counts
     * it for monitoring.
     */
    public void charge(GovernedTable table, @Nullable KeyValue partition, CapacityMeter meter, boolean write) {
        String name = table.name();
        double tableUnits = meter.tableUnits();
        counters.forTable(name).consume(write, tableUnits);
        Map<String, Double> locals = meter.localIndexUnits();
        if (!locals.isEmpty()) {
            for (Map.Entry<String, Double> e : locals.entrySet()) {
                counters.forIndex(name, e.getKey()).consume(write, e.getValue());
                tableUnits += e.getValue();
            }
        }
        Map<String, Double> globals = meter.globalIndexUnits();
        if (!globals.isEmpty()) {
            for (Map.Entry<String, Double> e : globals.entrySet()) {
                counters.forIndex(name, e.getKey()).consume(write, e.getValue());
            }
        }
        take(table, partition, tableUnits, globals, write);
    }

    /** Debits units consumed on the table alone (a batch or transaction read of one item). */
    public void chargeTable(GovernedTable table, @Nullable KeyValue partition, double units, boolean write) {
        counters.forTable(table.name()).consume(write, units);
        take(table, partition, units, Map.of(), write);
    }

    /** Takes the units from the table's bucket, each global index's and the partition's, when capacity is enforced. */
    private void take(
            GovernedTable table,
            @Nullable KeyValue partition,
            double tableUnits,
            Map<String, Double> globals,
            boolean write) {
        if (!enabled) {
            return;
        }
        long now = nowNanos();
        TableBuckets b = buckets(table, now);
        TokenBucket tableBucket = write ? b.write : b.read;
        if (tableBucket != null) {
            tableBucket.take(tableUnits, now);
        }
        if (!globals.isEmpty()) {
            for (Map.Entry<String, Double> e : globals.entrySet()) {
                TableBuckets.IndexBuckets ib = b.index(e.getKey());
                TokenBucket indexBucket = ib == null ? null : write ? ib.write() : ib.read();
                if (indexBucket != null) {
                    indexBucket.take(e.getValue(), now);
                }
            }
        }
        if (partition != null && tableUnits > 0) {
            b.partitionForCharge(partition, write, now).take(tableUnits, now);
        }
    }

    /**
     * Applies a table's new definition (UpdateTable) from now on: the new rates count from the change, not from the
     * table's next request.
     */
    public void redefined(GovernedTable table) {
        if (enabled) {
            buckets(table, nowNanos());
        }
    }

    /** Forgets a deleted table's buckets (its counters stay: they are cumulative, by name). */
    public void dropped(GovernedTable table) {
        tables.computeIfPresent(table.name(), (name, b) -> b.table == table ? null : b);
    }

    /** The table's buckets, rebuilt (balances kept) whenever its definition has changed, e.g. by UpdateTable. */
    private TableBuckets buckets(GovernedTable table, long now) {
        TableBuckets b = tables.get(table.name());
        if (b != null && b.table == table && b.definition == table.definition()) {
            return b;
        }
        return tables.compute(
                table.name(),
                (name, old) -> old != null && old.table == table && old.definition == table.definition()
                        ? old
                        : new TableBuckets(table, old, now));
    }

    private long nowNanos() {
        return clock.millis() * 1_000_000L;
    }
}
