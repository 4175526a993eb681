package dev.singletable.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TagResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UntagResourceRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Shape validation in AWS's wording. Expected texts are the ones AWS returns, as recorded by emulator test suites
 * that were checked against AWS (dynalite) and by AWS probes; member order inside one message follows the walk.
 */
class RequestShapesTest {

    private static final Map<String, AttributeValue> KEY = Map.of("pk", AttributeValue.fromS("a"));

    private static String message(SdkRequest request) {
        try {
            RequestShapes.validate(request);
        } catch (DynamoDbException e) {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(e.statusCode()).isEqualTo(400);
            return e.awsErrorDetails().errorMessage();
        }
        throw new AssertionError("expected a ValidationException for " + request);
    }

    @Test
    void validRequestsPass() {
        assertThatCode(() -> RequestShapes.validate(
                        GetItemRequest.builder().tableName("tbl").key(KEY).build()))
                .doesNotThrowAnyException();
        assertThatCode(() -> RequestShapes.validate(ListTablesRequest.builder().build()))
                .doesNotThrowAnyException();
        assertThatCode(() -> RequestShapes.validate(DescribeTableRequest.builder()
                        .tableName("arn:aws:dynamodb:us-east-1:000000000000:table/tbl")
                        .build()))
                .doesNotThrowAnyException();
    }

    @Test
    void tableNameLength() {
        assertThat(message(DescribeTableRequest.builder().tableName("ab").build()))
                .isEqualTo("1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 3");
        String longName = "a".repeat(256);
        assertThat(message(DescribeTableRequest.builder().tableName(longName).build()))
                .isEqualTo("1 validation error detected: Value '" + longName + "' at 'tableName' failed to satisfy "
                        + "constraint: Member must have length less than or equal to 255");
    }

    @Test
    void tableNamePatternAndLengthAccumulate() {
        assertThat(message(DescribeTableRequest.builder().tableName("a;").build()))
                .isEqualTo("2 validation errors detected: Value 'a;' at 'tableName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; Value 'a;' at 'tableName' "
                        + "failed to satisfy constraint: Member must have length greater than or equal to 3");
    }

    @Test
    void missingRequiredMembers() {
        assertThat(message(DescribeTableRequest.builder().build()))
                .isEqualTo("1 validation error detected: Value null at 'tableName' failed to satisfy constraint: "
                        + "Member must not be null");
        assertThat(message(GetItemRequest.builder().tableName("tbl").build()))
                .isEqualTo("1 validation error detected: Value null at 'key' failed to satisfy constraint: "
                        + "Member must not be null");
    }

