package dev.singletable.engine.ttl;

import dev.singletable.engine.core.Engine;
import dev.singletable.engine.core.ItemChange;
import dev.singletable.engine.core.Table;
import dev.singletable.engine.storage.StoredItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired items in the background. Each sweep reads, in every TTL-enabled table, only the entries of its
 * {@link ExpiryIndex} whose second has passed (the index is kept by the commit path, see {@link ExpirySchedule}), so
 * a sweep costs what has expired, not what is stored. It deletes those items through the commit path (checking again
 * under the lock that each is still there and still expired), one deletion per commit marked as made by the service:
 * the stream shows each as a REMOVE with the service's identity, the log records it, and index entries go with their
 * items (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/howitworks-ttl.html).
 */
public final class TtlSweeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TtlSweeper.class);
    /** Deletions per hold of the commit lock, so a large sweep does not keep writers waiting. */
    private static final int BATCH = 100;

    private final Engine engine;
    private final Duration interval;
    private final ExpirySchedule schedule = new ExpirySchedule();
    private final Object sweeping = new Object();
    /** Items read by sweeps so far (index entries checked, and items scanned to build an index): tests watch it. */
    private final AtomicLong examined = new AtomicLong();

    private @Nullable ScheduledExecutorService scheduler;

    /** Attaches the expiry index to the engine's commit path; create it once the engine has recovered. */
    public TtlSweeper(Engine engine, Duration interval) {
        this.engine = engine;
        this.interval = interval;
        engine.addListener(schedule);
    }

    public synchronized void start() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "singletable-ttl");
                t.setDaemon(true);
                return t;
            });
            long millis = Math.max(1, interval.toMillis());
            scheduler.scheduleWithFixedDelay(this::sweepQuietly, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warn("TTL sweep failed; the next one will try again", e);
        }
    }

    /** One pass over every TTL-enabled table; returns how many items it deleted. */
    public int sweep() {
        synchronized (sweeping) {
            schedule.forgetInactive(engine);
            int deleted = 0;
            for (Table table : List.copyOf(engine.tables().values())) {
                String attribute = table.definition().activeTtlAttribute();
                if (attribute != null) {
                    deleted += sweep(table, schedule.indexFor(table, attribute, examined::addAndGet));
                }
            }
            return deleted;
        }
    }

    private int sweep(Table table, ExpiryIndex index) {
        long now = engine.nowMillis();
        Iterator<ExpiryIndex.Due> due = index.due(TtlRules.oldestExpiringSecond(now), now);
        int deleted = 0;
        List<ExpiryIndex.Due> batch = new ArrayList<>(BATCH);
        while (due.hasNext()) {
            batch.add(due.next());
            if (batch.size() == BATCH) {
                deleted += delete(table, index, batch);
                batch.clear();
            }
        }
        return deleted + delete(table, index, batch);
    }

    private int delete(Table table, ExpiryIndex index, List<ExpiryIndex.Due> candidates) {
        if (candidates.isEmpty()) {
            return 0;
        }
        examined.addAndGet(candidates.size());
        return engine.exclusive(() -> {
            if (engine.table(table.name()) != table
                    || !index.attribute().equals(table.definition().activeTtlAttribute())) {
                return 0; // dropped, replaced or TTL changed meanwhile: the next sweep starts over
            }
            long now = engine.nowMillis();
            int n = 0;
            for (ExpiryIndex.Due due : candidates) {
                StoredItem current = table.current(Objects.requireNonNull(due.key()));
                if (current != null && TtlRules.expired(current.attributes().get(index.attribute()), now)) {
                    engine.commit(List.of(new ItemChange(table, due.key(), current, null, true)));
                    n++;
                } else if (!Objects.equals(index.dueSecond(current), due.second())) {
                    index.remove(due); // the item changed or went since the entry was made
                }
            }
            return n;
        });
    }

    /** Items read by sweeps so far: index entries checked plus items scanned to build an index. */
    long examinedItems() {
        return examined.get();
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }
}
