package dev.singletable.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Requests with shape errors are refused by DynamoDB Local too, with the same error code.
 *
 * <p>Where DynamoDB Local 2.6.1 differs from AWS (AWS's behaviour is what the engine follows):
 * <ul>
 * <li>Ordering: for some members (Query Limit, ...) Local looks the table up first and answers
 *     ResourceNotFoundException for a missing table; AWS validates the whole request shape first.</li>
 * <li>Wording: Local reports one problem in its own words, e.g.
 * "Invalid table/index name.  Table/index names must be between 3 and 255 characters long, ...",
 *     "Limit must be greater than or equal to 1", "Return values set to invalid value"; AWS, and this engine, use
 *     the "N validation error(s) detected: Value ... at '...' failed to satisfy constraint: ..." form asserted in
 *     {@link RequestShapesTest}, accumulating up to ten violations.</li>
 * </ul>
 */
class RequestShapesDifferentialTest {

    private static AmazonDynamoDBLocal local;
    private static DynamoDbClient client;
    private static final Map<String, AttributeValue> KEY = Map.of("pk", AttributeValue.fromS("a"));

    @BeforeAll
    static void startLocal() {
        local = DynamoDBEmbedded.create(true);
        client = local.dynamoDbClient();
    }

    @AfterAll
    static void stopLocal() {
        if (local != null) {
            local.shutdown();
        }
    }

    private static <R extends SdkRequest> String localOutcome(R request, Function<R, ?> call) {
        try {
            call.apply(request);
            return "OK";
        } catch (DynamoDbException e) {
            return e.awsErrorDetails().errorCode();
        }
    }

    private static <R extends SdkRequest> void bothRefuse(R request, Function<R, ?> call) {
        assertThat(localOutcome(request, call)).as("Local on " + request).isEqualTo("ValidationException");
        assertThat(RequestShapes.violations(request)).as("engine on " + request).isNotEmpty();
    }

    @Test
    void shapeErrorsBeforeTableLookup() {
        bothRefuse(DescribeTableRequest.builder().tableName("ab").build(), client::describeTable);
        bothRefuse(GetItemRequest.builder().tableName("no;such").key(KEY).build(), client::getItem);
        bothRefuse(ListTablesRequest.builder().limit(0).build(), client::listTables);
    }

    @Test
    void localLooksTheTableUpFirstForSomeMembers() {
        // AWS validates every member before looking the table up; Local answers ResourceNotFound first for these.
        QueryRequest query =
                QueryRequest.builder().tableName("missing").limit(0).build();
        assertThat(localOutcome(query, client::query)).isEqualTo("ResourceNotFoundException");
        assertThat(RequestShapes.violations(query))
                .containsExactly("Value at 'Limit' failed to satisfy "
                        + "constraint: Member must have value greater than or equal to 1");
        ScanRequest scan =
                ScanRequest.builder().tableName("missing").indexName("ix").build();
        assertThat(RequestShapes.violations(scan))
                .containsExactly("Value 'ix' at 'indexName' failed to satisfy "
                        + "constraint: Member must have length greater than or equal to 3");
        PutItemRequest put = PutItemRequest.builder()
                .tableName("missing")
                .item(KEY)
                .returnValues("FOO")
                .build();
        assertThat(RequestShapes.violations(put)).hasSize(1);
    }

    @Test
    void wellShapedRequestsReachTheTableLookup() {
        GetItemRequest get =
                GetItemRequest.builder().tableName("missing").key(KEY).build();
        assertThat(RequestShapes.violations(get)).isEmpty();
        try {
            client.getItem(get);
        } catch (DynamoDbException e) {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
        }
    }
}
