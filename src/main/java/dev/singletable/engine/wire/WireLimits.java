package dev.singletable.engine.wire;

import java.time.Duration;

/**
 * What one client, or many, may take from a {@link WireServer}: connections, time and memory. Without them a few
 * thousand connections that send only the headers of a large POST, or trickle bytes, can exhaust the heap or the
 * file descriptors (issue #17, finding 4).
 *
 * @param maxConnections   connections served at once; one more is closed as soon as it is accepted
 * @param idleTimeout      a connection with no request in progress and nothing arriving is closed after this long
 * @param requestTimeout   the longest a request may take to arrive whole (line, headers, body), and a response to be
 *                         taken by the client; a slower connection is closed
 * @param maxBufferedBytes request bytes all connections together may hold in memory (bodies being received and
 *                         requests waiting for their turn); a request that would go beyond is answered 503
 *                         ServiceUnavailable, which the SDKs retry
 * @param maxHeaderBytes   the longest header block and request line (AWS's front end allows 16 KB); longer ones are
 *                         answered 431 and 414 and the connection is closed
 */
public record WireLimits(
        int maxConnections, Duration idleTimeout, Duration requestTimeout, long maxBufferedBytes, int maxHeaderBytes) {

    public static final int DEFAULT_MAX_CONNECTIONS = 1024;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;
    private static final long MAX_DEFAULT_BUFFERED_BYTES = 256L * 1024 * 1024;

    public WireLimits {
        if (maxConnections <= 0) {
            throw new IllegalArgumentException("maxConnections must be positive: " + maxConnections);
        }
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive: " + idleTimeout);
        }
        if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive: " + requestTimeout);
        }
        if (maxBufferedBytes <= 0) {
            throw new IllegalArgumentException("maxBufferedBytes must be positive: " + maxBufferedBytes);
        }
        if (maxHeaderBytes < 1024) {
            throw new IllegalArgumentException("maxHeaderBytes must be at least 1024: " + maxHeaderBytes);
        }
    }

    /**
     * 1024 connections, 60 s idle, 30 s per request, 16 KB of headers, and buffered request bytes up to a quarter of
     * the heap (at most 256 MB).
     */
    public static WireLimits defaults() {
        return new WireLimits(
                DEFAULT_MAX_CONNECTIONS,
                DEFAULT_IDLE_TIMEOUT,
                DEFAULT_REQUEST_TIMEOUT,
                defaultMaxBufferedBytes(),
                DEFAULT_MAX_HEADER_BYTES);
    }

    /** A quarter of the heap this JVM may grow to, at most 256 MB. */
    public static long defaultMaxBufferedBytes() {
        return Math.min(MAX_DEFAULT_BUFFERED_BYTES, Runtime.getRuntime().maxMemory() / 4);
    }

    WireLimits withMaxConnections(int n) {
        return new WireLimits(n, idleTimeout, requestTimeout, maxBufferedBytes, maxHeaderBytes);
    }

    WireLimits withIdleTimeout(Duration d) {
        return new WireLimits(maxConnections, d, requestTimeout, maxBufferedBytes, maxHeaderBytes);
    }

    WireLimits withRequestTimeout(Duration d) {
        return new WireLimits(maxConnections, idleTimeout, d, maxBufferedBytes, maxHeaderBytes);
    }

    WireLimits withMaxBufferedBytes(long bytes) {
        return new WireLimits(maxConnections, idleTimeout, requestTimeout, bytes, maxHeaderBytes);
    }

    WireLimits withMaxHeaderBytes(int bytes) {
        return new WireLimits(maxConnections, idleTimeout, requestTimeout, maxBufferedBytes, bytes);
    }
}
