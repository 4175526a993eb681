package dev.singletable.engine.wire;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a web browser may do with the wire port. A DynamoDB port on a developer's machine holds real data (the
 * service's users, their e-mail addresses and password hashes), so no web page the developer happens to visit may read
 * it: not through CORS, and not through DNS rebinding (a page whose own host name is re-pointed at 127.0.0.1, so that
 * its requests are same-origin to the browser).
 *
 * @param corsOrigins  origins (scheme://host[:port]) whose pages may call the port, answered with CORS headers;
 *                     {@code *} allows any, as AWS and DynamoDB Local do; empty (the default) allows none
 * @param allowedHosts host names accepted in the Host header besides those that cannot be rebound (IP addresses,
 *                     names without a dot such as {@code localhost} or a compose service's name, {@code *.localhost}
 *                     and the bind address); {@code *} accepts any
 */
public record BrowserAccess(Set<String> corsOrigins, Set<String> allowedHosts) {

    public static final String ANY = "*";

    public BrowserAccess {
        corsOrigins = normalise(corsOrigins);
        allowedHosts = normalise(allowedHosts);
    }

    /** No CORS, and only Host names that cannot be rebound. */
    public static BrowserAccess defaults() {
        return new BrowserAccess(Set.of(), Set.of());
    }

    /** What AWS itself does (any origin, any host name): for a port that is reached only through a gateway. */
    public static BrowserAccess open() {
        return new BrowserAccess(Set.of(ANY), Set.of(ANY));
    }

    public BrowserAccess withCorsOrigins(Collection<String> origins) {
        return new BrowserAccess(Set.copyOf(origins), allowedHosts);
    }

    public BrowserAccess withAllowedHosts(Collection<String> hosts) {
        return new BrowserAccess(corsOrigins, Set.copyOf(hosts));
    }

    boolean anyOrigin() {
        return corsOrigins.contains(ANY);
    }

    boolean anyHost() {
        return allowedHosts.contains(ANY);
    }

    /** Origins and host names compare case-insensitively; a trailing slash on an origin is not part of it. */
    private static Set<String> normalise(Collection<String> values) {
        if (values == null) {
            return Set.of();
        }
        return values.stream()
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .map(value -> value.endsWith("/") ? value.substring(0, value.length() - 1) : value)
                .map(value -> value.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }
}
