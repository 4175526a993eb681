package dev.singletable.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polling for the effects of the asynchronous stream listener, with a bound: no fixed sleeps. */
public final class Eventually {

    public static final Duration BOUND = Duration.ofSeconds(15);
    private static final long POLL_MILLIS = 50;

    private Eventually() {}

    /** Reads until the value satisfies the condition and returns it; fails after {@link #BOUND} with the last value. */
    public static <T> T until(Supplier<T> read, Predicate<T> done) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        T last = null;
        while (true) {
            last = read.get();
            if (last != null && done.test(last)) {
                return last;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + BOUND + "; last: " + last);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
