package dev.singletable.resilience;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One rate limiter per user for the API's writes, all with the settings of the limiter {@value #WRITES}
 * ({@code resilience4j.ratelimiter.instances.writes} in application.yml; /actuator/ratelimiters shows it).
 *
 * <p>The per-user limiters are kept here, not in the registry: the registry's limiters all become meters and actuator
 * entries, and one per user would grow without bound. The most recently active {@value #MAX_USERS} users keep theirs;
 * a user evicted and back gets a fresh limiter, which can only be more lenient, never wrong.
 */
public class WriteRateLimits {

    public static final String WRITES = "writes";
    static final int MAX_USERS = 10_000;

    private final RateLimiterConfig config;
    private final Map<String, RateLimiter> perUser = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RateLimiter> eldest) {
            return size() > MAX_USERS;
        }
    };

    public WriteRateLimits(RateLimiterRegistry registry) {
        this.config = registry.rateLimiter(WRITES).getRateLimiterConfig();
    }

    /**
     * Takes a permit for one write by this user.
     *
     * @return empty when the write may go ahead; otherwise how long until the user's next permit
     */
    public Optional<Duration> acquire(String userId) {
        RateLimiter limiter = limiterOf(userId);
        if (limiter.acquirePermission()) {
            return Optional.empty();
        }
        return Optional.of(untilNextPermit(limiter));
    }

    private synchronized RateLimiter limiterOf(String userId) {
        return perUser.computeIfAbsent(userId, id -> RateLimiter.of(WRITES + ":" + id, config));
    }

    private Duration untilNextPermit(RateLimiter limiter) {
        if (limiter instanceof AtomicRateLimiter atomic) {
            long nanos = atomic.getDetailedMetrics().getNanosToWait();
            if (nanos > 0) {
                return Duration.ofNanos(nanos);
            }
        }
        return config.getLimitRefreshPeriod();
    }
}
