package dev.singletable.streams;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Micrometer meters of the listener: counters {@code singletable.streams.records.processed|retried|dead.lettered} and
 * gauges {@code singletable.streams.lag} (seconds) and {@code singletable.streams.lag.records} (the largest over the
 * shards being read); in Prometheus {@code singletable_streams_lag_seconds} and {@code singletable_streams_lag_records}.
 */
final class StreamListenerMetrics {

    private StreamListenerMetrics() {}

    public static void bind(StreamListener listener, MeterRegistry registry) {
        FunctionCounter.builder("singletable.streams.records.processed", listener, StreamListener::processed)
                .description("stream records handed to the projectors")
                .register(registry);
        FunctionCounter.builder("singletable.streams.records.retried", listener, StreamListener::retried)
                .description("projector attempts that failed and were retried")
                .register(registry);
        FunctionCounter.builder("singletable.streams.records.dead.lettered", listener, StreamListener::deadLettered)
                .description("records parked after the last attempt")
                .register(registry);
        // seconds, the base unit Prometheus names carry (singletable_streams_lag_seconds); the health details keep ms
        Gauge.builder(
                        "singletable.streams.lag",
                        listener,
                        l -> l.shards().stream()
                                        .mapToLong(ShardState::lagMillis)
                                        .max()
                                        .orElse(0)
                                / 1000.0)
                .baseUnit("seconds")
                .description("age of the newest record the listener read last, the largest over the shards being read")
                .register(registry);
        Gauge.builder("singletable.streams.lag.records", listener, l -> l.shards().stream()
                        .mapToLong(ShardState::lagRecords)
                        .max()
                        .orElse(0))
                .description("records in the last batch read, the largest over the shards being read")
                .register(registry);
    }
}
