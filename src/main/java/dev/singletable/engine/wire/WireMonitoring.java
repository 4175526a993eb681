package dev.singletable.engine.wire;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link WireServer} reports to its host: each operation it answered, and the text it serves at
 * {@value #METRICS_PATH}. The engine only observes; the host keeps and exports the figures (the service and the
 * standalone engine feed a Micrometer registry and serve its Prometheus text), so the engine depends on no metrics
 * library.
 *
 * @param observer    told of every operation request answered (a request naming an operation, whatever its answer);
 *                    null to observe nothing
 * @param metricsPage the Prometheus text exposition served to {@code GET} {@value #METRICS_PATH}; null: that path is
 *                    not served (404, as every other GET but the health check). It passes the same Host, Origin and
 *                    CORS checks as every request, and must carry no items (table names and figures only).
 */
public record WireMonitoring(
        @Nullable Observer observer, @Nullable Supplier<String> metricsPage) {

    /** Where {@link #metricsPage} is served: Prometheus's default {@code metrics_path}. */
    public static final String METRICS_PATH = "/metrics";

    /** The Prometheus text format's content type (exposition format 0.0.4). */
    static final String METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** Observes nothing, serves no metrics. */
    public static final WireMonitoring NONE = new WireMonitoring(null, null);

    /** Told of each operation the server answered. */
    @FunctionalInterface
    public interface Observer {

        /**
         * Called on the thread that handled the request, once it has its answer; must not block.
         *
         * @param operation the operation's name, e.g. {@code PutItem}
         * @param errorCode DynamoDB's error code of an error answer (e.g. {@code ResourceNotFoundException}), null
         *                  on success
         * @param status    the HTTP status of the answer
         * @param nanos     from the request's arrival at the protocol to its answer (the transport's time excluded)
         */
        void answered(String operation, @Nullable String errorCode, int status, long nanos);
    }
}
