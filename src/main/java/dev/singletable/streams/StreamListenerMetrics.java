package dev.singletable.streams;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Micrometer meters of the listener: counters {@code singletable.streams.records.processed|retried|dead.lettered} and
 * gauges {@code singletable.streams.lag.millis|records} (the largest over the shards being read).
 */
final class StreamListenerMetrics {

    private StreamListenerMetrics() {
    }

    public static void bind(StreamListener listener, MeterRegistry registry) {
        FunctionCounter.builder("singletable.streams.records.processed", listener, StreamListener::processed)
                .description("stream records handed to the projectors").register(registry);
        FunctionCounter.builder("singletable.streams.records.retried", listener, StreamListener::retried)
                .description("projector attempts that failed and were retried").register(registry);
        FunctionCounter.builder("singletable.streams.records.dead.lettered", listener, StreamListener::deadLettered)
                .description("records parked after the last attempt").register(registry);
        Gauge.builder("singletable.streams.lag.millis", listener,
                        l -> l.shards().stream().mapToLong(ShardState::lagMillis).max().orElse(0))
                .baseUnit("milliseconds").register(registry);
        Gauge.builder("singletable.streams.lag.records", listener,
                        l -> l.shards().stream().mapToLong(ShardState::lagRecords).max().orElse(0))
                .register(registry);
    }
}
