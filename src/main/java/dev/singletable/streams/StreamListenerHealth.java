package dev.singletable.streams;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code /actuator/health/streamListener}: UP with each shard's position and lag, and the dead letters parked so far;
 * DOWN when no round has completed within {@link ListenerSettings#stuckAfter()} (the listener is stuck or failing).
 */
class StreamListenerHealth implements HealthIndicator {

    private final StreamListener listener;
    private final DeadLetters deadLetters;
    private final Clock clock;

    StreamListenerHealth(StreamListener listener, DeadLetters deadLetters, Clock clock) {
        this.listener = listener;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Map<String, Object> shards = new LinkedHashMap<>();
        for (ShardState shard : listener.shards()) {
            shards.put(
                    shard.shardId(),
                    Map.of(
                            "finished",
                            shard.finished(),
                            "lagMillis",
                            shard.lagMillis(),
                            "lagRecords",
                            shard.lagRecords(),
                            "checkpoint",
                            shard.checkpoint() == null ? "" : shard.checkpoint()));
        }
        Health.Builder health = stuck() ? Health.down() : Health.up();
        health.withDetail("running", listener.isRunning())
                .withDetail("shards", shards)
                .withDetail("processed", listener.processed())
                .withDetail("retried", listener.retried())
                .withDetail("deadLettered", listener.deadLettered());
        try {
            health.withDetail(
                    "deadLetters",
                    deadLetters.list(20).stream()
                            .map(item -> Map.of("key", text(item, "SK"), "error", text(item, "error")))
                            .toList());
        } catch (RuntimeException e) {
            health.withDetail("deadLetters", "unavailable: " + e.getMessage());
        }
        if (listener.lastError() != null) {
            health.withDetail("lastError", String.valueOf(listener.lastError()));
        }
        return health.build();
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "" : value.s();
    }

    private boolean stuck() {
        if (!listener.isRunning() || listener.lastRound() == null) {
            return !listener.isRunning();
        }
        return Duration.between(listener.lastRound(), clock.instant())
                        .compareTo(listener.settings().stuckAfter())
                > 0;
    }
}
