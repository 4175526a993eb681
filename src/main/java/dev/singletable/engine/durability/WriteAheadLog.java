package dev.singletable.engine.durability;

import dev.singletable.engine.core.EngineOptions.SyncPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The append side of the write-ahead log, with group commit at two levels.
 * <p>
 * Records are appended by the one thread holding the engine's commit lock: each is framed and copied into an
 * in-memory pending buffer, with no system call. Writers then wait in {@link #awaitDurable} after leaving that lock.
 * The first waiter whose record is still pending becomes the leader: under the flush lock it takes the whole pending
 * buffer (every record appended so far, by any writer) and hands it to the operating system in ONE positional write,
 * then, if the policy asks for the disk, ONE force; everything that write (and force) covered is acknowledged
 * together. Under {@link SyncPolicy#GROUP} the leader first lingers while other writers keep appending (at most the
 * group-commit wait), so that more records share the force.
 * <p>
 * What a policy acknowledges after, and so what an acknowledged write survives:
 * <ul>
 * <li>{@link SyncPolicy#FSYNC} and {@link SyncPolicy#GROUP}: the record's bytes were written AND forced to the
 * device: survives a process kill and a power loss.</li>
 * <li>{@link SyncPolicy#NONE}: the record's bytes were written to the operating system (in its page cache), which a
 * SIGKILL of this process cannot undo; the disk is forced only when a segment is finished and on close. Survives a
 * process kill, not a power loss or kernel crash.</li>
 * </ul>
 * A write becomes visible to readers only once {@link #acknowledged} covers it (the engine holds it back until
 * then), and a writer is told of success no earlier. A segment is written out and forced before the log moves to
 * the next, so only the last segment can ever have a torn tail. A failed write or force acknowledges nothing it
 * covered and leaves the log refusing every further append (the engine then vetoes every mutation), because the
 * engine's writers may already have built on changes the log does not hold (readers never saw them).
 */
public final class WriteAheadLog implements AutoCloseable {

    /** How long the group leader waits for the next writer before it decides the group is complete. */
    private static final long GATHER_SLICE_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

    private static final int SCRATCH_KEEP_BYTES = 1024 * 1024;
    private static final int PENDING_INITIAL_BYTES = 256 * 1024;
    /** An appender that finds this much pending writes it out itself, so a writer that never waits cannot grow it. */
    private static final int PENDING_WRITE_OUT_BYTES = 4 * 1024 * 1024;

    private final Path dir;
    private final SyncPolicy policy;
    private final long groupWaitNanos;
    private final long segmentBytes;
    private final BooleanSupplier writersWaiting;

    // appender state: touched only under the engine's commit lock (and by roll, which holds it too)
    private ByteWriter scratch = new ByteWriter(64 * 1024);
    /** Bytes of the current segment, counting records still pending: decides when to roll. */
    private long segmentLength;

    private long bytesSinceMark;
    private long segmentBase;
    private volatile long appended;

    /** Framed records not yet handed to the operating system, and the sequence of the last; guarded by itself. */
    private final Object pendingLock = new Object();

    private ByteWriter pending = new ByteWriter(PENDING_INITIAL_BYTES);
    private long pendingLast;
    private int pendingRecords;

    private final ReentrantLock flushLock = new ReentrantLock();
    private final Condition flushed = flushLock.newCondition();
    private final Condition gathering = flushLock.newCondition();
    /** The current segment; replaced only while both the commit lock and the flush lock are held. */
    private volatile FileChannel channel;
    // writer state: guarded by flushLock
    private ByteWriter spare = new ByteWriter(PENDING_INITIAL_BYTES);
    private long writePosition;
    private boolean flushing;
    private long osWrites;
    private long recordsWritten;
    private long forces;
    /** The last sequence whose record is in the operating system; then, forced to the device. */
    private volatile long written;

    private volatile long durable;
    /** The write that failed, once one has: the log then refuses every append. */
    private volatile @Nullable IOException failure;

    private WriteAheadLog(
            Path dir,
            long nextSequence,
            SyncPolicy policy,
            Duration groupWait,
            long segmentBytes,
            BooleanSupplier writersWaiting) {
        this.dir = dir;
        this.policy = policy;
        this.groupWaitNanos = groupWait.toNanos();
        this.segmentBytes = segmentBytes;
        this.writersWaiting = writersWaiting;
        this.appended = nextSequence - 1;
        this.pendingLast = nextSequence - 1;
        this.written = nextSequence - 1;
        this.durable = nextSequence - 1;
        this.channel = createSegment(nextSequence);
    }

    /**
     * Opens a fresh segment whose first record will have this sequence number.
     *
     * @param writersWaiting whether writers are about to append (a group flush waits for them, and only for them)
     */
    public static WriteAheadLog open(
            Path dir,
            long nextSequence,
            SyncPolicy policy,
            Duration groupWait,
            long segmentBytes,
            BooleanSupplier writersWaiting) {
        return new WriteAheadLog(dir, nextSequence, policy, groupWait, segmentBytes, writersWaiting);
    }

    public SyncPolicy policy() {
        return policy;
    }

    /** Bytes appended since the last {@link #markSnapshot}: what a snapshot would let recovery skip. */
    long bytesSinceSnapshot() {
        return bytesSinceMark;
    }

    void markSnapshot() {
        bytesSinceMark = 0;
    }

    /** Counts log bytes that a snapshot would let recovery skip but that were written before this log was opened. */
    void addBytesSinceSnapshot(long bytes) {
        bytesSinceMark += bytes;
    }

    /** The sequence number the current segment's first record has, or will have. */
    long currentSegmentBase() {
        return segmentBase;
    }

    long lastAppended() {
        return appended;
    }

    /** How many system calls the log has made for how many records: the evidence that grouping groups. */
    public record Statistics(long recordsWritten, long osWrites, long forces) {}

    public Statistics statistics() {
        flushLock.lock();
        try {
            return new Statistics(recordsWritten, osWrites, forces);
        } finally {
            flushLock.unlock();
        }
    }

    /**
     * Appends one record to the pending buffer. Caller holds the engine's commit lock. A record that cannot be
     * framed leaves nothing behind; the record reaches the file with the next group write (see {@link #awaitDurable}).
     */
    public void append(long sequence, Consumer<ByteWriter> payload) {
        checkHealthy();
        ByteWriter w = scratch;
        w.reset();
        w.i32(Frames.MAGIC).i32(0).i32(0);
        payload.accept(w);
        int length = w.size() - Frames.HEADER_BYTES;
        if (length > Frames.MAX_PAYLOAD) {
            throw new IllegalArgumentException("log record of " + length + " bytes exceeds the maximum");
        }
        w.putI32At(4, length);
        w.putI32At(8, Frames.checksum(length, w.array(), Frames.HEADER_BYTES, length));
        int pendingBytes;
        synchronized (pendingLock) {
            pending.raw(w.array(), 0, w.size());
            pendingLast = sequence;
            pendingRecords++;
            pendingBytes = pending.size();
        }
        segmentLength += w.size();
        bytesSinceMark += w.size();
        appended = sequence;
        if (w.array().length > SCRATCH_KEEP_BYTES) {
            scratch = new ByteWriter(64 * 1024);
        }
        if (segmentLength >= segmentBytes) {
            roll(sequence + 1);
        } else if (pendingBytes >= PENDING_WRITE_OUT_BYTES) {
            writeToOperatingSystem();
        }
    }

    /**
     * Hands every pending record to the operating system now (readers of the log files then see them). A log that
     * failed earlier is left as it is.
     */
    void writeToOperatingSystem() {
        flushLock.lock();
        try {
            if (failure == null) {
                writeOut();
            }
        } finally {
            flushLock.unlock();
        }
    }

    /**
     * Writes the whole pending buffer at the end of the current segment with one positional write. Caller holds the
     * flush lock. On failure the segment is cut back to its last complete group (if it can be), nothing the buffer
     * held is acknowledged, and the log refuses every further append.
     */
    private void writeOut() {
        ByteWriter group;
        long last;
        int records;
        synchronized (pendingLock) {
            if (pending.size() == 0) {
                return;
            }
            group = pending;
            last = pendingLast;
            records = pendingRecords;
            pending = spare;
            pendingRecords = 0;
        }
        FileChannel ch = channel;
        ByteBuffer buf = ByteBuffer.wrap(group.array(), 0, group.size());
        long at = writePosition;
        try {
            while (buf.hasRemaining()) {
                at += ch.write(buf, at);
            }
        } catch (IOException e) {
            try {
                ch.truncate(writePosition);
            } catch (IOException truncateFailure) {
                e.addSuppressed(truncateFailure);
            }
            failure = e;
            throw new UncheckedIOException("cannot write the log: " + e.getMessage(), e);
        } finally {
            group.reset();
            spare = group.array().length > SCRATCH_KEEP_BYTES * 4 ? new ByteWriter(PENDING_INITIAL_BYTES) : group;
        }
        writePosition = at;
        osWrites++;
        recordsWritten += records;
        written = last;
    }

    /**
     * Moves to a new segment whose first record will have this sequence number, after writing out and forcing the
     * current one. Caller holds the commit lock.
     */
    void roll(long nextSequence) {
        checkHealthy();
        flushLock.lock();
        try {
            writeOut();
            FileChannel old = channel;
            try {
                old.force(false);
                forces++;
                old.close();
            } catch (IOException e) {
                failure = e;
                throw new UncheckedIOException("cannot flush the log: " + e.getMessage(), e);
            }
            durable = Math.max(durable, written);
            channel = createSegment(nextSequence);
            flushed.signalAll();
        } finally {
            flushLock.unlock();
        }
    }

    private FileChannel createSegment(long firstSequence) {
        Path path = SegmentFiles.segment(dir, firstSequence);
        try {
            FileChannel ch = FileChannel.open(
                    path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            ByteBuffer header = ByteBuffer.wrap(SegmentFiles.segmentHeader(firstSequence));
            long at = 0;
            while (header.hasRemaining()) {
                at += ch.write(header, at);
            }
            ch.force(true);
            SegmentFiles.syncDirectory(dir);
            writePosition = at;
            segmentLength = at;
            segmentBase = firstSequence;
            return ch;
        } catch (IOException e) {
            failure = e;
            throw new UncheckedIOException("cannot create log segment " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns once the record with this sequence number is acknowledged under the sync policy: written to the
     * operating system ({@link SyncPolicy#NONE}) or also forced to the device ({@link SyncPolicy#FSYNC},
     * {@link SyncPolicy#GROUP}). Whoever finds its record still pending writes out every pending record.
     */
    public void awaitDurable(long sequence) {
        if (acknowledged(sequence)) {
            return; // a leader's group already covered it: no lock, no wait
        }
        flushLock.lock();
        try {
            while (!acknowledged(sequence)) {
                checkHealthy();
                if (sequence > appended) {
                    // nothing could ever cover it: fail rather than flush in a loop under the lock
                    throw new IllegalStateException("log record " + sequence + " was never appended");
                }
                if (policy == SyncPolicy.NONE) {
                    writeOut();
                    continue;
                }
                if (flushing) {
                    flushed.awaitUninterruptibly();
                    continue;
                }
                flushing = true;
                try {
                    if (policy == SyncPolicy.GROUP) {
                        gather(sequence);
                    }
                    writeOut();
                    long target = written;
                    channel.force(false);
                    forces++;
                    durable = Math.max(durable, target);
                } catch (IOException e) {
                    failure = e;
                    throw new UncheckedIOException("cannot flush the log: " + e.getMessage(), e);
                } finally {
                    flushing = false;
                    flushed.signalAll();
                }
            }
        } finally {
            flushLock.unlock();
        }
    }

    private boolean acknowledged(long sequence) {
        return acknowledged() >= sequence;
    }

    /** The last sequence number acknowledged under the policy: in the operating system (NONE), else forced. */
    public long acknowledged() {
        return policy == SyncPolicy.NONE ? written : durable;
    }

    /**
     * Lets more writers append before the flush, as long as they keep coming, within the group-commit wait. A writer
     * that is alone flushes at once: waiting would only add to its latency.
     */
    private void gather(long own) {
        long seen = appended;
        if (seen == own && !writersWaiting.getAsBoolean()) {
            return;
        }
        long deadline = System.nanoTime() + groupWaitNanos;
        while (true) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return;
            }
            try {
                gathering.awaitNanos(Math.min(remaining, GATHER_SLICE_NANOS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = appended;
            if (now == seen && !writersWaiting.getAsBoolean()) {
                return;
            }
            seen = now;
        }
    }

    /** The current segment's channel: lets tests make the next write fail. */
    FileChannel currentChannel() {
        return channel;
    }

    private void checkHealthy() {
        IOException f = failure;
        if (f != null) {
            throw new UncheckedIOException(
                    "the write-ahead log failed earlier and accepts no more writes: " + f.getMessage(), f);
        }
    }

    /** Deletes every segment that holds only records up to this sequence number (covered by a snapshot). */
    void deleteSegmentsCoveredBy(long lastSequence) {
        var segments = SegmentFiles.segments(dir);
        for (int i = 0; i + 1 < segments.size(); i++) {
            if (segments.get(i + 1).sequence() <= lastSequence + 1) {
                try {
                    Files.deleteIfExists(segments.get(i).path());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        SegmentFiles.syncDirectory(dir);
    }

    @Override
    public void close() {
        flushLock.lock();
        try {
            FileChannel ch = channel;
            if (ch.isOpen()) {
                if (failure == null) {
                    writeOut();
                    ch.force(false);
                    forces++;
                    durable = written;
                }
                ch.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            flushLock.unlock();
        }
    }
}
