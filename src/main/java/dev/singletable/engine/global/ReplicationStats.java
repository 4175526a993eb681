package dev.singletable.engine.global;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Replication from one region to another for one table, as AWS's CloudWatch metrics show it [1]:
 * {@code ReplicationLatency}, the time from a write in the source region to its arrival in the destination, and
 * {@code PendingReplicationCount}, the writes made in the source not yet applied in the destination (a metric of
 * version 2017.11.29 that this engine keeps for every pair, since it shows a lag building up).
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_monitoring.html">Monitoring global tables</a>
 *
 * @param table           the table
 * @param source          the region the writes were made in
 * @param destination     the region they are replicated to
 * @param pending         writes waiting to be applied in the destination
 * @param replicated      writes that reached the destination so far
 * @param superseded      of those, the ones a later write of the same item had already replaced there: conflicts
 *                        between regions that last-writer-wins resolved against the arriving write
 * @param lastLatencyMillis the latency of the last write that arrived; -1 before the first
 * @param maxLatencyMillis  the highest latency seen
 * @param averageLatencyMillis the mean latency of every write that arrived
 */
public record ReplicationStats(
        String table,
        String source,
        String destination,
        long pending,
        long replicated,
        long superseded,
        long lastLatencyMillis,
        long maxLatencyMillis,
        double averageLatencyMillis) {

    /** The running figures of one queue. */
    static final class Counters {
        private final AtomicLong replicated = new AtomicLong();
        private final AtomicLong superseded = new AtomicLong();
        private final AtomicLong totalLatency = new AtomicLong();
        private final AtomicLong lastLatency = new AtomicLong(-1);
        private final AtomicLong maxLatency = new AtomicLong();

        void arrived(long latencyMillis) {
            replicated.incrementAndGet();
            totalLatency.addAndGet(latencyMillis);
            lastLatency.set(latencyMillis);
            maxLatency.accumulateAndGet(latencyMillis, Math::max);
        }

        void superseded(long n) {
            superseded.addAndGet(n);
        }

        ReplicationStats snapshot(String table, String source, String destination, long pending) {
            long n = replicated.get();
            return new ReplicationStats(
                    table,
                    source,
                    destination,
                    pending,
                    n,
                    superseded.get(),
                    lastLatency.get(),
                    maxLatency.get(),
                    n == 0 ? 0 : (double) totalLatency.get() / n);
        }
    }
}
