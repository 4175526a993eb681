package dev.singletable.engine.storage;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;

/**
 * Sorts entries whose order begins with an unsigned 64-bit hash (table and index keys: partitions in hash order).
 * A comparison sort of a million keys spends most of its time chasing pointers from entry to key to value to bytes
 * for comparisons the hash alone decides. Here a radix sort on the hashes (primitive arrays, four passes) puts the
 * entries in hash order, and only runs that share a hash (one partition's items) are sorted with the full
 * comparator; those runs are small and independent, so they are sorted on all cores.
 */
final class HashOrderSort {

    private static final int BITS = 16;
    private static final int BUCKETS = 1 << BITS;

    private HashOrderSort() {}

    /** Sorts {@code entries} in place into the comparator's order, which must begin with the unsigned hash. */
    static <T> void sort(T[] entries, ToLongFunction<T> hashOf, Comparator<? super T> order) {
        int n = entries.length;
        if (n < 2) {
            return;
        }
        long[] hashes = new long[n];
        int[] at = new int[n];
        for (int i = 0; i < n; i++) {
            hashes[i] = hashOf.applyAsLong(entries[i]);
            at[i] = i;
        }
        long[] hashesOut = new long[n];
        int[] atOut = new int[n];
        int[] counts = new int[BUCKETS];
        for (int shift = 0; shift < 64; shift += BITS) {
            Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                counts[digit(hashes[i], shift)]++;
            }
            int sum = 0;
            for (int b = 0; b < BUCKETS; b++) {
                int c = counts[b];
                counts[b] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                int to = counts[digit(hashes[i], shift)]++;
                hashesOut[to] = hashes[i];
                atOut[to] = at[i];
            }
            long[] h = hashes;
            hashes = hashesOut;
            hashesOut = h;
            int[] a = at;
            at = atOut;
            atOut = a;
        }
        Object[] copy = entries.clone();
        for (int i = 0; i < n; i++) {
            @SuppressWarnings("unchecked")
            T e = (T) copy[at[i]];
            entries[i] = e;
        }
        // runs of equal hash: [runStart[k], runStart[k + 1])
        int[] runStart = new int[n + 1];
        int runs = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || hashes[i] != hashes[i - 1]) {
                runStart[runs++] = i;
            }
        }
        runStart[runs] = n;
        int[] starts = runStart;
        IntStream.range(0, runs).parallel().forEach(k -> {
            if (starts[k + 1] - starts[k] > 1) {
                Arrays.sort(entries, starts[k], starts[k + 1], order);
            }
        });
    }

    private static int digit(long hash, int shift) {
        // unsigned order: digits taken as unsigned, least significant first
        return (int) (hash >>> shift) & (BUCKETS - 1);
    }
}
