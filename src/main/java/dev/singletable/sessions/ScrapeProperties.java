package dev.singletable.sessions;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The credentials a Prometheus server scrapes {@code /actuator/prometheus} with (HTTP Basic), besides admins' bearer
 * tokens. Without a password the endpoint is for admins only.
 *
 * @param username the scraper's user name, for {@code basic_auth} in Prometheus' scrape configuration
 * @param password the scraper's password; unset, scraping with Basic credentials is off
 */
@ConfigurationProperties("singletable.metrics.scrape")
record ScrapeProperties(
        @DefaultValue("prometheus") String username,
        @Nullable String password) {

    boolean enabled() {
        return password != null && !password.isBlank();
    }
}
