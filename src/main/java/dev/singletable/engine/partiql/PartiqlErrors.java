package dev.singletable.engine.partiql;

import dev.singletable.engine.error.EngineErrors;
import java.util.UUID;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.DuplicateItemException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * The errors PartiQL adds to DynamoDB's set, built as the SDK would unmarshal them from AWS.
 * They are listed in [1] and [2].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ExecuteStatement.html">ExecuteStatement</a>
 * <br>[2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ExecuteTransaction.html">ExecuteTransaction</a>
 */
final class PartiqlErrors {

    static final String DUPLICATE_ITEM = "Duplicate primary key exists in table";

    private PartiqlErrors() {}

    static DynamoDbException malformed(String statement) {
        return EngineErrors.validation("Statement wasn't well formed, can't be processed: " + statement);
    }

    /** AWS answers a duplicate INSERT with DuplicateItemException (DynamoDB Local says "DuplicateItem"). */
    static DuplicateItemException duplicateItem() {
        return (DuplicateItemException) DuplicateItemException.builder()
                .message(DUPLICATE_ITEM)
                .statusCode(400)
                .requestId(UUID.randomUUID().toString())
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("DuplicateItemException")
                        .errorMessage(DUPLICATE_ITEM)
                        .serviceName(EngineErrors.SERVICE_NAME)
                        .sdkHttpResponse(
                                SdkHttpResponse.builder().statusCode(400).build())
                        .build())
                .build();
    }
}
