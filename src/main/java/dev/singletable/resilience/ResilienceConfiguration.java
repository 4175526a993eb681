package dev.singletable.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The store's retry, circuit breaker and meters, from the registries resilience4j's starter builds from application.yml. */
@Configuration(proxyBeanMethods = false)
class ResilienceConfiguration {

    @Bean
    StoreCallMetrics storeCallMetrics(MeterRegistry meters) {
        return new StoreCallMetrics(meters);
    }

    @Bean
    StoreResilience storeResilience(RetryRegistry retries, CircuitBreakerRegistry breakers, StoreCallMetrics metrics) {
        return new StoreResilience(retries, breakers, metrics);
    }
}
