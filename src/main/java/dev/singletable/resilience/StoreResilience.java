package dev.singletable.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The retry and circuit breaker named {@value #STORE} (settings under {@code resilience4j.retry.instances.store} and
 * {@code resilience4j.circuitbreaker.instances.store} in application.yml) and the store meters, applied to a client.
 */
public class StoreResilience {

    public static final String STORE = "store";

    private final Retry retry;
    private final CircuitBreaker breaker;
    private final StoreCallMetrics metrics;

    public StoreResilience(RetryRegistry retries, CircuitBreakerRegistry breakers, StoreCallMetrics metrics) {
        this.retry = retries.retry(STORE);
        this.breaker = breakers.circuitBreaker(STORE);
        this.metrics = metrics;
    }

    public DynamoDbClient guard(DynamoDbClient store) {
        return GuardedStore.guard(store, retry, breaker, metrics);
    }
}