    @Test
    void createTableReportsAttributeDefinitionsTableNameThenKeySchema() {
        assertThat(message(CreateTableRequest.builder().tableName("abc;").build()))
                .isEqualTo("3 validation errors detected: "
                        + "Value null at 'attributeDefinitions' failed to satisfy constraint: Member must not be null; "
                        + "Value 'abc;' at 'tableName' failed to satisfy constraint: Member must satisfy regular "
                        + "expression pattern: [a-zA-Z0-9_.-]+; "
                        + "Value null at 'keySchema' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void provisionedThroughputReportsWriteBeforeRead() {
        assertThat(message(UpdateTableRequest.builder()
                        .tableName("tbl")
                        .provisionedThroughput(p -> p.readCapacityUnits(0L).writeCapacityUnits(0L))
                        .build()))
                .isEqualTo("2 validation errors detected: Value '0' at 'provisionedThroughput.writeCapacityUnits' "
                        + "failed to satisfy constraint: Member must have value greater than or equal to 1; "
                        + "Value '0' at 'provisionedThroughput.readCapacityUnits' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 1");
        assertThat(message(UpdateTableRequest.builder()
                        .tableName("tbl")
                        .provisionedThroughput(p -> p.readCapacityUnits(4L))
                        .build()))
                .isEqualTo("1 validation error detected: Value null at 'provisionedThroughput.writeCapacityUnits' "
                        + "failed to satisfy constraint: Member must not be null");
    }

    @Test
    void nestedListMembersUseOneBasedMemberPaths() {
        assertThat(message(CreateTableRequest.builder()
                        .tableName("abc")
                        .attributeDefinitions(a -> {})
                        .keySchema(k -> k.keyType("HASH"), k -> k.attributeName("a")
                                .keyType("Woop"))
                        .build()))
                // an attribute definition's type before its name, as AWS reports them (DegenerateInputTest)
                .isEqualTo("4 validation errors detected: "
                        + "Value null at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: "
                        + "Member must not be null; "
                        + "Value null at 'attributeDefinitions.1.member.attributeName' failed to satisfy constraint: "
                        + "Member must not be null; "
                        + "Value null at 'keySchema.1.member.attributeName' failed to satisfy constraint: "
                        + "Member must not be null; "
                        + "Value 'Woop' at 'keySchema.2.member.keyType' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [HASH, RANGE]");
    }

    @Test
    void enumsAreReadRawAndListedInAwsOrder() {
        assertThat(message(PutItemRequest.builder()
                        .tableName("tbl")
                        .item(KEY)
                        .returnValues("FOO")
                        .build()))
                .isEqualTo("1 validation error detected: Value 'FOO' at 'returnValues' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]");
        assertThat(message(ScanRequest.builder()
                        .tableName("tbl")
                        .select("ALL")
                        .returnConsumedCapacity("ALL")
                        .build()))
                .isEqualTo("2 validation errors detected: Value 'ALL' at 'select' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, "
                        + "ALL_PROJECTED_ATTRIBUTES]; Value 'ALL' at 'returnConsumedCapacity' failed to satisfy "
                        + "constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]");
        assertThat(message(UpdateItemRequest.builder()
                        .tableName("tbl")
                        .key(KEY)
                        .returnValuesOnConditionCheckFailure("SOME")
                        .returnItemCollectionMetrics("x")
                        .build()))
                .contains("Value 'x' at 'returnItemCollectionMetrics' failed to satisfy constraint: Member must "
                        + "satisfy enum value set: [SIZE, NONE]")
                .contains("Value 'SOME' at 'returnValuesOnConditionCheckFailure' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [ALL_OLD, NONE]");
        assertThat(message(CreateTableRequest.builder()
                        .tableName("abc")
                        .attributeDefinitions(a -> a.attributeName("a").attributeType("SS"))
                        .keySchema(k -> k.attributeName("a").keyType("HASH"))
                        .billingMode("A")
                        .build()))
                .isEqualTo("2 validation errors detected: Value 'SS' at 'attributeDefinitions.1.member.attributeType' "
                        + "failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]; Value 'A' at "
                        + "'billingMode' failed to satisfy constraint: Member must satisfy enum value set: "
                        + "[PROVISIONED, PAY_PER_REQUEST]");
    }

    @Test
    void numericRanges() {
        assertThat(message(QueryRequest.builder().tableName("tbl").limit(0).build()))
                .isEqualTo("1 validation error detected: Value at 'Limit' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 1");
        assertThat(message(ListTablesRequest.builder().limit(101).build()))
                .isEqualTo("1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: "
                        + "Member must have value less than or equal to 100");
        assertThat(message(ScanRequest.builder()
                        .tableName("tbl")
                        .segment(-1)
                        .totalSegments(0)
                        .build()))
                .isEqualTo("2 validation errors detected: Value '0' at 'totalSegments' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 1; Value '-1' at 'segment' failed to "
                        + "satisfy constraint: Member must have value greater than or equal to 0");
        assertThat(message(ScanRequest.builder()
                        .tableName("tbl")
                        .segment(1_000_000)
                        .totalSegments(1_000_001)
                        .build()))
                .contains("Value '1000000' at 'segment' failed to satisfy constraint: Member must have value less "
                        + "than or equal to 999999")
                .contains("Value '1000001' at 'totalSegments' failed to satisfy constraint: Member must have value "
                        + "less than or equal to 1000000");
    }

    @Test
    void indexNameRules() {
        assertThat(message(
                        QueryRequest.builder().tableName("tbl").indexName("a;").build()))
                .isEqualTo("2 validation errors detected: Value 'a;' at 'indexName' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 3; Value 'a;' at 'indexName' failed to "
                        + "satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    }

    @Test
    void emptyCollections() {
        assertThat(message(ScanRequest.builder()
                        .tableName("tbl")
                        .attributesToGet(List.of())
                        .build()))
                .isEqualTo("1 validation error detected: Value '[]' at 'attributesToGet' failed to satisfy "
                        + "constraint: Member must have length greater than or equal to 1");
        assertThat(message(BatchGetItemRequest.builder().requestItems(Map.of()).build()))
                .isEqualTo("The requestItems parameter is required for BatchGetItem");
    }

    @Test
    void transactItemsAtMostHundred() {
        List<TransactWriteItem> items = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            items.add(TransactWriteItem.builder()
                    .conditionCheck(c -> c.tableName("tbl").key(KEY).conditionExpression("attribute_exists(pk)"))
                    .build());
        }
        assertThat(message(
                        TransactWriteItemsRequest.builder().transactItems(items).build()))
                .startsWith("1 validation error detected: Value '[")
                .endsWith("]' at 'transactItems' failed to satisfy constraint: Member must have length less than or "
                        + "equal to 100");
        assertThat(message(TransactWriteItemsRequest.builder()
                        .transactItems(List.of())
                        .build()))
                .endsWith("at 'transactItems' failed to satisfy constraint: Member must have length greater than or "
                        + "equal to 1");
        assertThat(message(TransactWriteItemsRequest.builder()
                        .transactItems(TransactWriteItem.builder()
                                .put(p -> p.tableName("ab"))
                                .build())
                        .build()))
                .isEqualTo("2 validation errors detected: Value null at 'transactItems.1.member.put.item' failed to "
                        + "satisfy constraint: Member must not be null; Value 'ab' at "
                        + "'transactItems.1.member.put.tableName' failed to satisfy constraint: Member must have "
                        + "length greater than or equal to 3");
    }

    @Test
    void batchWriteMapKeysValuesAndEntryPaths() {
        Map<String, List<WriteRequest>> items = new LinkedHashMap<>();
        items.put(
                "aa;",
                List.of(
                        WriteRequest.builder()
                                .putRequest(PutRequest.builder().build())
                                .build(),
                        WriteRequest.builder()
                                .deleteRequest(DeleteRequest.builder().build())
                                .build()));
        assertThat(message(BatchWriteItemRequest.builder().requestItems(items).build()))
                .isEqualTo("3 validation errors detected: Value '{aa;=[WriteRequest(putRequest=PutRequest()), "
                        + "WriteRequest(deleteRequest=DeleteRequest())]}' at 'requestItems' failed to satisfy "
                        + "constraint: Map keys must satisfy constraint: [Member must have length less than or equal "
                        + "to 255, Member must have length greater than or equal to 3, Member must satisfy regular "
                        + "expression pattern: [a-zA-Z0-9_.-]+]; "
                        + "Value null at 'requestItems.aa;.member.1.member.putRequest.item' failed to satisfy "
                        + "constraint: Member must not be null; "
                        + "Value null at 'requestItems.aa;.member.2.member.deleteRequest.key' failed to satisfy "
                        + "constraint: Member must not be null");

        List<WriteRequest> tooMany = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            tooMany.add(WriteRequest.builder().putRequest(p -> p.item(KEY)).build());
        }
        assertThat(message(BatchWriteItemRequest.builder()
                        .requestItems(Map.of("tbl", tooMany))
                        .build()))
                .endsWith("at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: "
                        + "[Member must have length less than or equal to 25, Member must have length greater than or "
                        + "equal to 1]");
    }

    /** AWS's own sentences for these, recorded by the nubo-db/dynamodb-conformance suite. */
    @Test
    void requiredParametersWithSentencesOfTheirOwn() {
        assertThat(message(
                        BatchWriteItemRequest.builder().requestItems(Map.of()).build()))
                .isEqualTo("The requestItems parameter is required for BatchWriteItem");
        assertThat(message(BatchGetItemRequest.builder().build()))
                .isEqualTo("The requestItems parameter is required for BatchGetItem");
        assertThat(message(CreateTableRequest.builder()
                        .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                        .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                        .build()))
                .isEqualTo("The parameter 'TableName' is required but was not present in the request");
    }

    @Test
    void anEmptyTableNameBreaksOnlyTheMinimumLength() {
        assertThat(message(PutItemRequest.builder()
                        .tableName("")
                        .item(Map.of("pk", AttributeValue.fromS("x")))
                        .build()))
                .isEqualTo("1 validation error detected: Value '' at 'tableName' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1");
    }

    @Test
    void batchGetKeysPath() {
        assertThat(message(BatchGetItemRequest.builder()
                        .requestItems(Map.of("abc", KeysAndAttributes.builder().build()))
                        .build()))
                .isEqualTo("1 validation error detected: Value null at 'requestItems.abc.member.keys' failed to "
                        + "satisfy constraint: Member must not be null");
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            keys.add(Map.of("pk", AttributeValue.fromS("k" + i)));
        }
        assertThat(message(BatchGetItemRequest.builder()
                        .requestItems(Map.of(
                                "abc", KeysAndAttributes.builder().keys(keys).build()))
                        .build()))
                .isEqualTo("1 validation error detected: Value at 'RequestItems.abc.member.Keys' failed to satisfy "
                        + "constraint: Member must have length less than or equal to 100");
    }

