package dev.singletable.sessions;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param ttl   how long a session lasts after login
 * @param login the brute-force protection of the log-in ({@link LoginThrottle})
 */
@ConfigurationProperties("singletable.sessions")
record SessionProperties(
        @DefaultValue("24h") Duration ttl, @DefaultValue LoginLimits login) {

    /**
     * @param perAccount failed log-ins for one username (known or not) per window; then 429 until the window ends
     * @param perClient  failed log-ins from one client address per window, whatever the usernames
     * @param window     the length of a counting window (fixed windows, aligned to the epoch)
     */
    record LoginLimits(
            @DefaultValue("10") int perAccount,
            @DefaultValue("100") int perClient,
            @DefaultValue("15m") Duration window) {}
}
