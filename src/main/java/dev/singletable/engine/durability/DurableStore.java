package dev.singletable.engine.durability;

import dev.singletable.engine.core.Engine;
import dev.singletable.engine.core.EngineOptions;
import dev.singletable.engine.core.ItemChange;
import dev.singletable.engine.core.Journal;
import dev.singletable.engine.table.TableDefinition;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable engine's storage, and the engine's {@link Journal}: every mutation is appended to the write-ahead log
 * before it is applied. The jobs around the log each have a class of their own: the locked data directory
 * ({@link DataDirectory}), recovery at startup ({@link Recovery}), snapshots in the background ({@link Snapshots}),
 * which files they leave behind ({@link Retention}) and a table rebuilt as it was at a moment
 * ({@link PointInTimeImages}). This class opens them in order and hands the engine's calls to them.
 */
public final class DurableStore implements Journal, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DurableStore.class);

    private final DataDirectory dir;
    private final EngineOptions options;
    private final Engine engine;
    private final Map<String, SnapshotSection> sections = new LinkedHashMap<>();
    private final Map<Integer, Consumer<LogRecord.Extension>> extensions = new HashMap<>();
    private final Retention retention;
    private final Snapshots snapshots;
    private final PointInTimeImages pointInTime;
    /** Opened by {@link #recover}: null before. */
    private @Nullable WriteAheadLog wal;

    private volatile boolean closed;

    private DurableStore(EngineOptions options, Engine engine) {
        Path dataDir = options.dataDir();
        if (dataDir == null) {
            throw new IllegalArgumentException("a durable store needs a data directory");
        }
        this.dir = DataDirectory.lock(dataDir);
        this.options = options;
        this.engine = engine;
        this.retention = new Retention(dir.path());
        this.snapshots =
                new Snapshots(dir.path(), engine, sections.values(), retention, options.snapshotAfterLogBytes());
        this.pointInTime = new PointInTimeImages(dir.path());
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
        retention.retainFrom(earliestTime);
    }

    /**
     * Loads the newest snapshot, runs {@code beforeReplay} (where the engine's listeners attach, so the replayed
     * mutations reach them), replays the log, then starts journaling and the snapshot thread.
     */
    public void recover(Runnable beforeReplay) {
        dir.deleteLeftovers();
        Recovery.Result recovered = new Recovery(dir.path(), engine, sections.values(), extensions).run(beforeReplay);
        WriteAheadLog log = WriteAheadLog.open(
                dir.path(),
                recovered.lastSequence() + 1,
                options.syncPolicy(),
                options.groupCommitWait(),
                options.logSegmentBytes(),
                engine::writersWaiting);
        log.addBytesSinceSnapshot(recovered.logBytesRead());
        wal = log;
        engine.attachJournal(this);
        snapshots.start(log, recovered.snapshotSequence());
    }

    /** The log; the engine journals here only once {@link #recover} attached this store, after opening it. */
    private WriteAheadLog wal() {
        WriteAheadLog log = wal;
        if (log == null) {
            throw new IllegalStateException("the engine data in " + dir.path() + " is not recovered yet");
        }
        return log;
    }

    // ---- Journal: called under the commit lock, before the mutation is applied

    @Override
    public void items(long sequence, long timeMillis, List<ItemChange> changes) {
        snapshots.beforeChanges(changes);
        append(sequence, w -> LogRecordCodec.items(w, sequence, timeMillis, changes));
    }

    @Override
    public void tableCreated(long sequence, long timeMillis, TableDefinition definition) {
        append(sequence, w -> LogRecordCodec.tableCreated(w, sequence, timeMillis, definition));
    }

    @Override
    public void tableRedefined(long sequence, long timeMillis, TableDefinition definition) {
        append(sequence, w -> LogRecordCodec.tableRedefined(w, sequence, timeMillis, definition));
    }

    @Override
    public void tableDropped(long sequence, long timeMillis, String tableName) {
        append(sequence, w -> LogRecordCodec.tableDropped(w, sequence, timeMillis, tableName));
    }

    @Override
    public void extension(long sequence, long timeMillis, int kind, byte[] payload) {
        append(sequence, w -> LogRecordCodec.extension(w, sequence, timeMillis, kind, payload));
    }

    /** Every journal record: appended to the log, then the snapshot policy counts it. */
    private void append(long sequence, Consumer<ByteWriter> record) {
        wal().append(sequence, record);
        snapshots.afterAppend();
    }

    @Override
    public void awaitDurable(long sequence) {
        wal().awaitDurable(sequence);
    }

    @Override
    public long acknowledged() {
        return wal().acknowledged();
    }

    /**
     * Takes a snapshot now (unless nothing changed since the last one) and returns its time: everything committed
     * before that time is in it. Writers go on while it is written.
     */
    public long snapshot() {
        return snapshots.take();
    }

    /** System calls of the write-ahead log so far (how well group commit groups). */
    public WriteAheadLog.Statistics logStatistics() {
        return wal().statistics();
    }

    /** The data directory. */
    public Path directory() {
        return dir.path();
    }

    /**
     * A table as it was at a moment, rebuilt from the newest snapshot taken before it and the log after that
     * snapshot: the basis of point-in-time recovery. Returns null when that incarnation of the table (named and
     * identified as given) did not exist then. Snapshots are held off meanwhile, so nothing read is deleted.
     */
    public SnapshotFile.@Nullable TableImage tableAt(String tableName, String tableId, long timeMillis) {
        return snapshots.heldOff(() -> {
            WriteAheadLog log = wal;
            if (log != null) {
                log.writeToOperatingSystem(); // records still pending in memory must be in the files read below
            }
            return pointInTime.tableAt(tableName, tableId, timeMillis);
        });
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        snapshots.stop();
        try {
            WriteAheadLog log = wal;
            if (log != null) {
                if (log.bytesSinceSnapshot() > 0) {
                    snapshots.take(); // a clean shutdown leaves nothing to replay
                }
                engine.attachJournal(Journal.NONE);
                log.close();
                LOG.info("Engine data in {} saved and its lock released", dir.path());
            }
        } finally {
            dir.close();
        }
    }
}
