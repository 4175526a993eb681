package dev.singletable.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.singletable.engine.EmbeddedEngine;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A {@code null} inside a request's lists and maps (issue #17, finding 2): raw JSON against the real engine over
 * its wire port. Each is refused with a 400 and DynamoDB's words, and nothing is written. The messages are DynamoDB
 * Local's where it answers 400 (our oracle: see docs/fidelity.md); where Local itself fails with a 500, the refusal
 * is the request validator's "Member must not be null" at the member's path.
 */
class NullInsideRequestsTest {

    private static final String DDB = "DynamoDB_20120810.";
    private static final String VALIDATION = "com.amazon.coral.validate#ValidationException";
    private static final String ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/tbl";

    private static EmbeddedEngine engine;
    private static WireServer server;
    private static RawHttp http;

    @BeforeAll
    static void start() {
        engine = EmbeddedEngine.inMemory();
        server =
                WireServer.start(WireServerOptions.defaults(), engine.dynamoDbClient(), engine.dynamoDbStreamsClient());
        http = new RawHttp(server.endpoint());
        assertThat(http.createTable("tbl").statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        server.close();
        engine.close();
    }

    @AfterEach
    void nothingWasWrittenAndTheEngineStillAnswers() {
        HttpResponse<byte[]> scan = http.post(DDB + "Scan", "{\"TableName\":\"tbl\"}");
        assertThat(scan.statusCode()).isEqualTo(200);
        assertThat(RawHttp.text(scan)).contains("\"Count\":0");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                // the cases of the issue
                "TransactWriteItems|{\"TransactItems\":[null]}|1 validation error detected: Value null at 'transactItems' "
                        + "failed to satisfy constraint: Member must not be null",
                "TransactGetItems|{\"TransactItems\":[null]}|1 validation error detected: Value null at 'transactItems' "
                        + "failed to satisfy constraint: Member must not be null",
                "BatchWriteItem|{\"RequestItems\":{\"tbl\":[null]}}|The batch write request list for a table cannot be null "
                        + "or empty",
                "BatchGetItem|{\"RequestItems\":{\"tbl\":null}}|The list of keys in RequestItems for BatchGetItem is required: "
                        + "tbl has empty list",
                "ExecuteTransaction|{\"TransactStatements\":[null]}|ExecutePartiQLTransaction can not have empty statement.",
                "BatchExecuteStatement|{\"Statements\":[null]}|The statement was empty.",
                "ExecuteStatement|{\"Statement\":\"SELECT * FROM tbl WHERE pk=?\",\"Parameters\":[null]}|The supplied Item "
                        + "contains a null AttributeValue",
                "PutItem|{\"TableName\":\"tbl\",\"Item\":{\"pk\":{\"S\":\"a\"},\"x\":{\"SS\":[null]}}}|One or more parameter "
                        + "values were invalid: An string set may not have a null string as a member",
                "PutItem|{\"TableName\":\"tbl\",\"Item\":{\"pk\":{\"S\":\"a\"},\"x\":{\"BS\":[null]}}}|The supplied Item "
                        + "contains a null AttributeValue",
                "TagResource|{\"ResourceArn\":\"" + ARN
                        + "\",\"Tags\":[null]}|1 validation error detected: Value null at "
                        + "'tags.1.member' failed to satisfy constraint: Member must not be null",
                "CreateTable|{\"TableName\":\"tb2\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
                        + "\"AttributeDefinitions\":[null],\"BillingMode\":\"PAY_PER_REQUEST\"}|1 validation error detected: "
                        + "Value null at 'attributeDefinitions.1.member' failed to satisfy constraint: Member must not be null",
                // and every other list and map of structures that the operations would otherwise trip over
                "CreateTable|{\"TableName\":\"tb3\",\"KeySchema\":[null],\"AttributeDefinitions\":[{\"AttributeName\":\"pk\","
                        + "\"AttributeType\":\"S\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}|Key schema element is invalid.",
                "CreateTable|{\"TableName\":\"tb4\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
                        + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],\"BillingMode\":"
                        + "\"PAY_PER_REQUEST\",\"GlobalSecondaryIndexes\":[null]}|1 validation error detected: Value null at "
                        + "'globalSecondaryIndexes.1.member' failed to satisfy constraint: Member must not be null",
                "CreateTable|{\"TableName\":\"tb5\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
                        + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],\"BillingMode\":"
                        + "\"PAY_PER_REQUEST\",\"Tags\":[null]}|1 validation error detected: Value null at 'tags.1.member' "
                        + "failed to satisfy constraint: Member must not be null",
                "UpdateTable|{\"TableName\":\"tbl\",\"AttributeDefinitions\":[null]}|1 validation error detected: Value null "
                        + "at 'attributeDefinitions.1.member' failed to satisfy constraint: Member must not be null",
                "UpdateTable|{\"TableName\":\"tbl\",\"GlobalSecondaryIndexUpdates\":[null]}|1 validation error detected: Value "
                        + "null at 'globalSecondaryIndexUpdates.1.member' failed to satisfy constraint: Member must not be null",
                "UntagResource|{\"ResourceArn\":\"" + ARN
                        + "\",\"TagKeys\":[null]}|1 validation error detected: Value null "
                        + "at 'tagKeys.1.member' failed to satisfy constraint: Member must not be null",
                "Scan|{\"TableName\":\"tbl\",\"ScanFilter\":{\"a\":null}}|The filter condition for an attribute cannot be "
                        + "null: a",
                "Query|{\"TableName\":\"tbl\",\"KeyConditions\":{\"pk\":null}}|The filter condition for an attribute cannot be "
                        + "null: pk",
                "Query|{\"TableName\":\"tbl\",\"KeyConditions\":{\"pk\":{\"ComparisonOperator\":\"EQ\",\"AttributeValueList\":"
                        + "[{\"S\":\"a\"}]}},\"QueryFilter\":{\"a\":null}}|The filter condition for an attribute cannot be "
                        + "null: a",
                "PutItem|{\"TableName\":\"tbl\",\"Item\":{\"pk\":{\"S\":\"a\"}},\"Expected\":{\"a\":null}}|One or more "
                        + "parameter values were invalid: ExpectedAttributeValue must not be null for Attribute: a",
                "DeleteItem|{\"TableName\":\"tbl\",\"Key\":{\"pk\":{\"S\":\"a\"}},\"Expected\":{\"a\":null}}|One or more "
                        + "parameter values were invalid: ExpectedAttributeValue must not be null for Attribute: a",
                "UpdateItem|{\"TableName\":\"tbl\",\"Key\":{\"pk\":{\"S\":\"a\"}},\"AttributeUpdates\":{\"a\":null}}|1 "
                        + "validation error detected: Value null at 'attributeUpdates.a.member' failed to satisfy constraint: "
                        + "Member must not be null",
                "BatchExecuteStatement|{\"Statements\":[{\"Statement\":\"SELECT * FROM tbl WHERE pk=?\",\"Parameters\":"
                        + "[null]}]}|The supplied Item contains a null AttributeValue",
                "ExecuteTransaction|{\"TransactStatements\":[{\"Statement\":\"SELECT * FROM tbl WHERE pk=?\",\"Parameters\":"
                        + "[null]}]}|The supplied Item contains a null AttributeValue",
                "Scan|{\"TableName\":\"tbl\",\"AttributesToGet\":[null]}|Empty attribute name",
            })
    void aNullInsideAListOrMapIsAValidationException(String operation, String body, String message) {
        HttpResponse<byte[]> response = http.post(DDB + operation, body);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertThat(RawHttp.text(response))
                .as(body)
                .isEqualTo("{\"__type\":\"" + VALIDATION + "\",\"message\":" + jsonString(message) + "}");
    }

    @Test
    void theSdkCanBuildSuchRequestsTooAndTheEngineRefusesThemInProcess() {
        DynamoDbClient dynamo = engine.dynamoDbClient();
        List<TransactWriteItem> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> dynamo.transactWriteItems(b -> b.transactItems(withNull)))
                .isInstanceOf(DynamoDbException.class)
                .satisfies(e -> assertThat(((DynamoDbException) e).statusCode()).isEqualTo(400));
        List<String> nullMember = new ArrayList<>();
        nullMember.add(null);
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName("tbl")
                        .item(Map.of(
                                "pk",
                                AttributeValue.fromS("a"),
                                "x",
                                AttributeValue.builder().ss(nullMember).build()))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageContaining("An string set may not have a null string as a member");
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
