package dev.singletable.engine.wire;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Applies {@link BrowserAccess} to each request, before anything else looks at it.
 *
 * <ul>
 *   <li><b>Host</b>: a name with a dot that is not configured is refused. DNS rebinding needs the browser to resolve
 *       a name the attacker controls, and such a name always has a dot; IP addresses, single-label names
 *       ({@code localhost}, a compose service such as {@code engine}, a machine name) and {@code *.localhost}
 *       cannot be rebound by a web page. A request without Host (HTTP/1.0) comes from no browser.</li>
 *   <li><b>Origin</b>: browsers send it with every cross-origin request and with same-origin POSTs. A request from
 *       an origin that is neither allowed by CORS nor the port's own is refused outright, so not even a "simple"
 *       cross-origin request (one a browser sends without asking first) reaches an operation.</li>
 *   <li><b>CORS</b>: an allowed origin gets DynamoDB Local's headers [1] (the origin echoed, or {@code *} when
 *       any origin is allowed); a preflight from any other origin is refused, so the browser never sends the request.</li>
 * </ul>
 * A refusal is 403 {@code AccessDeniedException} with a message naming the setting: AWS has no such check (its
 * endpoints are reached only under their own names), so the closest AWS answer to "not for you" is used [2].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DynamoDBLocal.UsageNotes.html">DynamoDB local usage notes</a> ({@code -cors})<br>
 * [2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/CommonErrors.html">Common Errors</a>
 */
final class BrowserGuard {

    private final BrowserAccess access;
    private final String bindAddress;
    /**
     * The last Host header let through, as sent. A client names the same host on every request, and whether a
     * header passes depends on that header and this guard's fixed settings only, so a repeat is let through without
     * taking it apart again (parsing it was ~2 % of the wire server's CPU on a small GetItem).
     */
    private volatile @Nullable String lastAllowedHost;

    BrowserGuard(BrowserAccess access, String bindAddress) {
        this.access = access;
        this.bindAddress = bindAddress == null ? "" : bindAddress.toLowerCase(Locale.ROOT);
    }

    /** The refusal for a request no browser page may make, or null when it may go on. */
    @Nullable
    WireResponse refusal(WireHttpRequest request) {
        String host = request.header("Host");
        if (host != null && !host.equals(lastAllowedHost)) {
            if (!hostAllowed(hostName(host))) {
                return refuse(
                        "Host '" + host + "' is not served by this engine: add it to "
                                + "singletable.engine.allowed-hosts to use that name (a guard against DNS rebinding)",
                        request);
            }
            lastAllowedHost = host;
        }
        String origin = request.header("Origin");
        if (origin != null && !originAllowed(origin) && !sameOrigin(origin, host)) {
            return refuse(
                    "Origin '" + origin + "' may not call this engine: allow it with -cors or "
                            + "singletable.engine.cors.allowed-origins",
                    request);
        }
        return null;
    }

    /** The response headers a browser script may read (CORS), AWS's own among them. */
    static final String EXPOSED_HEADERS = "x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,x-amz-crc32,Date";

    /** The CORS headers of an allowed cross-origin request's response. */
    void allow(WireHttpRequest request, WireResponse response) {
        String origin = request.header("Origin");
        if (origin == null || !originAllowed(origin)) {
            return;
        }
        if (access.anyOrigin()) {
            response.header("Access-Control-Allow-Origin", "*");
        } else {
            response.header("Access-Control-Allow-Origin", origin);
            response.header("Vary", "Origin");
        }
        // scripts may read AWS's own headers (ScyllaDB's test_cors.py records that AWS exposes them)
        response.header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    }

    private boolean originAllowed(String origin) {
        String normalised = origin.strip().toLowerCase(Locale.ROOT);
        return access.anyOrigin() || access.corsOrigins().contains(normalised);
    }

    /** A page served under the very host and port it calls: only a rebound name could be that, and Host guards it. */
    private static boolean sameOrigin(String origin, String host) {
        if (host == null) {
            return false;
        }
        String lower = origin.strip().toLowerCase(Locale.ROOT);
        return lower.equals("http://" + host.strip().toLowerCase(Locale.ROOT));
    }

    private boolean hostAllowed(String name) {
        if (access.anyHost() || name.isEmpty() || isIpLiteral(name) || name.indexOf('.') < 0) {
            return true;
        }
        return name.endsWith(".localhost")
                || name.equals("localhost.")
                || name.equals(bindAddress)
                || access.allowedHosts().contains(name);
    }

    /** The host part of a Host header, lower case: {@code [::1]:8000} is {@code ::1}, {@code a.b:80} is {@code a.b}. */
    static String hostName(String header) {
        String value = header.strip().toLowerCase(Locale.ROOT);
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end < 0 ? value : value.substring(1, end);
        }
        int colon = value.lastIndexOf(':');
        return colon < 0 ? value : value.substring(0, colon);
    }

    /** An IPv4 dotted quad, or an IPv6 address (the only Host value with a ':' once the port is removed). */
    static boolean isIpLiteral(String name) {
        if (name.indexOf(':') >= 0) {
            return true;
        }
        String[] parts = name.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty()
                    || part.length() > 3
                    || !part.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static WireResponse refuse(String message, WireHttpRequest request) {
        String type = request.header("Content-Type");
        String contentType = type != null && type.toLowerCase(Locale.ROOT).startsWith(WireProtocol.JSON)
                ? WireProtocol.JSON
                : WireResponse.AMZ_JSON;
        return WireErrors.of("AccessDeniedException", message, 403, contentType);
    }
}
