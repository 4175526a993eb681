package dev.singletable.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The store seam: what is retried, what opens the circuit, what is metered. */
class GuardedStoreTest {

    final ScriptedStore store = new ScriptedStore();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final Retry retry = Retry.of(
            "store",
            RetryConfig.custom()
                    .maxAttempts(4)
                    .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(1), 2, 0.5))
                    .retryOnException(new RetryableStoreErrors())
                    .build());
    final CircuitBreaker breaker = CircuitBreaker.of(
            "store",
            CircuitBreakerConfig.custom()
                    .slidingWindowSize(4)
                    .minimumNumberOfCalls(4)
                    .failureRateThreshold(50)
                    .waitDurationInOpenState(Duration.ofMinutes(1))
                    .recordException(new StoreOutageErrors())
                    .build());
    final DynamoDbClient guarded = GuardedStore.guard(store, retry, breaker, new StoreCallMetrics(meters));

    @Test
    void retriesThrottlingThenSucceeds() {
        store.failWith(
                ProvisionedThroughputExceededException.builder()
                        .message("slow down")
                        .build(),
                throttling("ThrottlingException"));

        guarded.getItem(r -> r.tableName("t"));

        assertThat(store.calls).hasValue(3);
        assertThat(meters.get("singletable.dynamodb.throttles")
                        .tag("operation", "GetItem")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(meters.get("singletable.dynamodb.requests")
                        .tags("operation", "GetItem", "outcome", "success")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get("singletable.dynamodb.requests")
                        .tags("operation", "GetItem", "outcome", "throttled")
                        .timer()
                        .count())
                .isEqualTo(2);
    }

    @Test
    void retriesRequestLimitsAndServerErrors() {
        store.failWith(
                RequestLimitExceededException.builder().message("account limit").build(),
                InternalServerErrorException.builder().message("oops").build(),
                (RuntimeException) DynamoDbException.builder()
                        .statusCode(503)
                        .message("unavailable")
                        .build());

        guarded.putItem(r -> r.tableName("t"));

        assertThat(store.calls).hasValue(4);
    }

    @Test
    void givesUpAfterTheLastAttemptWithTheStoresError() {
        ProvisionedThroughputExceededException throttled = ProvisionedThroughputExceededException.builder()
                .message("slow down")
                .build();
        store.alwaysFailWith(throttled);

        assertThatThrownBy(() -> guarded.getItem(r -> r.tableName("t"))).isSameAs(throttled);
        assertThat(store.calls).hasValue(4);
    }

    @Test
    void retriesTransactionsCancelledOnlyByConflicts() {
        store.failWith(cancelled("None", "TransactionConflict"), cancelled("TransactionConflict", "None"));

        guarded.transactWriteItems(r -> r.transactItems(java.util.List.of()));

        assertThat(store.calls).hasValue(3);
    }

    @Test
    void aConditionFailureAfterAConflictIsReturnedAsItIs() {
        TransactionCanceledException conditionFailed = cancelled("ConditionalCheckFailed", "None");
        store.failWith(cancelled("TransactionConflict", "None"), conditionFailed);

        assertThatThrownBy(() -> guarded.transactWriteItems(r -> r.transactItems(java.util.List.of())))
                .isSameAs(conditionFailed);
        assertThat(store.calls).hasValue(2);
        assertThat(meters.get("singletable.dynamodb.conditional.check.failures")
                        .tag("operation", "TransactWriteItems")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void neverResendsFailedConditionsOrInvalidRequests() {
        store.failWith(ConditionalCheckFailedException.builder()
                .message("The conditional request failed")
                .build());
        assertThatThrownBy(() -> guarded.putItem(r -> r.tableName("t")))
                .isInstanceOf(ConditionalCheckFailedException.class);
        store.failWith(validation());
        assertThatThrownBy(() -> guarded.putItem(r -> r.tableName("t"))).isInstanceOf(DynamoDbException.class);

        assertThat(store.calls).hasValue(2);
        assertThat(meters.get("singletable.dynamodb.conditional.check.failures")
                        .tag("operation", "PutItem")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void theCircuitOpensAfterOutagesAndThenRefusesWithoutCallingTheStore() {
        store.alwaysFailWith(SdkClientException.create("Connection refused"));

        assertThatThrownBy(() -> guarded.getItem(r -> r.tableName("t"))).isInstanceOf(SdkClientException.class);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        int reached = store.calls.get();

        assertThatThrownBy(() -> guarded.getItem(r -> r.tableName("t"))).isInstanceOf(CallNotPermittedException.class);
        assertThat(store.calls).hasValue(reached);
    }

    @Test
    void throttlingAndFailedConditionsDoNotOpenTheCircuit() {
        for (int i = 0; i < 5; i++) {
            store.failWith(
                    ConditionalCheckFailedException.builder().message("no").build());
            assertThatThrownBy(() -> guarded.putItem(r -> r.tableName("t")));
        }
        store.alwaysFailWith(throttling("ThrottlingException"));
        assertThatThrownBy(() -> guarded.getItem(r -> r.tableName("t")));

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void convenienceOverloadsAndPaginatorsAreGuardedOnce() {
        store.failWith(throttling("ThrottlingException"));

        guarded.queryPaginator(r -> r.tableName("t")).forEach(page -> {});

        assertThat(store.calls).hasValue(2);
        assertThat(meters.get("singletable.dynamodb.requests").tag("operation", "Query").timers().stream()
                        .mapToLong(t -> t.count())
                        .sum())
                .isEqualTo(2);
    }

    @Test
    void waitersPollThroughTheGuard() {
        store.failWith(throttling("ThrottlingException"));

        var waited = guarded.waiter().waitUntilTableExists(r -> r.tableName("t"));

        assertThat(waited.matched().exception()).isEmpty();
        assertThat(store.calls).hasValue(2);
    }

    @Test
    void lifecycleGoesToTheRealClient() {
        assertThat(guarded.serviceName()).isEqualTo("dynamodb");
        assertThat(GuardedStore.unguarded(guarded)).isSameAs(store);
        guarded.close();
        assertThat(store.closed).isTrue();
    }

    private static RuntimeException throttling(String code) {
        return DynamoDbException.builder()
                .statusCode(400)
                .message("throttled")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build())
                .build();
    }

    private static RuntimeException validation() {
        return DynamoDbException.builder()
                .statusCode(400)
                .message("One or more parameter values were invalid")
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ValidationException")
                        .build())
                .build();
    }

    private static TransactionCanceledException cancelled(String... codes) {
        return TransactionCanceledException.builder()
                .message("Transaction cancelled")
                .cancellationReasons(Arrays.stream(codes)
                        .map(code -> CancellationReason.builder().code(code).build())
                        .toList())
                .build();
    }
}
