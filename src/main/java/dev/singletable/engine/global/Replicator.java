package dev.singletable.engine.global;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.ObjLongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the queued writes of every region to the other members of their tables' groups, asynchronously, in
 * commit order per queue: a batch is applied in the destination (last writer wins, as AWS resolves concurrent writes [1]) and leaves its queue only once
 * durable there. A configurable delay holds every write back before it may be delivered, so that the inconsistency
 * window between regions can be watched. A destination that fails is retried a second later; nothing is dropped.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_HowItWorks.html">How DynamoDB global tables work</a>
 */
final class Replicator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Replicator.class);
    private static final int BATCH = 256;
    private static final long RETRY_MILLIS = 1000;

    private final Clock clock;
    private final Duration delay;
    /** The destination's replication state: (account, region) to the namespace, opened if need be. */
    private final BiFunction<String, String, NamespaceReplication> destinations;

    private final ObjLongConsumer<PeerQueue> latencies;
    private final ScheduledThreadPoolExecutor pool;
    private volatile boolean closed;

    Replicator(
            Clock clock,
            Duration delay,
            BiFunction<String, String, NamespaceReplication> destinations,
            ObjLongConsumer<PeerQueue> latencies) {
        this.clock = clock;
        this.delay = delay;
        this.destinations = destinations;
        this.latencies = latencies;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ScheduledThreadPoolExecutor(2, r -> {
            Thread t = new Thread(r, "singletable-replication-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // a delivery under way is never interrupted (an interrupt closes the log's file channel); waiting ones go
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    Duration delay() {
        return delay;
    }

    /** The queue has something new: make sure a drain will look at it. */
    void wake(PeerQueue queue) {
        schedule(queue, 0);
    }

    private void schedule(PeerQueue queue, long afterMillis) {
        if (closed || !queue.scheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            pool.schedule(() -> drain(queue), afterMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            queue.scheduled.set(false); // shutting down
        }
    }

    private void drain(PeerQueue queue) {
        long retryAfter = -1;
        try {
            retryAfter = deliver(queue);
        } catch (RuntimeException e) {
            LOG.warn(
                    "Replicating {} from {} to {} failed; retrying in {} ms",
                    queue.table,
                    queue.source.region(),
                    queue.destination,
                    RETRY_MILLIS,
                    e);
            retryAfter = RETRY_MILLIS;
        } finally {
            queue.scheduled.set(false);
        }
        if (retryAfter >= 0) {
            schedule(queue, retryAfter);
        } else if (queue.oldestCommitMillis() >= 0) {
            wake(queue); // something arrived while the drain was finishing
        }
    }

    /** Delivers what is due; returns when to look again (ms), or -1 when the queue is empty or held. */
    private long deliver(PeerQueue queue) {
        while (!closed && !queue.isClosed()) {
            long now = clock.millis();
            List<Replicated> due = queue.due(now - delay.toMillis(), BATCH);
            if (due.isEmpty()) {
                long oldest = queue.oldestCommitMillis();
                return oldest < 0 ? -1 : Math.max(1, oldest + delay.toMillis() - now);
            }
            NamespaceReplication destination = destinations.apply(queue.source.account(), queue.destination);
            NamespaceReplication.Applied applied = destination.apply(queue.table, due);
            queue.counters.superseded(applied.superseded());
            long arrived = clock.millis();
            queue.removeFirst(due.size());
            for (Replicated e : due) {
                long latency = Math.max(0, arrived - e.commitMillis());
                queue.counters.arrived(latency);
                latencies.accept(queue, latency);
            }
        }
        return -1;
    }

    /** Runs a housekeeping task now and then on the replication threads. */
    void every(Duration period, Runnable task) {
        pool.scheduleWithFixedDelay(
                () -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        LOG.warn("Replication housekeeping failed", e);
                    }
                },
                period.toMillis(),
                period.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        closed = true;
        pool.shutdown();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
