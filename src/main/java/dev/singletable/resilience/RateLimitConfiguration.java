package dev.singletable.resilience;

import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The per-user write limits, from the registry resilience4j's starter builds from application.yml. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    WriteRateLimits writeRateLimits(RateLimiterRegistry limiters) {
        return new WriteRateLimits(limiters);
    }
}
