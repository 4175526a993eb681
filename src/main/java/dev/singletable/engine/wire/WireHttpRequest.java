package dev.singletable.engine.wire;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One complete HTTP request as received: line, headers and the raw (possibly compressed) body bytes. Requests
 * whose body exceeded the limit, or that could not be parsed as HTTP, arrive flagged instead of with a body.
 */
final class WireHttpRequest {

    /**
     * COMPLETE with its body; OVERSIZED: a body over the limit (413); MALFORMED: not HTTP we can follow (400);
     * HEADERS_TOO_LARGE (431) and LINE_TOO_LONG (414): beyond the header limit; UNAVAILABLE: the server's buffer
     * budget cannot take the body now (503).
     */
    enum Kind {
        COMPLETE,
        OVERSIZED,
        MALFORMED,
        HEADERS_TOO_LARGE,
        LINE_TOO_LONG,
        UNAVAILABLE
    }

    private final Kind kind;
    private final String method;
    private final String uri;
    private final HttpHeaders headers;
    private final byte[] body;
    private final int bodyLength;
    private final boolean keepAlive;
    /** Bytes of the server's buffer budget this request's body holds until {@link #release}; 0 when none. */
    private @Nullable BufferBudget budget;

    private long reserved;

    WireHttpRequest(
            Kind kind,
            String method,
            String uri,
            HttpHeaders headers,
            byte @Nullable [] body,
            int bodyLength,
            boolean keepAlive) {
        this.kind = kind;
        this.method = method;
        this.uri = uri;
        this.headers = headers;
        this.body = body == null ? WireResponse.EMPTY : body;
        this.bodyLength = body == null ? 0 : bodyLength;
        this.keepAlive = keepAlive;
    }

    Kind kind() {
        return kind;
    }

    String method() {
        return method;
    }

    /** The request target exactly as sent (path and query, still percent-encoded). */
    String uri() {
        return uri;
    }

    /** The path part of the request target, still percent-encoded. */
    String rawPath() {
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        return path.isEmpty() ? "/" : path;
    }

    /** The query part of the request target without the '?', or "" when there is none. */
    String rawQuery() {
        int query = uri.indexOf('?');
        return query < 0 ? "" : uri.substring(query + 1);
    }

    /** First value of a header (names are case-insensitive), or null. */
    String header(String name) {
        return headers.get(name);
    }

    List<String> headerValues(String name) {
        return headers.getAll(name);
    }

    /** The names of the headers present, as sent. */
    java.util.Set<String> headerNames() {
        return headers.names();
    }

    /** The body buffer; only the first {@link #bodyLength()} bytes are the body. */
    byte[] body() {
        return body;
    }

    int bodyLength() {
        return bodyLength;
    }

    boolean keepAlive() {
        return keepAlive;
    }

    /** Records the budget the body's buffer was reserved from, to give back once the request is answered. */
    WireHttpRequest holding(BufferBudget from, long bytes) {
        this.budget = from;
        this.reserved = bytes;
        return this;
    }

    /** Gives the body's share of the buffer budget back (once; later calls do nothing). */
    void release() {
        if (budget != null) {
            budget.release(reserved);
            budget = null;
            reserved = 0;
        }
    }
}
