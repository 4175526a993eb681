package dev.singletable.engine.capacity;

import dev.singletable.engine.storage.KeyValue;
import dev.singletable.engine.table.IndexDef;
import dev.singletable.engine.table.TableDefinition;
import dev.singletable.engine.table.Throughput;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;

/**
 * The buckets of one table, sized from one version of its definition: read and write buckets for a provisioned table
 * and for each of its provisioned global indexes (null/absent when on demand), and a bucket per recently used
 * partition key at DynamoDB's per-partition ceiling. A partition key's bucket is dropped once it has refilled, since a
 * new one starts full, so only keys used within about the last second are held.
 */
final class TableBuckets {

    /** DynamoDB keeps up to five minutes of unused provisioned capacity as burst capacity. */
    static final double BURST_SECONDS = 300;
    /** DynamoDB's ceiling per partition: 3 000 read units and 1 000 write units per second. */
    static final double PARTITION_READ_UNITS = 3000;

    static final double PARTITION_WRITE_UNITS = 1000;
    /** Full partition buckets are swept once this many are held. */
    private static final int SWEEP_AT = 4096;

    /** One provisioned global index. */
    record IndexBuckets(
            String name,
            String arn,
            @Nullable TokenBucket read,
            @Nullable TokenBucket write) {}

    final GovernedTable table;
    final TableDefinition definition;
    final boolean onDemand;
    final @Nullable TokenBucket read;
    final @Nullable TokenBucket write;
    final IndexBuckets[] indexes;
    final Map<KeyValue, TokenBucket> partitionReads;
    final Map<KeyValue, TokenBucket> partitionWrites;

    /** Buckets for the table's current definition, keeping the balances of {@code previous} where they still apply. */
    TableBuckets(GovernedTable table, @Nullable TableBuckets previous, long nowNanos) {
        this.table = table;
        this.definition = table.definition();
        TableBuckets same = previous != null && previous.table == table ? previous : null;
        boolean provisioned = definition.billingMode() != BillingMode.PAY_PER_REQUEST;
        this.onDemand = !provisioned;
        Throughput t = definition.throughput();
        this.read = provisioned ? bucket(same == null ? null : same.read, t.readCapacityUnits(), nowNanos) : null;
        this.write = provisioned ? bucket(same == null ? null : same.write, t.writeCapacityUnits(), nowNanos) : null;
        List<IndexDef> globals = provisioned ? definition.globalIndexes() : List.of();
        this.indexes = globals.stream()
                .filter(index -> index.throughput() != null)
                .map(index -> {
                    IndexBuckets old = same == null ? null : same.index(index.name());
                    return new IndexBuckets(
                            index.name(),
                            definition.arn() + "/index/" + index.name(),
                            bucket(
                                    old == null ? null : old.read(),
                                    index.throughput().readCapacityUnits(),
                                    nowNanos),
                            bucket(
                                    old == null ? null : old.write(),
                                    index.throughput().writeCapacityUnits(),
                                    nowNanos));
                })
                .filter(b -> b.read() != null || b.write() != null)
                .toArray(IndexBuckets[]::new);
        this.partitionReads = same == null ? new ConcurrentHashMap<>() : same.partitionReads;
        this.partitionWrites = same == null ? new ConcurrentHashMap<>() : same.partitionWrites;
    }

    /** A bucket at {@code units} per second with five minutes of burst, or null for no provisioned units. */
    private static @Nullable TokenBucket bucket(@Nullable TokenBucket existing, long units, long nowNanos) {
        if (units <= 0) {
            return null;
        }
        double capacity = units * BURST_SECONDS;
        if (existing == null) {
            return new TokenBucket(units, capacity);
        }
        if (existing.rate() != units) {
            existing.resize(units, capacity, nowNanos);
        }
        return existing;
    }

    @Nullable
    IndexBuckets index(String name) {
        for (IndexBuckets b : indexes) {
            if (b.name().equals(name)) {
                return b;
            }
        }
        return null;
    }

    /** The partition key's bucket if it has been used recently (null means full). */
    @Nullable
    TokenBucket partition(KeyValue key, boolean write) {
        return (write ? partitionWrites : partitionReads).get(key);
    }

    TokenBucket partitionForCharge(KeyValue key, boolean write, long nowNanos) {
        Map<KeyValue, TokenBucket> map = write ? partitionWrites : partitionReads;
        TokenBucket b = map.get(key);
        if (b != null) {
            return b;
        }
        if (map.size() >= SWEEP_AT) {
            map.values().removeIf(bucket -> bucket.full(nowNanos));
        }
        return map.computeIfAbsent(
                key,
                k -> write
                        ? new TokenBucket(PARTITION_WRITE_UNITS, PARTITION_WRITE_UNITS)
                        : new TokenBucket(PARTITION_READ_UNITS, PARTITION_READ_UNITS));
    }
}
