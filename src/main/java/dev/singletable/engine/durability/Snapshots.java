package dev.singletable.engine.durability;

import dev.singletable.engine.core.Engine;
import dev.singletable.engine.core.ItemChange;
import dev.singletable.engine.core.Table;
import dev.singletable.engine.table.TableDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshots of a durable engine, which keep restart time bounded: a background thread takes one whenever the log has
 * grown past the configured size since the last, then lets {@link Retention} delete what it covers. A snapshot is
 * consistent at one sequence number but does not stop writers: the tables are listed under the commit lock and then
 * written copy-on-write ({@link SnapshotCapture} keeps the state an item had before a change made while it is written).
 */
final class Snapshots {

    private static final Logger LOG = LoggerFactory.getLogger(Snapshots.class);

    private final Path dir;
    private final Engine engine;
    private final Collection<SnapshotSection> sections;
    private final Retention retention;
    private final long afterLogBytes;
    private final Object monitor = new Object();
    private final Semaphore requests = new Semaphore(0);
    private volatile @Nullable SnapshotCapture capture;
    private boolean requested; // guarded by the commit lock
    private long lastSequence = -1; // guarded by monitor
    /** Both set by {@link #start}, once recovery is done. */
    private @Nullable WriteAheadLog wal;

    private @Nullable Thread thread;
    private volatile boolean closed;

    Snapshots(Path dir, Engine engine, Collection<SnapshotSection> sections, Retention retention, long afterLogBytes) {
        this.dir = dir;
        this.engine = engine;
        this.sections = sections;
        this.retention = retention;
        this.afterLogBytes = afterLogBytes;
    }

    /**
     * Starts the snapshot thread once recovery is done: {@code lastSequence} is the sequence the loaded snapshot ends
     * at (-1 for none); a log already past the size asks for a snapshot at once.
     */
    void start(WriteAheadLog log, long lastSnapshotSequence) {
        this.wal = log;
        synchronized (monitor) {
            this.lastSequence = lastSnapshotSequence;
        }
        Thread t = new Thread(this::loop, "singletable-snapshots");
        t.setDaemon(true);
        thread = t;
        t.start();
        if (log.bytesSinceSnapshot() >= afterLogBytes) {
            requests.release();
        }
    }

    /** Under the commit lock, before changes are applied: a snapshot being written keeps the states they replace. */
    void beforeChanges(List<ItemChange> changes) {
        SnapshotCapture c = capture;
        if (c != null) {
            for (ItemChange change : changes) {
                c.beforeChange(change);
            }
        }
    }

    /** Under the commit lock, after a record was appended: asks for a snapshot once the log has grown enough. */
    void afterAppend() {
        if (!requested && wal().bytesSinceSnapshot() >= afterLogBytes) {
            requested = true;
            requests.release();
        }
    }

    /** The log; the store journals (and so snapshots are asked for) only after {@link #start}. */
    private WriteAheadLog wal() {
        WriteAheadLog log = wal;
        if (log == null) {
            throw new IllegalStateException("snapshots are not started yet");
        }
        return log;
    }

    private void loop() {
        while (!closed) {
            try {
                requests.acquire();
                requests.drainPermits();
                if (!closed) {
                    take();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("Snapshot failed; the log keeps growing until one succeeds", e);
            }
        }
    }

    /**
     * Takes a snapshot now (unless nothing changed since the last one) and returns its time: everything committed
     * before that time is in it. Writers go on while it is written.
     */
    long take() {
        synchronized (monitor) {
            WriteAheadLog log = wal();
            List<Table> tables = new ArrayList<>();
            List<TableDefinition> definitions = new ArrayList<>();
            Map<String, Consumer<Consumer<byte[]>>> captured = new LinkedHashMap<>();
            long[] at = new long[2];
            SnapshotCapture cap = engine.exclusive(() -> {
                requested = false;
                engine.quiesce(); // the tables and sections then hold exactly the mutations up to at[0]
                at[0] = engine.sequence();
                at[1] = engine.nowMillis();
                if (at[0] == lastSequence) {
                    return null;
                }
                for (Table t : engine.tables().values()) {
                    tables.add(t);
                    definitions.add(t.definition());
                }
                for (SnapshotSection section : sections) {
                    captured.put(section.name(), section.capture());
                }
                SnapshotCapture c = new SnapshotCapture(tables);
                capture = c;
                if (log.currentSegmentBase() != at[0] + 1) {
                    log.roll(at[0] + 1);
                }
                log.markSnapshot();
                return c;
            });
            if (cap == null) {
                return at[1];
            }
            try {
                SnapshotFile.write(dir, at[0], at[1], tables, definitions, cap, captured);
            } finally {
                engine.exclusive(() -> {
                    capture = null;
                    return null;
                });
            }
            lastSequence = at[0];
            LOG.info("Snapshot at sequence {} written", at[0]);
            retention.deleteCovered(at[0], log);
            return at[1];
        }
    }

    /** Runs {@code read} with no snapshot taken meanwhile, so no file it reads is deleted under it. */
    <T> T heldOff(Supplier<T> read) {
        synchronized (monitor) {
            return read.get();
        }
    }

    /** Stops the snapshot thread (waiting for a snapshot under way); {@link #take} still works afterwards. */
    void stop() {
        closed = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
