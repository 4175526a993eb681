package dev.singletable.streams;

import java.time.Duration;

/**
 * How the listener polls and retries.
 *
 * @param idleDelay     first pause after a round that found no records; doubles up to {@code maxIdleDelay}
 * @param maxAttempts   attempts per record and projector before the record is dead-lettered
 * @param retryDelay    first pause between attempts; doubles per attempt
 * @param leaseDuration how long a lease protects a shard without renewal
 * @param stuckAfter    health turns DOWN when a round has not completed for this long
 */
record ListenerSettings(
        Duration idleDelay,
        Duration maxIdleDelay,
        int maxAttempts,
        Duration retryDelay,
        Duration leaseDuration,
        Duration stuckAfter) {

    public static ListenerSettings defaults() {
        return new ListenerSettings(
                Duration.ofMillis(50),
                Duration.ofSeconds(1),
                5,
                Duration.ofMillis(20),
                Duration.ofSeconds(30),
                Duration.ofSeconds(60));
    }
}
