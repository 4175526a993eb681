package dev.singletable.engine.ttl;

import dev.singletable.engine.core.Engine;
import dev.singletable.engine.core.ItemChange;
import dev.singletable.engine.core.Table;
import dev.singletable.engine.storage.PrimaryKey;
import dev.singletable.engine.storage.StoredItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired items in the background. Each sweep reads every TTL-enabled table without locking, then deletes the
 * expired items it found through the commit path (checking again under the lock that each is still there and still
 * expired), one deletion per commit marked as made by the service: the stream shows each as a REMOVE with the
 * service's identity, the log records it, and index entries go with their items.
 */
public final class TtlSweeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TtlSweeper.class);
    /** Deletions per hold of the commit lock, so a large sweep does not keep writers waiting. */
    private static final int BATCH = 100;

    private final Engine engine;
    private final Duration interval;
    private @Nullable ScheduledExecutorService scheduler;

    public TtlSweeper(Engine engine, Duration interval) {
        this.engine = engine;
        this.interval = interval;
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
        int deleted = 0;
        for (Table table : List.copyOf(engine.tables().values())) {
            String attribute = table.definition().activeTtlAttribute();
            if (attribute == null) {
                continue;
            }
            long now = engine.nowMillis();
            List<PrimaryKey> expired = new ArrayList<>();
            for (Map.Entry<PrimaryKey, StoredItem> e : table.data().items().entrySet()) {
                if (TtlRules.expired(e.getValue().attributes().get(attribute), now)) {
                    expired.add(e.getKey());
                    if (expired.size() == BATCH) {
                        deleted += delete(table, expired);
                        expired.clear();
                    }
                }
            }
            deleted += delete(table, expired);
        }
        return deleted;
    }

    private int delete(Table table, List<PrimaryKey> keys) {
        if (keys.isEmpty()) {
            return 0;
        }
        return engine.exclusive(() -> {
            if (engine.table(table.name()) != table) {
                return 0; // dropped or replaced meanwhile
            }
            String attribute = table.definition().activeTtlAttribute();
            long now = engine.nowMillis();
            int n = 0;
            for (PrimaryKey key : keys) {
                StoredItem current = table.current(key);
                if (attribute != null
                        && current != null
                        && TtlRules.expired(current.attributes().get(attribute), now)) {
                    engine.commit(List.of(new ItemChange(table, key, current, null, true)));
                    n++;
                }
            }
            return n;
        });
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
