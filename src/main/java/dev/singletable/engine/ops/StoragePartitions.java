package dev.singletable.engine.ops;

import dev.singletable.engine.table.IndexDef;
import dev.singletable.engine.table.TableDefinition;
import dev.singletable.engine.table.Throughput;
import java.math.BigInteger;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;

/**
 * How many storage partitions a table or global index of a given throughput starts with, and which of them a range of
 * the partition-key hash space covers. Only capacity reporting uses it: a Scan page pays at least one read unit for
 * each partition it reads.
 *
 * <p>A partition serves at most 3 000 read and 1 000 write units per second [1]; a new on-demand table's warm
 * throughput is 12 000 reads and 4 000 writes [2], so it starts with four
 * partitions, which is what AWS's 4 / 2 units for a Scan of a one-item on-demand table show (ScyllaDB's
 * test_returnconsumedcapacity.py::test_scan_consumed_capacity, run against AWS). A provisioned table has as many as
 * its throughput needs, at least one.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/burst-adaptive-capacity.html">DynamoDB burst and adaptive capacity</a>
 * <br>[2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/warm-throughput.html">Understanding DynamoDB warm throughput</a>
 */
final class StoragePartitions {

    private static final int ON_DEMAND_PARTITIONS = 4;
    private static final BigInteger HASH_SPACE = BigInteger.ONE.shiftLeft(64);

    private StoragePartitions() {}

    /** The partitions of the table, or of the global index (a local index lives in its table's partitions). */
    static int count(TableDefinition table, @Nullable IndexDef index) {
        if (table.billingMode() == BillingMode.PAY_PER_REQUEST) {
            return ON_DEMAND_PARTITIONS;
        }
        Throughput t =
                index != null && index.global() && index.throughput() != null ? index.throughput() : table.throughput();
        double needed = t.readCapacityUnits() / 3000.0 + t.writeCapacityUnits() / 1000.0;
        return (int) Math.max(1, Math.ceil(needed));
    }

    /** How many of {@code partitions} equal slices of the unsigned 64-bit hash space [first, last] touches. */
    static int touched(int partitions, long firstHash, long lastHash) {
        return slice(partitions, lastHash) - slice(partitions, firstHash) + 1;
    }

    private static int slice(int partitions, long hash) {
        BigInteger unsigned = new BigInteger(Long.toUnsignedString(hash));
        return unsigned.multiply(BigInteger.valueOf(partitions))
                .divide(HASH_SPACE)
                .intValue();
    }
}