    @Test
    void updateTableIndexUpdatePaths() {
        assertThat(message(UpdateTableRequest.builder()
                        .tableName("tbl")
                        .globalSecondaryIndexUpdates(u ->
                                u.update(x -> x.indexName("a;").provisionedThroughput(p -> p.writeCapacityUnits(0L))))
                        .build()))
                .isEqualTo("4 validation errors detected: "
                        + "Value 'a;' at 'globalSecondaryIndexUpdates.1.member.update.indexName' failed to satisfy "
                        + "constraint: Member must have length greater than or equal to 3; "
                        + "Value 'a;' at 'globalSecondaryIndexUpdates.1.member.update.indexName' failed to satisfy "
                        + "constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; "
                        + "Value '0' at 'globalSecondaryIndexUpdates.1.member.update.provisionedThroughput"
                        + ".writeCapacityUnits' failed to satisfy constraint: Member must have value greater than or "
                        + "equal to 1; "
                        + "Value null at 'globalSecondaryIndexUpdates.1.member.update.provisionedThroughput"
                        + ".readCapacityUnits' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void atMostTenViolationsAreReported() {
        List<LocalSecondaryIndex> empty = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            empty.add(LocalSecondaryIndex.builder().build());
        }
        String message = message(CreateTableRequest.builder()
                .tableName("abc")
                .attributeDefinitions(List.of())
                .keySchema(k -> k.attributeName("a").keyType("HASH"))
                .localSecondaryIndexes(empty)
                .build());
        assertThat(message).startsWith("10 validation errors detected: ");
        assertThat(message.split("; Value")).hasSize(10);
        assertThat(message)
                .contains("Value null at 'localSecondaryIndexes.1.member.indexName' failed to satisfy "
                        + "constraint: Member must not be null");
    }

