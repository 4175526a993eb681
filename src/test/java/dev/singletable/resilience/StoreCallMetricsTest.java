package dev.singletable.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The store's counters exist at 0 before their first event, and each kind of failure moves its own. */
class StoreCallMetricsTest {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final StoreCallMetrics metrics = new StoreCallMetrics(meters);

    @Test
    void everyOperationsCountersExistFromTheStartAtZero() {
        for (String operation : StoreCallMetrics.OPERATIONS) {
            assertThat(meters.get(StoreCallMetrics.THROTTLES)
                            .tag("operation", operation)
                            .counter()
                            .count())
                    .as(operation)
                    .isZero();
        }
        for (String operation : StoreCallMetrics.CONDITIONAL) {
            assertThat(meters.get(StoreCallMetrics.CONDITIONAL_CHECK_FAILURES)
                            .tag("operation", operation)
                            .counter()
                            .count())
                    .as(operation)
                    .isZero();
        }
        assertThat(meters.get(StoreCallMetrics.TRANSACTION_CONFLICTS)
                        .tag("operation", "TransactWriteItems")
                        .counter()
                        .count())
                .isZero();
    }

    @Test
    void aTransactionConflictIsCountedAsOne() {
        TransactionCanceledException conflict = TransactionCanceledException.builder()
                .message("conflict")
                .cancellationReasons(
                        CancellationReason.builder().code("TransactionConflict").build(),
                        CancellationReason.builder().code("None").build())
                .build();
        assertThatThrownBy(() -> metrics.record("TransactWriteItems", () -> {
                    throw conflict;
                }))
                .isSameAs(conflict);

        assertThat(meters.get(StoreCallMetrics.TRANSACTION_CONFLICTS)
                        .tag("operation", "TransactWriteItems")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get(StoreCallMetrics.CONDITIONAL_CHECK_FAILURES)
                        .tag("operation", "TransactWriteItems")
                        .counter()
                        .count())
                .isZero();
        assertThat(meters.get(StoreCallMetrics.REQUESTS)
                        .tags("operation", "TransactWriteItems", "outcome", "transaction_conflict")
                        .timer()
                        .count())
                .isEqualTo(1);
    }
}
