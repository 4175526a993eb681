package dev.singletable.table;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The engine's wire port as Micrometer meters: the timer {@code singletable.engine.requests} (a histogram, so a p99
 * can be computed in Prometheus), one series per operation and answer, tagged {@code operation} (PutItem, Query, …),
 * {@code outcome} ({@code success}, {@code client_error}: a 4xx, {@code server_error}: a 5xx) and {@code error}
 * (DynamoDB's error code, e.g. {@code ConditionalCheckFailedException} or
 * {@code ProvisionedThroughputExceededException}; {@code none} on success). Errors per type and throttled requests
 * are therefore its {@code _count} series by {@code error}. {@link EngineConfiguration} feeds it from the wire server.
 */
final class EngineRequestMeters {

    static final String NAME = "singletable.engine.requests";
    /** Engine answers take microseconds to milliseconds: the same SLO buckets as the service's store calls. */
    private static final Duration[] SLO = {
        Duration.ofMillis(1),
        Duration.ofMillis(2),
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100)
    };

    private final MeterRegistry registry;
    /** Registering looks the meter up by name and tags; a request only needs a map look-up. */
    private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();

    EngineRequestMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(String operation, @Nullable String errorCode, int status, long nanos) {
        String error = errorCode == null ? "none" : errorCode;
        String outcome = errorCode == null ? "success" : status >= 500 ? "server_error" : "client_error";
        timers.computeIfAbsent(operation + ' ' + error + ' ' + outcome, key -> Timer.builder(NAME)
                        .description("operations the engine's DynamoDB port answered, by operation and error")
                        .tags("operation", operation, "outcome", outcome, "error", error)
                        .publishPercentileHistogram()
                        .serviceLevelObjectives(SLO)
                        .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }
}