    @Test
    void projectionNonKeyAttributes() {
        assertThat(message(CreateTableRequest.builder()
                        .tableName("abc")
                        .attributeDefinitions(List.of())
                        .keySchema(k -> k.attributeName("a").keyType("HASH"))
                        .globalSecondaryIndexes(g -> g.indexName("abc")
                                .keySchema(k -> k.attributeName("a").keyType("HASH"))
                                .projection(p -> p.projectionType("abc").nonKeyAttributes(List.of())))
                        .build()))
                .isEqualTo("2 validation errors detected: Value 'abc' at "
                        + "'globalSecondaryIndexes.1.member.projection.projectionType' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [ALL, INCLUDE, KEYS_ONLY]; Value '[]' at "
                        + "'globalSecondaryIndexes.1.member.projection.nonKeyAttributes' failed to satisfy "
                        + "constraint: Member must have length greater than or equal to 1");
    }

    @Test
    void timeToLiveSpecification() {
        assertThat(message(UpdateTimeToLiveRequest.builder().tableName("tbl").build()))
                .isEqualTo("1 validation error detected: Value null at 'timeToLiveSpecification' failed to satisfy "
                        + "constraint: Member must not be null");
        assertThat(message(UpdateTimeToLiveRequest.builder()
                        .tableName("tbl")
                        .timeToLiveSpecification(t -> t.attributeName(""))
                        .build()))
                // the name before Enabled, as AWS reports them (DegenerateInputTest)
                .isEqualTo("2 validation errors detected: Value '' at 'timeToLiveSpecification.attributeName' failed "
                        + "to satisfy constraint: Member must have length greater than or equal to 1; Value null at "
                        + "'timeToLiveSpecification.enabled' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void tagRequestsOnlyRequireTheirMembers() {
        assertThat(message(TagResourceRequest.builder()
                        .resourceArn("arn:aws:dynamodb:us-east-1:0:table/t")
                        .build()))
                .isEqualTo("1 validation error detected: Value null at 'tags' failed to satisfy constraint: "
                        + "Member must not be null");
        assertThat(message(UntagResourceRequest.builder()
                        .resourceArn("arn:aws:dynamodb:us-east-1:0:table/t")
                        .build()))
                .isEqualTo("1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint: "
                        + "Member must not be null");
        // Tag keys and values are checked by the tag rules with AWS's own wording, not as shapes.
        assertThatCode(() -> RequestShapes.validate(TagResourceRequest.builder()
                        .resourceArn("arn:x")
                        .tags(t -> t.key("").value("v"))
                        .build()))
                .doesNotThrowAnyException();
    }

    @Test
    void tableClassIsNotAShapeEnum() {
        assertThatCode(() -> RequestShapes.validate(UpdateTableRequest.builder()
                        .tableName("tbl")
                        .tableClass("X")
                        .build()))
                .doesNotThrowAnyException();
    }

    @Test
    void violationsWithoutThrowing() {
        assertThat(RequestShapes.violations(DescribeTableRequest.builder().build()))
                .hasSize(1);
        assertThatThrownBy(() -> RequestShapes.validate(
                        DescribeTableRequest.builder().tableName("x").build()))
                .isInstanceOf(DynamoDbException.class);
    }
}
