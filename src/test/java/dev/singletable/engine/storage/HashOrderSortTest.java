package dev.singletable.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HashOrderSortTest {

    record Key(long hash, int rest) {}

    private static final Comparator<Key> ORDER = (a, b) -> {
        int c = Long.compareUnsigned(a.hash(), b.hash());
        return c != 0 ? c : Integer.compare(a.rest(), b.rest());
    };

    @Test
    void ordersLikeTheFullComparatorIncludingNegativeHashesAndTies() {
        Random random = new Random(7);
        long[] hashes = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0x8000_0000L, random.nextLong(), random.nextLong()};
        Key[] keys = new Key[5_000];
        for (int i = 0; i < keys.length; i++) {
            long hash = i % 3 == 0 ? hashes[random.nextInt(hashes.length)] : random.nextLong();
            keys[i] = new Key(hash, random.nextInt(50));
        }
        Key[] expected = keys.clone();
        Arrays.sort(expected, ORDER);
        HashOrderSort.sort(keys, Key::hash, ORDER);
        assertThat(keys).containsExactly(expected);
    }

    @Test
    void leavesTinyArraysAlone() {
        Key[] one = {new Key(5, 1)};
        HashOrderSort.sort(one, Key::hash, ORDER);
        assertThat(one).containsExactly(new Key(5, 1));
        HashOrderSort.sort(new Key[0], Key::hash, ORDER);
    }
}
