package dev.singletable.engine.table;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Provisioned throughput of a table or global index. On-demand tables report zero units, as DynamoDB does.
 * The increase/decrease timestamps and the daily decrease count only feed DescribeTable.
 */
public record Throughput(
        long readCapacityUnits,
        long writeCapacityUnits,
        @Nullable Instant lastIncrease,
        @Nullable Instant lastDecrease,
        long decreasesToday) {

    public static final Throughput ZERO = new Throughput(0, 0, null, null, 0);

    public static Throughput of(long readCapacityUnits, long writeCapacityUnits) {
        return new Throughput(readCapacityUnits, writeCapacityUnits, null, null, 0);
    }
}
