package dev.singletable.engine.error;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionSizeLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.PolicyNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * Builds the AWS SDK's own exception types exactly as the SDK would after unmarshalling an AWS error response:
 * the same class, HTTP status, error code and message. Callers of the embedded client cannot tell the difference.
 */
public final class EngineErrors {

    public static final String SERVICE_NAME = "DynamoDb";

    private EngineErrors() {}

    /** {@code ValidationException}: the SDK has no modelled class for it, so it surfaces as DynamoDbException. */
    public static DynamoDbException validation(String message) {
        return (DynamoDbException) fill(DynamoDbException.builder(), "ValidationException", message, 400)
                .build();
    }

    /** Shape errors in AWS's Smithy wording; several are joined with "; " by {@link ShapeViolations}. */
    public static DynamoDbException shapeViolations(List<String> violations) {
        String prefix = violations.size() + " validation error" + (violations.size() == 1 ? "" : "s") + " detected: ";
        return validation(prefix + String.join("; ", violations));
    }

    public static ResourceNotFoundException resourceNotFound() {
        return resourceNotFound("Requested resource not found");
    }

    public static ResourceNotFoundException resourceNotFound(String message) {
        return (ResourceNotFoundException)
                fill(ResourceNotFoundException.builder(), "ResourceNotFoundException", message, 400)
                        .build();
    }

    /** {@code AccessDeniedException} (HTTP 400): the SDK models no class for it. */
    public static DynamoDbException accessDenied(String message) {
        return of("AccessDeniedException", message, 400);
    }

    public static PolicyNotFoundException policyNotFound(String message) {
        return (PolicyNotFoundException)
                fill(PolicyNotFoundException.builder(), "PolicyNotFoundException", message, 400)
                        .build();
    }

    public static ResourceInUseException resourceInUse(String message) {
        return (ResourceInUseException) fill(ResourceInUseException.builder(), "ResourceInUseException", message, 400)
                .build();
    }

    public static LimitExceededException limitExceeded(String message) {
        return (LimitExceededException) fill(LimitExceededException.builder(), "LimitExceededException", message, 400)
                .build();
    }

    public static ConditionalCheckFailedException conditionalCheckFailed(@Nullable Map<String, AttributeValue> item) {
        ConditionalCheckFailedException.Builder b = ConditionalCheckFailedException.builder();
        if (item != null) {
            b.item(item);
        }
        return (ConditionalCheckFailedException)
                fill(b, "ConditionalCheckFailedException", "The conditional request failed", 400)
                        .build();
    }

    public static TransactionCanceledException transactionCanceled(List<CancellationReason> reasons) {
        StringBuilder codes = new StringBuilder();
        for (CancellationReason r : reasons) {
            if (codes.length() > 0) {
                codes.append(", ");
            }
            codes.append(r.code());
        }
        String message =
                "Transaction cancelled, please refer cancellation reasons for specific reasons [" + codes + "]";
        return (TransactionCanceledException) fill(
                        TransactionCanceledException.builder().cancellationReasons(reasons),
                        "TransactionCanceledException",
                        message,
                        400)
                .build();
    }

    public static TransactionConflictException transactionConflict() {
        return (TransactionConflictException) fill(
                        TransactionConflictException.builder(),
                        "TransactionConflictException",
                        "Transaction is ongoing for the item",
                        400)
                .build();
    }

    public static IdempotentParameterMismatchException idempotentParameterMismatch() {
        return (IdempotentParameterMismatchException) fill(
                        IdempotentParameterMismatchException.builder(),
                        "IdempotentParameterMismatchException",
                        "Specified idempotency token has been used with different request parameters within the last 10 minutes",
                        400)
                .build();
    }

    public static ItemCollectionSizeLimitExceededException itemCollectionSizeLimitExceeded() {
        return (ItemCollectionSizeLimitExceededException) fill(
                        ItemCollectionSizeLimitExceededException.builder(),
                        "ItemCollectionSizeLimitExceededException",
                        "Item collection size limit exceeded.",
                        400)
                .build();
    }

    public static ProvisionedThroughputExceededException throughputExceeded(String message) {
        return (ProvisionedThroughputExceededException) fill(
                        ProvisionedThroughputExceededException.builder(),
                        "ProvisionedThroughputExceededException",
                        message,
                        400)
                .build();
    }

    /** A throttled request on a provisioned table or index, with DynamoDB's ThrottlingReasons. */
    public static ProvisionedThroughputExceededException throughputExceeded(
            String message, List<ThrottlingReason> reasons) {
        return (ProvisionedThroughputExceededException) fill(
                        ProvisionedThroughputExceededException.builder().throttlingReasons(reasons),
                        "ProvisionedThroughputExceededException",
                        message,
                        400)
                .build();
    }

    /** A throttled request on an on-demand table (a hot key), with DynamoDB's ThrottlingReasons. */
    public static ThrottlingException throttling(String message, List<ThrottlingReason> reasons) {
        return (ThrottlingException)
                fill(ThrottlingException.builder().throttlingReasons(reasons), "ThrottlingException", message, 400)
                        .build();
    }

    /** An operation this engine does not implement (yet): a clear 400, never a 500. */
    public static DynamoDbException notSupported(String operation) {
        return validation("The operation " + operation + " is not supported by this engine");
    }

    /** Any other modelled or unmodelled error code, as a plain DynamoDbException. */
    public static DynamoDbException of(String errorCode, String message, int status) {
        return (DynamoDbException)
                fill(DynamoDbException.builder(), errorCode, message, status).build();
    }

    /**
     * A modelled 400 error of any operation family (backups, streams…): {@code b} with the message, status, request id
     * and error details DynamoDB's answers carry, ready to build.
     */
    public static AwsServiceException.Builder fill(AwsServiceException.Builder b, String code, String message) {
        return fill(b, SERVICE_NAME, code, message, 400);
    }

    /** The same for the client of another service, named as its SDK client names it (DynamoDB Streams). */
    public static AwsServiceException.Builder fill(
            AwsServiceException.Builder b, String serviceName, String code, String message) {
        return fill(b, serviceName, code, message, 400);
    }

    private static AwsServiceException.Builder fill(
            AwsServiceException.Builder b, String code, String message, int status) {
        return fill(b, SERVICE_NAME, code, message, status);
    }

    private static AwsServiceException.Builder fill(
            AwsServiceException.Builder b, String serviceName, String code, String message, int status) {
        String requestId = UUID.randomUUID().toString();
        return b.message(message)
                .statusCode(status)
                .requestId(requestId)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage(message)
                        .serviceName(serviceName)
                        .sdkHttpResponse(
                                SdkHttpResponse.builder().statusCode(status).build())
                        .build());
    }
}
