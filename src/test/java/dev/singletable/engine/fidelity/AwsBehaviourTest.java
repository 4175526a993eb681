package dev.singletable.engine.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Cases where AWS answers otherwise than DynamoDB Local and the engine follows AWS. The expected answers are AWS's as
 * recorded by public test suites that run against AWS (ScyllaDB's DynamoDB-compatibility tests, test_query.py,
 * test_scan.py, test_item.py; dynalite's tests) and AWS's API reference for UpdateItem and Query
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateItem.html,
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html). docs/fidelity.md lists each.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwsBehaviourTest extends DifferentialTest {

    private String table;

    @BeforeAll
    void createTable() {
        table = hashRangeTable("pk", ScalarAttributeType.S, "sk", ScalarAttributeType.N);
        for (int i = 0; i < 20; i++) {
            putAll(
                    table,
                    "{'pk':{'S':'p" + (i % 4) + "'},'sk':{'N':'" + i + "'},'x':{'S':'" + (i % 2 == 0 ? "even" : "odd")
                            + "'},'y':{'N':'" + i + "'}}");
        }
    }

    @Test
    void keyConditionsGoWithAFilterExpressionOrAProjectionExpression() {
        Map<String, Condition> keys = Map.of(
                "pk",
                Condition.builder()
                        .comparisonOperator(ComparisonOperator.EQ)
                        .attributeValueList(s("p0"))
                        .build());
        QueryResponse filtered = ours.query(b -> b.tableName(table)
                .keyConditions(keys)
                .filterExpression("x = :x")
                .expressionAttributeValues(Map.of(":x", s("even"))));
        assertThat(filtered.count()).isEqualTo(5);
        QueryResponse projected =
                ours.query(b -> b.tableName(table).keyConditions(keys).projectionExpression("y"));
        assertThat(projected.items()).hasSize(5).allSatisfy(i -> assertThat(i.keySet())
                .containsExactly("y"));
        // but not with a KeyConditionExpression, nor AttributesToGet with an expression: both engines refuse
        same(c -> c.query(b -> b.tableName(table)
                .keyConditions(keys)
                .keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("p0")))));
        same(c -> c.query(b -> b.tableName(table)
                .keyConditions(keys)
                .attributesToGet("y")
                .filterExpression("x = :x")
                .expressionAttributeValues(Map.of(":x", s("even")))));
    }

    @Test
    void selectWithAttributesToGetNamesAttributesToGet() {
        awsDiffers(
                c -> c.scan(b -> b.tableName(table).select("ALL_ATTRIBUTES").attributesToGet("x")),
                "ValidationException",
                "Cannot specify the AttributesToGet when choosing to get ALL_ATTRIBUTES");
        awsDiffers(
                c -> c.scan(b -> b.tableName(table).select("COUNT").attributesToGet("x")),
                "ValidationException",
                "Cannot specify the AttributesToGet when choosing to get only the Count");
    }

    @Test
    void aParallelScanStartKeyMustLieInItsSegment() {
        // find a key of segment 0 of 2, then hand it to segment 1
        ScanResponse first =
                ours.scan(b -> b.tableName(table).segment(0).totalSegments(2).limit(1));
        Map<String, AttributeValue> key = first.lastEvaluatedKey();
        assertThat(key).isNotEmpty();
        Outcome wrong = oursOnly(
                c -> c.scan(b -> b.tableName(table).segment(1).totalSegments(2).exclusiveStartKey(key)));
        assertThat(wrong.message())
                .isEqualTo("The provided starting key is invalid: Invalid ExclusiveStartKey. Please "
                        + "use ExclusiveStartKey with correct Segment. TotalSegments: 2 Segment: 1");
        assertThat(oursOnly(c -> c.scan(b ->
                                b.tableName(table).segment(0).totalSegments(2).exclusiveStartKey(key)))
                        .isError())
                .isFalse();
    }

    @Test
    void startKeysOutsideTheQueriedPartitionOrWithTheWrongShape() {
        awsDiffers(
                c -> c.query(b -> b.tableName(table)
                        .keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", s("p0")))
                        .exclusiveStartKey(Map.of("pk", s("p1"), "sk", n("1")))),
                "ValidationException",
                "The provided starting key is outside query boundaries based on provided conditions");
        // a Scan of the table says which rule the key broke; a Query does not
        assertThat(oursOnly(c -> c.scan(b -> b.tableName(table).exclusiveStartKey(Map.of("pk", s("p1")))))
                        .message())
                .isEqualTo("The provided starting key is invalid: The provided key element does not match the schema");
        assertThat(oursOnly(c -> c.query(b -> b.tableName(table)
                                .keyConditionExpression("pk = :p")
                                .expressionAttributeValues(Map.of(":p", s("p1")))
                                .exclusiveStartKey(Map.of("pk", s("p1")))))
                        .message())
                .isEqualTo("The provided starting key is invalid");
    }

    /**
     * Faults AWS finds in the request's values before it looks the table up: sent to a table that does not exist they
     * are a ValidationException, not ResourceNotFoundException (DynamoDB Local looks the table up first).
     */
    @Test
    void itemLevelFaultsAreReportedBeforeTheTableLookup() {
        String missing = uniqueName("noSuchTable");
        Map<String, AttributeValue> huge = Map.of("pk", s("p"), "sk", n("1"), "big", s("x".repeat(400 * 1024)));
        awsDiffers(
                c -> c.putItem(b -> b.tableName(missing).item(huge)),
                "ValidationException",
                "Item size has exceeded the maximum allowed size");
        String emptyKey = "One or more parameter values are not valid. The AttributeValue for a key attribute cannot "
                + "contain an empty string value. Key: pk";
        Map<String, AttributeValue> empty = Map.of("pk", s(""), "sk", n("1"));
        awsDiffers(c -> c.getItem(b -> b.tableName(missing).key(empty)), "ValidationException", emptyKey);
        awsDiffers(c -> c.deleteItem(b -> b.tableName(missing).key(empty)), "ValidationException", emptyKey);
        awsDiffers(c -> c.updateItem(b -> b.tableName(missing).key(empty)), "ValidationException", emptyKey);
        Map<String, AttributeValue> key = Map.of("pk", s("p"), "sk", n("1"));
        awsDiffers(
                c -> c.batchGetItem(b -> b.requestItems(Map.of(
                        missing, KeysAndAttributes.builder().keys(key, key).build()))),
                "ValidationException",
                "Provided list of item keys contains duplicates");
        awsDiffers(
                c -> c.batchWriteItem(b -> b.requestItems(Map.of(
                        missing,
                        java.util.List.of(
                                WriteRequest.builder()
                                        .deleteRequest(d -> d.key(key))
                                        .build(),
                                WriteRequest.builder()
                                        .deleteRequest(d -> d.key(key))
                                        .build())))),
                "ValidationException",
                "Provided list of item keys contains duplicates");
        awsDiffers(
                c -> c.batchWriteItem(b -> b.requestItems(Map.of(
                        missing,
                        java.util.List.of(WriteRequest.builder()
                                .putRequest(p -> p.item(huge))
                                .build())))),
                "ValidationException",
                "Item size has exceeded the maximum allowed size");
        // a bad expression too (DynamoDB Local looks a PutItem's table up before its ConditionExpression)
        awsDiffers(
                c -> c.putItem(b -> b.tableName(missing).item(key).conditionExpression("attribute_exists(")),
                "ValidationException",
                "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"(\"");
        awsDiffers(
                c -> c.updateItem(b -> b.tableName(missing).key(key).updateExpression("SET")),
                "ValidationException",
                "Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \"SET\"");
        awsDiffers(
                c -> c.query(b -> b.tableName(missing).keyConditionExpression("pk = :p AND")),
                "ValidationException",
                "Invalid KeyConditionExpression: Syntax error; token: \"<EOF>\", near: \"AND\"");
        awsDiffers(
                c -> c.scan(b -> b.tableName(missing).filterExpression("a = :undefined")),
                "ValidationException",
                "Invalid FilterExpression: An expression attribute value used in expression is not defined; attribute "
                        + "value: :undefined");
        awsDiffers(
                c -> c.getItem(b -> b.tableName(missing).key(key).projectionExpression("a,,b")),
                "ValidationException",
                "Invalid ProjectionExpression: Syntax error; token: \",\", near: \",,b\"");
        // a fault-free request to the missing table is still ResourceNotFoundException, on both engines
        same(c -> c.getItem(b -> b.tableName(missing).key(key)));
    }

    /**
     * A GSI added to a populated table skips the items that cannot be in it: an index key attribute of another type,
     * an empty string, a value beyond the key limits (2048 bytes for the partition key, 1024 for the sort key)
     * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.OnlineOps.ViolationDetection.html). The
     * engine answered such an UpdateTable with a 500 before.
     */
    @Test
    void aBackfillSkipsItemsThatCannotBeIndexed() {
        String t = hashTable("pk", ScalarAttributeType.S);
        Map<String, Map<String, AttributeValue>> items = Map.of(
                "ok", Map.of("pk", s("ok"), "x", s("x"), "y", s("y")),
                "number", Map.of("pk", s("number"), "x", n("1"), "y", s("y")),
                "empty", Map.of("pk", s("empty"), "x", s(""), "y", s("y")),
                "bigPartition", Map.of("pk", s("bigPartition"), "x", s("p".repeat(2049)), "y", s("y")),
                "bigSort", Map.of("pk", s("bigSort"), "x", s("x"), "y", s("s".repeat(1025))),
                "maxSizes", Map.of("pk", s("maxSizes"), "x", s("p".repeat(2048)), "y", s("s".repeat(1024))));
        items.values().forEach(i -> ours.putItem(b -> b.tableName(t).item(i)));
        ours.updateTable(b -> b.tableName(t)
                .attributeDefinitions(attr("x", ScalarAttributeType.S), attr("y", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byXy")
                        .keySchema(hashKey("x"), rangeKey("y"))
                        .projection(p ->
                                p.projectionType(software.amazon.awssdk.services.dynamodb.model.ProjectionType.ALL)))));
        assertThat(ours.scan(b -> b.tableName(t).indexName("byXy")).items())
                .extracting(i -> i.get("pk").s())
                .containsExactlyInAnyOrder("ok", "maxSizes");
        // a write of such a value is refused now that the index exists
        assertThat(oursOnly(c -> c.putItem(b -> b.tableName(t).item(Map.of("pk", s("late"), "x", n("2")))))
                        .errorCode())
                .isEqualTo("ValidationException");
    }

    @Test
    void anEmptyAttributeUpdatesCreatesTheItemWithItsKey() {
        Map<String, AttributeValue> key = Map.of("pk", s("fresh"), "sk", n("1"));
        UpdateItemResponse updated = ours.updateItem(
                b -> b.tableName(table).key(key).attributeUpdates(Map.of()).returnValues(ReturnValue.ALL_NEW));
        assertThat(updated.attributes()).isEqualTo(key);
        GetItemResponse got = ours.getItem(b -> b.tableName(table).key(key));
        assertThat(got.item()).isEqualTo(key);
    }

    @Test
    void removingANestedPathOfAMissingItemDoesNothing() {
        Map<String, AttributeValue> key = Map.of("pk", s("absent"), "sk", n("2"));
        Outcome removed = oursOnly(c -> c.updateItem(b ->
                b.tableName(table).key(key).updateExpression("REMOVE a.b, c[1]").returnValues(ReturnValue.ALL_NEW)));
        assertThat(removed.isError()).as("%s", removed.message()).isFalse();
        assertThat(ours.getItem(b -> b.tableName(table).key(key)).hasItem()).isFalse();
        // on an existing item without the map the path is still refused, as by DynamoDB Local
        putAll(table, "{'pk':{'S':'here'},'sk':{'N':'3'}}");
        same(c -> c.updateItem(b -> b.tableName(table)
                .key(Map.of("pk", s("here"), "sk", n("3")))
                .updateExpression("SET a.b = :v")
                .expressionAttributeValues(Map.of(":v", s("v")))));
    }
}
