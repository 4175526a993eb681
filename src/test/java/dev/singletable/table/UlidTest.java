package dev.singletable.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class UlidTest {

    @Test
    void encodesTheSpecsExample() {
        // the spec's example: ulid(1469918176385) starts 01ARYZ6S41
        byte[] zeros = new byte[10];
        assertThat(Ulid.encode(1469918176385L, zeros)).isEqualTo("01ARYZ6S41" + "0".repeat(16));
        byte[] ones = new byte[10];
        java.util.Arrays.fill(ones, (byte) 0xFF);
        assertThat(Ulid.encode(0, ones)).isEqualTo("0".repeat(10) + "Z".repeat(16));
        assertThat(Ulid.encode((1L << 48) - 1, zeros)).startsWith("7ZZZZZZZZZ");
    }

    @Test
    void idsSortInCreationOrderEvenWithinOneMillisecond() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(Ulid.next());
        }
        assertThat(ids).isSorted().doesNotHaveDuplicates().allMatch(Ulid::isValid);
    }

    /** Threads making ids at once: every id distinct, and each thread's ids in the order it made them. */
    @Test
    void idsMadeConcurrentlyAreDistinctAndOrderedPerThread() throws Exception {
        List<List<String>> made = madeConcurrently(4, 5_000, Ulid::next);
        List<String> all = new ArrayList<>();
        for (List<String> ids : made) {
            assertThat(ids).hasSize(5_000).isSorted();
            all.addAll(ids);
        }
        assertThat(all).doesNotHaveDuplicates();
    }

    /**
     * The random part comes from chunks of the generator's output drawn ahead (issue 21): threads taking random bytes
     * at once, across many chunks, never get the same slice.
     */
    @Test
    void randomBytesTakenConcurrentlyAreNeverShared() throws Exception {
        int threads = 4;
        List<List<String>> taken =
                madeConcurrently(threads, 20_000, () -> java.util.HexFormat.of().formatHex(Ulid.randomBytes()));
        List<String> all = new ArrayList<>();
        taken.forEach(all::addAll);
        assertThat(all).hasSize(threads * 20_000).doesNotHaveDuplicates().allMatch(hex -> hex.length() == 20);
    }

    /** {@code each} values made by each of {@code threads} threads at once: one list per thread, in its order. */
    private static List<List<String>> madeConcurrently(int threads, int each, Supplier<String> make)
            throws InterruptedException {
        List<List<String>> made = new ArrayList<>();
        List<Thread> makers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<String> values = new ArrayList<>();
            made.add(values);
            makers.add(new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    values.add(make.get());
                }
            }));
        }
        makers.forEach(Thread::start);
        for (Thread maker : makers) {
            maker.join(30_000);
        }
        return made;
    }

    @Test
    void theTimestampIsReadBack() {
        Instant before = Instant.ofEpochMilli(System.currentTimeMillis());
        String id = Ulid.next();
        assertThat(Ulid.timestamp(id)).isBetween(before, Instant.now().plusMillis(1));
    }

    @Test
    void validityIsCanonicalUpperCaseCrockford() {
        assertThat(Ulid.isValid("01ARZ3NDEKTSV4RRFFQ69G5FAV")).isTrue();
        assertThat(Ulid.isValid("01arz3ndektsv4rrffq69g5fav")).isFalse();
        assertThat(Ulid.isValid("01ARZ3NDEKTSV4RRFFQ69G5FAI")).isFalse(); // I is not in the alphabet
        assertThat(Ulid.isValid("81ARZ3NDEKTSV4RRFFQ69G5FAV")).isFalse(); // beyond 48 bits
        assertThat(Ulid.isValid("01ARZ3NDEK")).isFalse();
        assertThat(Ulid.isValid(null)).isFalse();
        assertThatThrownBy(() -> Ulid.timestamp("nope")).isInstanceOf(IllegalArgumentException.class);
    }
}
