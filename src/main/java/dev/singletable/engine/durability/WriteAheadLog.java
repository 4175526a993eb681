package dev.singletable.engine.durability;

import dev.singletable.engine.EngineOptions.SyncPolicy;
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

/**
 * The append side of the write-ahead log. Records are appended by the one thread holding the engine's commit lock
 * (so no locking is needed to write); writers then wait in {@link #awaitDurable} after leaving that lock. The first
 * waiter becomes the flush leader: under the GROUP policy it lingers while other writers keep appending (at most
 * the group-commit wait), then one fsync covers every record appended so far and releases all of them together.
 * A segment is forced before the log moves to the next, so only the last segment can ever have a torn tail.
 */
public final class WriteAheadLog implements AutoCloseable {

    /** How long the group leader waits for the next writer before it decides the group is complete. */
    private static final long GATHER_SLICE_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    private static final int SCRATCH_KEEP_BYTES = 1024 * 1024;

    private final Path dir;
    private final SyncPolicy policy;
    private final long groupWaitNanos;
    private final long segmentBytes;
    private final BooleanSupplier writersWaiting;

    // appender state: touched only under the engine's commit lock (and by roll, which holds it too)
    private ByteWriter scratch = new ByteWriter(64 * 1024);
    private long position;
    private long bytesSinceMark;
    private long segmentBase;

    private final ReentrantLock flushLock = new ReentrantLock();
    private final Condition flushed = flushLock.newCondition();
    private final Condition gathering = flushLock.newCondition();
    /** The current segment; replaced only while both the commit lock and the flush lock are held. */
    private volatile FileChannel channel;
    private volatile long appended;
    private long durable;          // guarded by flushLock
    private boolean flushing;      // guarded by flushLock
    private volatile IOException failure;

    private WriteAheadLog(Path dir, SyncPolicy policy, Duration groupWait, long segmentBytes,
            BooleanSupplier writersWaiting) {
        this.dir = dir;
        this.policy = policy;
        this.groupWaitNanos = groupWait.toNanos();
        this.segmentBytes = segmentBytes;
        this.writersWaiting = writersWaiting;
    }

    /**
     * Opens a fresh segment whose first record will have this sequence number.
     *
     * @param writersWaiting whether writers are about to append (a group flush waits for them, and only for them)
     */
    public static WriteAheadLog open(Path dir, long nextSequence, SyncPolicy policy, Duration groupWait,
            long segmentBytes, BooleanSupplier writersWaiting) {
        WriteAheadLog log = new WriteAheadLog(dir, policy, groupWait, segmentBytes, writersWaiting);
        log.appended = nextSequence - 1;
        log.durable = nextSequence - 1;
        log.channel = log.createSegment(nextSequence);
        return log;
    }

    public SyncPolicy policy() {
        return policy;
    }

    /** Bytes appended since the last {@link #markSnapshot}: what a snapshot would let recovery skip. */
    public long bytesSinceSnapshot() {
        return bytesSinceMark;
    }

    public void markSnapshot() {
        bytesSinceMark = 0;
    }

    /** Counts log bytes that a snapshot would let recovery skip but that were written before this log was opened. */
    public void addBytesSinceSnapshot(long bytes) {
        bytesSinceMark += bytes;
    }

    /** The sequence number the current segment's first record has, or will have. */
    public long currentSegmentBase() {
        return segmentBase;
    }

    public long lastAppended() {
        return appended;
    }

    /**
     * Appends one record. Caller holds the engine's commit lock. On failure nothing of the record stays in the file
     * (it is cut off again), so the log never carries a broken record in its middle.
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
        FileChannel ch = channel;
        try {
            ByteBuffer buf = ByteBuffer.wrap(w.array(), 0, w.size());
            long at = position;
            try {
                while (buf.hasRemaining()) {
                    at += ch.write(buf, at);
                }
            } catch (IOException e) {
                cutBack(ch, e);
                throw new UncheckedIOException("cannot write the log: " + e.getMessage(), e);
            }
            position = at;
            bytesSinceMark += w.size();
            appended = sequence;
        } finally {
            if (w.array().length > SCRATCH_KEEP_BYTES) {
                scratch = new ByteWriter(64 * 1024);
            }
        }
        if (position >= segmentBytes) {
            roll(sequence + 1);
        }
    }

    private void cutBack(FileChannel ch, IOException cause) {
        try {
            ch.truncate(position);
        } catch (IOException e) {
            cause.addSuppressed(e);
            failure = cause;   // a half-written record we cannot remove: refuse every further write
        }
    }

    /**
     * Moves to a new segment whose first record will have this sequence number, after forcing the current one.
     * Caller holds the commit lock.
     */
    public void roll(long nextSequence) {
        checkHealthy();
        flushLock.lock();
        try {
            FileChannel old = channel;
            try {
                old.force(false);
                old.close();
            } catch (IOException e) {
                failure = e;
                throw new UncheckedIOException("cannot flush the log: " + e.getMessage(), e);
            }
            durable = Math.max(durable, appended);
            channel = createSegment(nextSequence);
            flushed.signalAll();
        } finally {
            flushLock.unlock();
        }
    }

    private FileChannel createSegment(long firstSequence) {
        Path path = SegmentFiles.segment(dir, firstSequence);
        try {
            FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            ByteBuffer header = ByteBuffer.wrap(SegmentFiles.segmentHeader(firstSequence));
            long at = 0;
            while (header.hasRemaining()) {
                at += ch.write(header, at);
            }
            ch.force(true);
            SegmentFiles.syncDirectory(dir);
            position = at;
            segmentBase = firstSequence;
            return ch;
        } catch (IOException e) {
            failure = e;
            throw new UncheckedIOException("cannot create log segment " + path + ": " + e.getMessage(), e);
        }
    }

    /** Returns once the record with this sequence number is durable under the sync policy. */
    public void awaitDurable(long sequence) {
        if (policy == SyncPolicy.NONE) {
            return;
        }
        flushLock.lock();
        try {
            while (durable < sequence) {
                checkHealthy();
                if (flushing) {
                    flushed.awaitUninterruptibly();
                    continue;
                }
                flushing = true;
                try {
                    if (policy == SyncPolicy.GROUP) {
                        gather(sequence);
                    }
                    long target = appended;
                    channel.force(false);
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

    private void checkHealthy() {
        IOException f = failure;
        if (f != null) {
            throw new UncheckedIOException("the write-ahead log failed earlier and accepts no more writes: "
                    + f.getMessage(), f);
        }
    }

    /** Deletes every segment that holds only records up to this sequence number (covered by a snapshot). */
    public void deleteSegmentsCoveredBy(long lastSequence) {
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
                    ch.force(false);
                    durable = appended;
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
