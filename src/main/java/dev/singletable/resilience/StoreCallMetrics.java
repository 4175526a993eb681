package dev.singletable.resilience;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Meters of every attempt the service makes against the store, tagged by DynamoDB operation:
 * <ul>
 *   <li>{@code singletable.dynamodb.requests} (timer) with {@code outcome}: success, conditional_check_failed,
 *       transaction_conflict, throttled, server_error, unreachable, client_error</li>
 *   <li>{@code singletable.dynamodb.throttles} (counter): attempts the store throttled</li>
 *   <li>{@code singletable.dynamodb.conditional.check.failures} (counter): writes whose condition did not hold,
 *       transactions included</li>
 *   <li>{@code singletable.dynamodb.transaction.conflicts} (counter): transactions cancelled only because another
 *       transaction or write held one of their items</li>
 * </ul>
 * Attempts, not calls: a call retried twice is three samples, which is what the store saw. The counters of every
 * operation the service makes exist from the start at 0 (so a rate or an alert on them needs no first event), and the
 * timers publish histograms as {@code management.metrics.distribution} in application.yml says.
 */
public class StoreCallMetrics {

    static final String REQUESTS = "singletable.dynamodb.requests";
    static final String THROTTLES = "singletable.dynamodb.throttles";
    static final String CONDITIONAL_CHECK_FAILURES = "singletable.dynamodb.conditional.check.failures";
    static final String TRANSACTION_CONFLICTS = "singletable.dynamodb.transaction.conflicts";

    /** The data-plane operations the service makes: their counters are registered at 0 on start. */
    static final List<String> OPERATIONS = List.of(
            "GetItem",
            "PutItem",
            "UpdateItem",
            "DeleteItem",
            "Query",
            "Scan",
            "BatchGetItem",
            "BatchWriteItem",
            "TransactGetItems",
            "TransactWriteItems");
    /** The operations that can carry a condition (a transaction's condition checks included). */
    static final List<String> CONDITIONAL = List.of("PutItem", "UpdateItem", "DeleteItem", "TransactWriteItems");

    static final List<String> TRANSACTIONS = List.of("TransactGetItems", "TransactWriteItems");

    private final MeterRegistry registry;
    /**
     * The success timer per operation, looked up once: building and registering a meter id on every call (tags
     * sorted, the registry's map searched) cost more than the in-process store call it times.
     */
    private final Map<String, Timer> successes = new ConcurrentHashMap<>();

    public StoreCallMetrics(MeterRegistry registry) {
        this.registry = registry;
        OPERATIONS.forEach(this::throttles);
        CONDITIONAL.forEach(this::conditionalCheckFailures);
        TRANSACTIONS.forEach(this::transactionConflicts);
    }

    /** Runs one attempt and records it. */
    public <T> T record(String operation, Supplier<T> attempt) {
        long start = System.nanoTime();
        String outcome = "success";
        try {
            return attempt.get();
        } catch (RuntimeException e) {
            outcome = outcomeOf(e);
            throw e;
        } finally {
            Timer timer = outcome.equals("success")
                    ? successes.computeIfAbsent(operation, op -> timer(op, "success"))
                    : timer(operation, outcome);
            timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            switch (outcome) {
                case "throttled" -> throttles(operation).increment();
                case "conditional_check_failed" ->
                    conditionalCheckFailures(operation).increment();
                case "transaction_conflict" -> transactionConflicts(operation).increment();
                default -> {
                    // success and the other failures are in the timer's outcome tag alone
                }
            }
        }
    }

    private Counter throttles(String operation) {
        return Counter.builder(THROTTLES)
                .description("DynamoDB requests the store throttled")
                .tag("operation", operation)
                .register(registry);
    }

    private Counter conditionalCheckFailures(String operation) {
        return Counter.builder(CONDITIONAL_CHECK_FAILURES)
                .description("DynamoDB writes whose condition failed")
                .tag("operation", operation)
                .register(registry);
    }

    private Counter transactionConflicts(String operation) {
        return Counter.builder(TRANSACTION_CONFLICTS)
                .description("DynamoDB transactions cancelled by a conflict with another write")
                .tag("operation", operation)
                .register(registry);
    }

    private Timer timer(String operation, String outcome) {
        return Timer.builder(REQUESTS)
                .description("DynamoDB requests by operation and outcome")
                .tag("operation", operation)
                .tag("outcome", outcome)
                .register(registry);
    }

    static String outcomeOf(Throwable e) {
        if (StoreErrors.isConditionalCheckFailure(e) || hasConditionalCheckFailure(e)) {
            return "conditional_check_failed";
        }
        if (StoreErrors.isOnlyTransactionConflict(e)) {
            return "transaction_conflict";
        }
        if (StoreErrors.isThrottling(e)) {
            return "throttled";
        }
        if (StoreErrors.isServerError(e)) {
            return "server_error";
        }
        if (StoreErrors.isUnreachable(e)) {
            return "unreachable";
        }
        return "client_error";
    }

    private static boolean hasConditionalCheckFailure(Throwable e) {
        return e instanceof TransactionCanceledException cancelled
                && cancelled.hasCancellationReasons()
                && cancelled.cancellationReasons().stream()
                        .map(CancellationReason::code)
                        .anyMatch("ConditionalCheckFailed"::equals);
    }
}
