package dev.singletable.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.singletable.engine.core.EngineOptions.SyncPolicy;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The grouped write path of the log on its own: writers append under a stand-in for the engine's commit lock and
 * wait after it, as the engine does. Whatever was acknowledged must be read back, in order, from the files.
 */
class WriteAheadLogTest {

    private static final int THREADS = 6;
    private static final int WRITES_PER_THREAD = 400;

    @TempDir
    Path dir;

    private final ReentrantLock commitLock = new ReentrantLock();
    private long sequence;

    private WriteAheadLog open(SyncPolicy policy, long segmentBytes) {
        return WriteAheadLog.open(dir, 1, policy, Duration.ofMillis(1), segmentBytes, commitLock::hasQueuedThreads);
    }

    /** Appends one record under the commit lock, as {@code Engine.commit} does; returns its sequence number. */
    private long append(WriteAheadLog log, String text) {
        commitLock.lock();
        try {
            long seq = sequence + 1;
            log.append(seq, w -> LogRecordCodec.extension(w, seq, 0, 7, text.getBytes(StandardCharsets.UTF_8)));
            sequence = seq;
            return seq;
        } finally {
            commitLock.unlock();
        }
    }

    private List<String> readBack() {
        List<String> texts = new ArrayList<>();
        LogReader.read(
                dir, 0, r -> texts.add(new String(((LogRecord.Extension) r).payload(), StandardCharsets.UTF_8)), false);
        return texts;
    }

    @ParameterizedTest
    @EnumSource(SyncPolicy.class)
    void everyAcknowledgedRecordIsInTheFilesInOrderAcrossSegments(SyncPolicy policy) throws Exception {
        WriteAheadLog log = open(policy, 16 * 1024);
        ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            threads.add(new Thread(() -> {
                for (int i = 0; i < WRITES_PER_THREAD; i++) {
                    long seq = append(log, "t" + thread + "-" + i + "-" + "x".repeat(100));
                    log.awaitDurable(seq);
                    acknowledged.add(seq);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        WriteAheadLog.Statistics stats = log.statistics();
        // read while the log is still open: acknowledged means in the files, not "in the files after close"
        List<String> texts = readBack();
        assertThat(acknowledged).hasSize(THREADS * WRITES_PER_THREAD);
        assertThat(texts).hasSize(THREADS * WRITES_PER_THREAD);
        for (int t = 0; t < THREADS; t++) {
            String prefix = "t" + t + "-";
            List<String> own = texts.stream().filter(s -> s.startsWith(prefix)).toList();
            for (int i = 0; i < WRITES_PER_THREAD; i++) {
                assertThat(own.get(i)).startsWith(prefix + i + "-"); // each writer's records in its order
            }
        }
        assertThat(SegmentFiles.segments(dir)).hasSizeGreaterThan(3);
        assertThat(stats.recordsWritten()).isEqualTo(THREADS * WRITES_PER_THREAD);
        assertThat(stats.osWrites()).isBetween(1L, stats.recordsWritten());
        if (policy == SyncPolicy.NONE) {
            assertThat(stats.forces()).as("only finished segments are forced").isLessThan(stats.osWrites());
        }
        log.close();
    }

    @ParameterizedTest
    @EnumSource(SyncPolicy.class)
    void oneWriteCoversEveryRecordAppendedBeforeIt(SyncPolicy policy) {
        WriteAheadLog log = open(policy, 1024 * 1024);
        long first = append(log, "a");
        append(log, "b");
        long last = append(log, "c");
        assertThat(readBack()).as("nothing reaches the file at append").isEmpty();

        log.awaitDurable(first);

        assertThat(readBack()).containsExactly("a", "b", "c");
        assertThat(log.statistics().osWrites()).isEqualTo(1);
        log.awaitDurable(last); // already covered: no further write
        assertThat(log.statistics().osWrites()).isEqualTo(1);
        log.close();
    }

    @ParameterizedTest
    @EnumSource(SyncPolicy.class)
    void pendingRecordsCanBeWrittenOutForReadersOfTheFiles(SyncPolicy policy) {
        WriteAheadLog log = open(policy, 1024 * 1024);
        append(log, "a");

        log.writeToOperatingSystem();

        assertThat(readBack()).containsExactly("a");
        log.close();
    }

    @ParameterizedTest
    @EnumSource(SyncPolicy.class)
    void aFailedWriteAcknowledgesNothingAndRefusesLaterWrites(SyncPolicy policy) throws Exception {
        WriteAheadLog log = open(policy, 1024 * 1024);
        long kept = append(log, "kept");
        log.awaitDurable(kept);
        long lost = append(log, "lost");
        log.currentChannel().close(); // the next write of the log fails

        assertThatThrownBy(() -> log.awaitDurable(lost)).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> log.awaitDurable(lost))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("failed earlier");
        assertThatThrownBy(() -> append(log, "refused"))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("accepts no more writes");
        log.awaitDurable(kept); // what was acknowledged before stays acknowledged
        assertThat(readBack()).containsExactly("kept");
        log.close();
    }
}
