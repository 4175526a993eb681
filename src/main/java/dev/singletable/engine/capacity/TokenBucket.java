package dev.singletable.engine.capacity;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket refilled at {@code rate} units per second and holding at most {@code capacity} units, kept lock-free
 * in one number: the instant (nanoseconds) at which the bucket would be full again. The balance at time t is
 * {@code capacity - rate * (fullAt - t)}, or the full capacity once t has passed {@code fullAt}. Taking units moves
 * {@code fullAt} later; it may move beyond {@code capacity / rate}, which is a debt: DynamoDB debits what a request
 * actually consumed after it ran, so a large request can overdraw the bucket and later requests wait for the refill.
 * A new bucket is full.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1e9;
    /** Refill times are whole nanoseconds; this absorbs their rounding so a bucket's last unit is never lost. */
    private static final double ROUNDING = 1e-6;

    private final AtomicLong fullAt = new AtomicLong(Long.MIN_VALUE);
    private volatile double rate;
    private volatile double capacity;

    TokenBucket(double rate, double capacity) {
        this.rate = rate;
        this.capacity = capacity;
    }

    double balance(long nowNanos) {
        long full = fullAt.get();
        return full <= nowNanos ? capacity : capacity - rate * ((full - nowNanos) / NANOS_PER_SECOND);
    }

    boolean holds(double units, long nowNanos) {
        return balance(nowNanos) + ROUNDING >= units;
    }

    /** Whether the bucket is full, so dropping it loses nothing (a new one starts full). */
    boolean full(long nowNanos) {
        return fullAt.get() <= nowNanos;
    }

    void take(double units, long nowNanos) {
        if (units <= 0) {
            return;
        }
        long refill = Math.round(units / rate * NANOS_PER_SECOND);
        long prev;
        long next;
        do {
            prev = fullAt.get();
            next = Math.max(prev, nowNanos) + refill;
        } while (!fullAt.compareAndSet(prev, next));
    }

    /** A new rate and capacity (UpdateTable); the balance carries over, capped at the new capacity. */
    synchronized void resize(double newRate, double newCapacity, long nowNanos) {
        double balance = Math.min(balance(nowNanos), newCapacity);
        rate = newRate;
        capacity = newCapacity;
        fullAt.set(nowNanos + Math.round((newCapacity - balance) / newRate * NANOS_PER_SECOND));
    }

    double rate() {
        return rate;
    }
}
