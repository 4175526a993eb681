package dev.singletable.web;

import dev.singletable.resilience.WriteRateLimits;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Writes (POST, PUT, PATCH, DELETE under /api) by a signed-in user take a permit from that user's rate limiter; without
 * one the answer is 429 problem+json with {@code Retry-After} (whole seconds until the next permit). Anonymous writes
 * (sign-up, log-in) are not limited here: there is no user to count them against.
 */
class WriteRateLimitInterceptor implements HandlerInterceptor {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final WriteRateLimits limits;

    WriteRateLimitInterceptor(WriteRateLimits limits) {
        this.limits = limits;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!WRITES.contains(request.getMethod())) {
            return true;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof AuthenticatedUser caller)) {
            return true;
        }
        limits.acquire(caller.userId()).ifPresent(wait -> {
            long seconds = retryAfterSeconds(wait);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            throw new ApiException(
                    ProblemType.TOO_MANY_REQUESTS,
                    "Too many changes in a short time; retry in " + seconds + " s",
                    Map.of("retryAfterSeconds", seconds));
        });
        return true;
    }

    /** Retry-After is whole seconds: round up, and never 0 (which would invite an immediate retry). */
    static long retryAfterSeconds(Duration wait) {
        long seconds = (wait.toMillis() + 999) / 1000;
        return Math.max(1, seconds);
    }
}
