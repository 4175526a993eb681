package dev.singletable.engine.streams;

import dev.singletable.engine.error.EngineErrors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;

/**
 * The DynamoDB Streams service's errors, as the SDK's streams client would unmarshal them (service name
 * DynamoDbStreams), with the messages AWS uses where they are known: the operations' own errors
 * (ResourceNotFoundException, ExpiredIteratorException, TrimmedDataAccessException) [1] and the common
 * ValidationException [2].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_GetRecords.html">GetRecords, Errors</a><br>
 * [2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/CommonErrors.html">Common Errors</a>
 */
final class StreamErrors {

    static final String SERVICE_NAME = "DynamoDbStreams";

    private StreamErrors() {}

    static DynamoDbException validation(String message) {
        return (DynamoDbException) fill(DynamoDbException.builder(), "ValidationException", message)
                .build();
    }

    static DynamoDbException shapeViolation(String violation) {
        return validation("1 validation error detected: " + violation);
    }

    static ResourceNotFoundException streamNotFound(String streamArn) {
        return (ResourceNotFoundException) fill(
                        ResourceNotFoundException.builder(),
                        "ResourceNotFoundException",
                        "Requested resource not found: Stream: " + streamArn + " not found")
                .build();
    }

    static ResourceNotFoundException shardNotFound() {
        return (ResourceNotFoundException) fill(
                        ResourceNotFoundException.builder(),
                        "ResourceNotFoundException",
                        "Requested resource not found: Shard does not exist")
                .build();
    }

    /** An iterator whose shard has been trimmed away altogether. */
    static ResourceNotFoundException iteratorShardGone() {
        return (ResourceNotFoundException) fill(
                        ResourceNotFoundException.builder(),
                        "ResourceNotFoundException",
                        "Invalid ShardId in ShardIterator")
                .build();
    }

    static ExpiredIteratorException expiredIterator() {
        return (ExpiredIteratorException)
                fill(ExpiredIteratorException.builder(), "ExpiredIteratorException", "Shard iterator has expired")
                        .build();
    }

    static TrimmedDataAccessException trimmed() {
        return (TrimmedDataAccessException) fill(
                        TrimmedDataAccessException.builder(),
                        "TrimmedDataAccessException",
                        "The data you are trying to access has been trimmed")
                .build();
    }

    private static AwsServiceException.Builder fill(AwsServiceException.Builder b, String code, String message) {
        return EngineErrors.fill(b, SERVICE_NAME, code, message);
    }
}
