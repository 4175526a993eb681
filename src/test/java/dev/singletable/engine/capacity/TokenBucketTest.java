package dev.singletable.engine.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aNewBucketIsFullAndRefillsAtItsRateUpToItsCapacity() {
        TokenBucket b = new TokenBucket(5, 1500);
        long t = 42 * SECOND;
        assertThat(b.balance(t)).isEqualTo(1500);
        b.take(1500, t);
        assertThat(b.holds(1, t)).isFalse();
        assertThat(b.balance(t + SECOND)).isEqualTo(5);
        assertThat(b.balance(t + 1000 * SECOND)).isEqualTo(1500);
        assertThat(b.full(t + 300 * SECOND)).isTrue();
    }

    @Test
    void fractionalUnitsAddUpWithoutLosingTheLastOne() {
        TokenBucket b = new TokenBucket(3000, 3000);
        for (int i = 0; i < 2999; i++) {
            b.take(1, 0);
        }
        assertThat(b.holds(1, 0)).isTrue();
        TokenBucket halves = new TokenBucket(1, 300);
        for (int i = 0; i < 599; i++) {
            halves.take(0.5, 0);
        }
        assertThat(halves.holds(0.5, 0)).isTrue();
        halves.take(0.5, 0);
        assertThat(halves.holds(0.5, 0)).isFalse();
    }

    @Test
    void aLargeTakeLeavesADebtThatTheRefillRepays() {
        TokenBucket b = new TokenBucket(5, 1500);
        b.take(1510, 0);
        assertThat(b.balance(0)).isEqualTo(-10);
        assertThat(b.holds(1, SECOND)).isFalse();
        assertThat(b.holds(1, 3 * SECOND)).isTrue();
    }

    @Test
    void resizingKeepsTheBalanceCappedAtTheNewCapacity() {
        TokenBucket b = new TokenBucket(100, 30_000);
        b.take(29_000, 0);
        b.resize(1, 300, 0);
        assertThat(b.balance(0)).isEqualTo(300);
        b.take(300, 0);
        b.resize(10, 3000, 0);
        assertThat(b.balance(SECOND)).isEqualTo(10);
    }
}
