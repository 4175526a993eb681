package dev.singletable.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id, for following it through the logs: the caller's {@code X-Request-Id} when it is a
 * plausible id (1–64 letters, digits, {@code . _ -}: nothing that could forge log lines), otherwise a new UUID. The id
 * is in the MDC as {@value #MDC_KEY} while the request runs (plain logs show it in brackets, JSON logs as a field)
 * and is echoed in the response's {@code X-Request-Id}.
 */
class RequestIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = requestIdOf(request.getHeader(HEADER));
        response.setHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    static String requestIdOf(String incoming) {
        if (incoming != null && ACCEPTABLE.matcher(incoming).matches()) {
            return incoming;
        }
        return newId();
    }

    /**
     * A random (version 4) UUID drawn from {@link ThreadLocalRandom}. A request id labels log lines and is echoed to
     * the caller; it guards nothing, so it needs no cryptographic randomness. {@code UUID.randomUUID()} would take
     * the JDK's shared SecureRandom on every request: one lock for all request threads, and a read of /dev/urandom.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(high, low).toString();
    }
}
