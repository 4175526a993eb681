package dev.singletable.sessions;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param ttl how long a session lasts after login */
@ConfigurationProperties("singletable.sessions")
record SessionProperties(@DefaultValue("24h") Duration ttl) {
}
