package dev.singletable.resilience;

import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The one classification of the store's errors, shared by the retry and circuit breaker around the store and by the
 * API's error mapping, so "worth retrying" means the same everywhere.
 */
public final class StoreErrors {

    static final String TRANSACTION_CONFLICT = "TransactionConflict";
    private static final String NO_REASON = "None";

    private StoreErrors() {}

    /** The store asked us to slow down: provisioned throughput, account request limits, or any throttling code. */
    public static boolean isThrottling(Throwable e) {
        if (e instanceof ProvisionedThroughputExceededException || e instanceof RequestLimitExceededException) {
            return true;
        }
        if (e instanceof AwsServiceException service) {
            return service.isThrottlingException() || "ThrottlingException".equals(errorCode(service));
        }
        return false;
    }

    /** The store failed on its side (HTTP 5xx): the request itself may well be fine. */
    public static boolean isServerError(Throwable e) {
        return e instanceof InternalServerErrorException
                || e instanceof AwsServiceException service && service.statusCode() >= 500;
    }

    /** No answer at all: connection refused, timeout, an I/O error before a response arrived. */
    public static boolean isUnreachable(Throwable e) {
        return e instanceof SdkClientException;
    }

    /**
     * A transaction cancelled only because another transaction held one of its items: every reason is
     * {@code TransactionConflict} or {@code None}, and at least one is a conflict. Nothing was written.
     */
    public static boolean isOnlyTransactionConflict(Throwable e) {
        if (!(e instanceof TransactionCanceledException cancelled) || !cancelled.hasCancellationReasons()) {
            return false;
        }
        List<CancellationReason> reasons = cancelled.cancellationReasons();
        boolean conflict = false;
        for (CancellationReason reason : reasons) {
            if (TRANSACTION_CONFLICT.equals(reason.code())) {
                conflict = true;
            } else if (reason.code() != null && !NO_REASON.equals(reason.code())) {
                return false;
            }
        }
        return conflict;
    }

    /**
     * The store is failing, not merely busy: a 5xx or no answer. The circuit breaker counts only these; throttling is
     * answered by backing off, and opening the circuit on it would also refuse the reads that are not throttled.
     */
    public static boolean isOutage(Throwable e) {
        return isServerError(e) || isUnreachable(e);
    }

    /** Throttling, a 5xx or no answer: the store's trouble, not the request's. */
    public static boolean isTransient(Throwable e) {
        return isThrottling(e) || isServerError(e) || isUnreachable(e);
    }

    /** What a retry may resend unchanged: transient errors and conflict-only transaction cancellations. */
    public static boolean isRetryable(Throwable e) {
        return isTransient(e) || isOnlyTransactionConflict(e);
    }

    /** A condition the request set did not hold: an expected outcome of optimistic writes, not a failure. */
    public static boolean isConditionalCheckFailure(Throwable e) {
        return e instanceof ConditionalCheckFailedException;
    }

    private static @Nullable String errorCode(AwsServiceException e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }
}
