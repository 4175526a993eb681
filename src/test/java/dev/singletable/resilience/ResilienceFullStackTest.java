package dev.singletable.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.admin.AdminAccess;
import dev.singletable.support.Api;
import dev.singletable.support.FullStackTest;
import dev.singletable.support.TestUser;
import dev.singletable.users.UserDirectory;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/** The settings in application.yml reach the store's retry and breaker, and actuator shows them. */
@FullStackTest
class ResilienceFullStackTest {

    @Autowired
    AdminAccess admins;

    @Autowired
    UserDirectory users;

    @Autowired
    RestTestClient http;

    @Autowired
    RetryRegistry retries;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    DynamoDbClient dynamo;

    @Test
    void theServiceUsesTheGuardedStore() {
        assertThat(GuardedStore.unguarded(dynamo)).isNotSameAs(dynamo);
    }

    @Test
    void theStoreRetryResendsThrottlingButNotFailedConditions() {
        var config = retries.retry(StoreResilience.STORE).getRetryConfig();

        assertThat(config.getMaxAttempts()).isEqualTo(4);
        assertThat(config.getExceptionPredicate()
                        .test(ProvisionedThroughputExceededException.builder()
                                .message("slow")
                                .build()))
                .isTrue();
        assertThat(config.getExceptionPredicate()
                        .test(ConditionalCheckFailedException.builder()
                                .message("no")
                                .build()))
                .isFalse();
        // backoff grows and is randomised: two waits for the same attempt differ, the third attempt waits longer
        var interval = config.getIntervalBiFunction();
        assertThat(interval.apply(3, null)).isGreaterThan(interval.apply(1, null) / 2 * 2 - 1);
    }

    @Test
    void theStoreCircuitBreakerCountsOnlyOutages() {
        var config = breakers.circuitBreaker(StoreResilience.STORE).getCircuitBreakerConfig();

        assertThat(config.getRecordExceptionPredicate()
                        .test(ProvisionedThroughputExceededException.builder()
                                .message("slow")
                                .build()))
                .isFalse();
        assertThat(config.getRecordExceptionPredicate()
                        .test(software.amazon.awssdk.core.exception.SdkClientException.create("refused")))
                .isTrue();
    }

    @Test
    void actuatorShowsRetriesAndCircuitBreakersToAdmins() {
        Api api = new Api(http);
        TestUser user = api.newUser("ops");
        admins.grant(users.findId(user.username()).orElseThrow(), Instant.now());

        api.get("/actuator/retries", user)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.retries")
                .value(names -> assertThat(names.toString()).contains("store"));
        api.get("/actuator/circuitbreakers", user)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.circuitBreakers.store.state")
                .isEqualTo("CLOSED");
        api.get("/actuator/ratelimiters", user).expectStatus().isOk();
        api.get("/actuator/retries").expectStatus().isUnauthorized();
    }

    @Test
    void healthReportsTheStoreCircuitBreaker() {
        new Api(http)
                .get("/actuator/health/circuitBreakers")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }

    @Test
    void anOpenStoreCircuitIsDownInHealthAndTakesTheInstanceOutOfReadiness() {
        TestUser user = new Api(http).newUser("breaker");
        var store = breakers.circuitBreaker(StoreResilience.STORE);
        store.transitionToOpenState();
        try {
            // anonymous: a bearer token would itself need the store to be checked
            http.get()
                    .uri("/actuator/health/circuitBreakers")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("DOWN");
            http.get()
                    .uri("/actuator/health/readiness")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503);
            http.get()
                    .uri("/actuator/health/liveness")
                    .exchange()
                    .expectStatus()
                    .isOk();
            // the API refuses at once with 503 rather than waiting on the store
            new Api(http)
                    .get("/api/users/" + user.username())
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .exists("Retry-After");
        } finally {
            store.transitionToClosedState();
        }
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }
}
