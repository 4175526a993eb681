package dev.singletable.engine.durability;

import dev.singletable.engine.core.Engine;
import dev.singletable.engine.core.EngineOptions;
import dev.singletable.engine.core.ItemChange;
import dev.singletable.engine.core.Journal;
import dev.singletable.engine.core.Table;
import dev.singletable.engine.storage.KeyAttributes;
import dev.singletable.engine.storage.PrimaryKey;
import dev.singletable.engine.storage.StoredItem;
import dev.singletable.engine.table.TableDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable engine's storage: the data directory, its lock, the write-ahead log (as the engine's {@link Journal}),
 * snapshots and recovery. Recovery loads the newest snapshot, then replays the log after it: catalog changes through
 * the engine's own mutation methods, item changes reported to the engine's listeners one unit at a time (so streams
 * are rebuilt exactly as the original writes built them) but applied to the tables in bulk ({@link ReplayedItems}).
 * A background thread takes a snapshot whenever the log has grown past the configured size, then deletes what the
 * snapshot covers, keeping whatever point-in-time recovery still needs.
 */
public final class DurableStore implements Journal, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DurableStore.class);
    private static final String LOCK_FILE = "LOCK";

    private final Path dir;
    private final EngineOptions options;
    private final Engine engine;
    private final Map<String, SnapshotSection> sections = new LinkedHashMap<>();
    private final Map<Integer, Consumer<LogRecord.Extension>> extensions = new HashMap<>();
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Object snapshotMonitor = new Object();
    private final Semaphore snapshotRequests = new Semaphore(0);
    private volatile LongSupplier earliestNeededTime = () -> Long.MAX_VALUE;
    private WriteAheadLog wal;
    private volatile SnapshotCapture capture;
    private boolean snapshotRequested;          // guarded by the commit lock
    private long lastSnapshotSequence = -1;     // guarded by snapshotMonitor
    private Thread snapshotter;
    private volatile boolean closed;

    private DurableStore(EngineOptions options, Engine engine) {
        this.dir = options.dataDir();
        this.options = options;
        this.engine = engine;
        try {
            Files.createDirectories(dir);
            lockChannel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open data directory " + dir, e);
        }
        FileLock acquired;
        try {
            acquired = lockChannel.tryLock();
        } catch (OverlappingFileLockException | IOException e) {
            acquired = null;
        }
        if (acquired == null) {
            closeQuietly();
            throw new DataDirectoryLockedException(dir);
        }
        this.lock = acquired;
    }

    /**
     * Locks the data directory; nothing else happens until {@link #recover}. Register sections and extension
     * replayers in between.
     */
    public static DurableStore open(EngineOptions options, Engine engine) {
        return new DurableStore(options, engine);
    }

    public void addSection(SnapshotSection section) {
        sections.put(section.name(), section);
    }

    /** Who replays log records of an extension kind (see {@link Engine#journalExtension}). */
    public void onExtension(int kind, Consumer<LogRecord.Extension> replayer) {
        extensions.put(kind, replayer);
    }

    /**
     * The time from which point-in-time recovery must remain possible (Long.MAX_VALUE when nothing needs it):
     * snapshots and log older than that are kept.
     */
    public void retainFrom(LongSupplier earliestTime) {
        this.earliestNeededTime = earliestTime;
    }

    /**
     * Loads the newest snapshot, runs {@code beforeReplay} (where the engine's listeners attach, so the replayed
     * mutations reach them), replays the log, then starts journaling and the snapshot thread.
     */
    public void recover(Runnable beforeReplay) {
        deleteLeftovers();
        List<SegmentFiles.Numbered> snapshots = SegmentFiles.snapshots(dir);
        long after = 0;
        if (!snapshots.isEmpty()) {
            SegmentFiles.Numbered newest = snapshots.get(snapshots.size() - 1);
            after = loadSnapshot(newest.path());
            lastSnapshotSequence = after;
        }
        engine.restoreSequence(after);
        beforeReplay.run();
        ReplayedItems replayed = new ReplayedItems();
        LogReader.Result result = LogReader.read(dir, after, record -> {
            replay(record, replayed);
            return true;
        }, true);
        engine.exclusive(() -> {
            replayed.applyAll();
            return null;
        });
        engine.restoreSequence(result.lastSequence());
        wal = WriteAheadLog.open(dir, result.lastSequence() + 1, options.syncPolicy(), options.groupCommitWait(),
                options.logSegmentBytes(), engine::writersWaiting);
        wal.addBytesSinceSnapshot(result.bytesRead());
        engine.attachJournal(this);
        snapshotter = new Thread(this::snapshotLoop, "singletable-snapshots");
        snapshotter.setDaemon(true);
        snapshotter.start();
        if (wal.bytesSinceSnapshot() >= options.snapshotAfterLogBytes()) {
            snapshotRequests.release();
        }
    }

    private long loadSnapshot(Path path) {
        long[] sequence = new long[1];
        Map<String, List<byte[]>> sectionChunks = new LinkedHashMap<>();
        engine.exclusive(() -> {
            SnapshotFile.read(path, new SnapshotFile.Visitor() {
                Table table;
                List<Keyed> items = new ArrayList<>();

                @Override
                public void header(SnapshotFile.Header header) {
                    sequence[0] = header.lastSequence();
                }

                @Override
                public boolean table(TableDefinition definition) {
                    finishTable();
                    table = engine.createTable(definition);
                    return true;
                }

                @Override
                public void item(TableDefinition definition, StoredItem item) {
                    keyedItem(definition, item, KeyAttributes.of(item.attributes()));
                }

                @Override
                public void keyedItem(TableDefinition definition, StoredItem item, KeyAttributes keyAttributes) {
                    items.add(new Keyed(StoredKeys.of(definition.primaryKey(), keyAttributes), item, keyAttributes));
                }

                @Override
                public void section(String name, byte[] chunk) {
                    finishTable();
                    sectionChunks.computeIfAbsent(name, n -> new ArrayList<>()).add(chunk);
                }

                /** Loads the items gathered for the current table, all at once (they come nearly sorted). */
                private void finishTable() {
                    if (table == null) {
                        return;
                    }
                    items.sort(Map.Entry.comparingByKey());
                    // a copy-on-write snapshot may report an item twice, with the same state: keep one
                    List<Keyed> unique = new ArrayList<>(items.size());
                    for (Keyed e : items) {
                        if (unique.isEmpty() || unique.get(unique.size() - 1).getKey().compareTo(e.getKey()) != 0) {
                            unique.add(e);
                        }
                    }
                    items = new ArrayList<>();
                    table.data().loadSorted(unique, Keyed::keyAttributes);
                    table = null;
                }

                @Override
                public void end() {
                    finishTable();
                }
            });
            return null;
        });
        for (SnapshotSection section : sections.values()) {
            section.restore(sectionChunks.getOrDefault(section.name(), List.of()));
        }
        LOG.info("Loaded snapshot {} (sequence {})", path.getFileName(), sequence[0]);
        return sequence[0];
    }

    /** A loaded item, its key, and its key attributes (decoded apart from the item, which may stay encoded). */
    private record Keyed(PrimaryKey getKey, StoredItem getValue, KeyAttributes keyAttributes)
            implements Map.Entry<PrimaryKey, StoredItem> {

        @Override
        public StoredItem setValue(StoredItem value) {
            throw new UnsupportedOperationException();
        }
    }

    /**
     * Replays one record. Item changes reach the listeners at once but are applied to the tables in bulk (see
     * {@link ReplayedItems}); every other record may look at the tables, so what is held is applied before it.
     */
    private void replay(LogRecord record, ReplayedItems replayed) {
        engine.replay(record.sequence(), record.timeMillis(), () -> {
            if (record instanceof LogRecord.Items items) {
                List<ItemChange> changes = new ArrayList<>(items.writes().size());
                List<KeyAttributes> keys = new ArrayList<>(items.writes().size());
                for (LogRecord.ItemWrite w : items.writes()) {
                    Table table = requireTable(w.tableName(), items);
                    KeyAttributes k = w.newItem() != null ? replayed.keysOf(table, w.newItem())
                            : KeyAttributes.of(w.keyAttributes());
                    PrimaryKey key = StoredKeys.of(table.definition().primaryKey(), k);
                    changes.add(new ItemChange(table, key, replayed.current(table, key), w.newItem(),
                            w.byService(), w.replicated()));
                    keys.add(k);
                }
                engine.commitReplayed(changes);
                for (int i = 0; i < changes.size(); i++) {
                    ItemChange c = changes.get(i);
                    replayed.record(c.table(), c.key(), c.newItem(), keys.get(i));
                }
                return;
            }
            replayed.applyAll();
            if (record instanceof LogRecord.TableCreated created) {
                engine.createTable(created.definition());
            } else if (record instanceof LogRecord.TableRedefined redefined) {
                engine.redefine(requireTable(redefined.definition().name(), record), redefined.definition());
            } else if (record instanceof LogRecord.TableDropped dropped) {
                engine.dropTable(requireTable(dropped.tableName(), record));
            } else if (record instanceof LogRecord.Extension extension) {
                Consumer<LogRecord.Extension> replayer = extensions.get(extension.kind());
                if (replayer == null) {
                    throw new CorruptDataException("no replayer for log extension kind " + extension.kind());
                }
                replayer.accept(extension);
            }
        });
    }

    private Table requireTable(String name, LogRecord record) {
        Table table = engine.table(name);
        if (table == null) {
            throw new CorruptDataException("log record " + record.sequence() + " names missing table " + name);
        }
        return table;
    }

    private void deleteLeftovers() {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                if (p.getFileName().toString().endsWith(".tmp")) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- Journal: called under the commit lock, before the mutation is applied

    @Override
    public void items(long sequence, long timeMillis, List<ItemChange> changes) {
        SnapshotCapture c = capture;
        if (c != null) {
            for (ItemChange change : changes) {
                c.beforeChange(change);
            }
        }
        wal.append(sequence, w -> LogRecordCodec.items(w, sequence, timeMillis, changes));
        afterAppend();
    }

    @Override
    public void tableCreated(long sequence, long timeMillis, TableDefinition definition) {
        wal.append(sequence, w -> LogRecordCodec.tableCreated(w, sequence, timeMillis, definition));
        afterAppend();
    }

    @Override
    public void tableRedefined(long sequence, long timeMillis, TableDefinition definition) {
        wal.append(sequence, w -> LogRecordCodec.tableRedefined(w, sequence, timeMillis, definition));
        afterAppend();
    }

    @Override
    public void tableDropped(long sequence, long timeMillis, String tableName) {
        wal.append(sequence, w -> LogRecordCodec.tableDropped(w, sequence, timeMillis, tableName));
        afterAppend();
    }

    @Override
    public void extension(long sequence, long timeMillis, int kind, byte[] payload) {
        wal.append(sequence, w -> LogRecordCodec.extension(w, sequence, timeMillis, kind, payload));
        afterAppend();
    }

    @Override
    public void awaitDurable(long sequence) {
        wal.awaitDurable(sequence);
    }

    @Override
    public long acknowledged() {
        return wal.acknowledged();
    }

    private void afterAppend() {
        if (!snapshotRequested && wal.bytesSinceSnapshot() >= options.snapshotAfterLogBytes()) {
            snapshotRequested = true;
            snapshotRequests.release();
        }
    }

    // ---- snapshots

    private void snapshotLoop() {
        while (!closed) {
            try {
                snapshotRequests.acquire();
                snapshotRequests.drainPermits();
                if (!closed) {
                    snapshot();
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
    public long snapshot() {
        synchronized (snapshotMonitor) {
            List<Table> tables = new ArrayList<>();
            List<TableDefinition> definitions = new ArrayList<>();
            Map<String, Consumer<Consumer<byte[]>>> captured = new LinkedHashMap<>();
            long[] at = new long[2];
            SnapshotCapture cap = engine.exclusive(() -> {
                snapshotRequested = false;
                engine.quiesce();   // the tables and sections then hold exactly the mutations up to at[0]
                at[0] = engine.sequence();
                at[1] = engine.nowMillis();
                if (at[0] == lastSnapshotSequence) {
                    return null;
                }
                for (Table t : engine.tables().values()) {
                    tables.add(t);
                    definitions.add(t.definition());
                }
                for (SnapshotSection section : sections.values()) {
                    captured.put(section.name(), section.capture());
                }
                SnapshotCapture c = new SnapshotCapture(tables);
                capture = c;
                if (wal.currentSegmentBase() != at[0] + 1) {
                    wal.roll(at[0] + 1);
                }
                wal.markSnapshot();
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
            lastSnapshotSequence = at[0];
            LOG.info("Snapshot at sequence {} written", at[0]);
            deleteCovered(at[0]);
            return at[1];
        }
    }

    /**
     * Deletes snapshots and log segments the newest snapshot makes unnecessary, keeping, when point-in-time
     * recovery needs an earlier state, the newest snapshot taken before that time and the log after it (or, when no
     * snapshot is that old, the whole log, which then starts from the empty engine).
     */
    private void deleteCovered(long newest) {
        long neededTime = earliestNeededTime.getAsLong();
        long base = newest;
        List<SegmentFiles.Numbered> snapshots = SegmentFiles.snapshots(dir);
        if (neededTime != Long.MAX_VALUE) {
            base = 0;
            for (SegmentFiles.Numbered s : snapshots) {
                if (s.sequence() <= newest && SnapshotFile.header(s.path()).timeMillis() <= neededTime) {
                    base = s.sequence();
                }
            }
        }
        try {
            for (SegmentFiles.Numbered s : snapshots) {
                if (s.sequence() != newest && s.sequence() != base) {
                    Files.deleteIfExists(s.path());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        wal.deleteSegmentsCoveredBy(base);
    }

    /** System calls of the write-ahead log so far (how well group commit groups). */
    public WriteAheadLog.Statistics logStatistics() {
        return wal.statistics();
    }

    /** The data directory. */
    public Path directory() {
        return dir;
    }

    /**
     * A table as it was at a moment, rebuilt from the newest snapshot taken before it and the log after that
     * snapshot: the basis of point-in-time recovery. Returns null when that incarnation of the table (named and
     * identified as given) did not exist then. Snapshots are held off meanwhile, so nothing read is deleted.
     */
    public SnapshotFile.TableImage tableAt(String tableName, String tableId, long timeMillis) {
        synchronized (snapshotMonitor) {
            if (wal != null) {
                wal.writeToOperatingSystem();   // records still pending in memory must be in the files read below
            }
            SegmentFiles.Numbered base = null;
            for (SegmentFiles.Numbered s : SegmentFiles.snapshots(dir)) {
                if (SnapshotFile.header(s.path()).timeMillis() <= timeMillis) {
                    base = s;
                }
            }
            PointInTimeTable table = new PointInTimeTable(tableName, tableId);
            long after = 0;
            if (base != null) {
                after = base.sequence();
                table.start(SnapshotFile.readTable(base.path(), tableName));
            } else {
                List<SegmentFiles.Numbered> segments = SegmentFiles.segments(dir);
                if (!segments.isEmpty() && segments.get(0).sequence() != 1) {
                    throw new IllegalStateException("the log before " + timeMillis + " is no longer retained");
                }
            }
            LogReader.read(dir, after, record -> {
                if (record.timeMillis() > timeMillis) {
                    return false;
                }
                table.apply(record);
                return true;
            }, false);
            return table.image();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (snapshotter != null) {
            snapshotter.interrupt();
            try {
                snapshotter.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            if (wal != null) {
                if (wal.bytesSinceSnapshot() > 0) {
                    snapshot();   // a clean shutdown leaves nothing to replay
                }
                engine.attachJournal(Journal.NONE);
                wal.close();
                LOG.info("Engine data in {} saved and its lock released", dir);
            }
        } finally {
            closeQuietly();
        }
    }

    private void closeQuietly() {
        try {
            if (lock != null) {
                lock.release();
            }
        } catch (IOException | RuntimeException ignored) {
            // the lock goes with the channel anyway
        }
        try {
            lockChannel.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }
}
