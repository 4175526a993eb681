package dev.singletable.engine.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.core.EngineOptions;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * UpdateTable adding a global secondary index to a table whose items hold values its key cannot take (issue #17,
 * finding 2; before, the backfill failed with a NullPointerException and a 500). AWS's backfill leaves such items
 * out of the index ("index key violations": a value of another type than the index key's, a partition key over
 * 2048 bytes or a sort key over 1024, an empty string or binary); the items stay in the table, and later writes
 * that would violate the key are refused:
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.OnlineOps.ViolationDetection.html
 */
class IndexKeyViolationTest {

    @TempDir
    Path dir;

    @Test
    void theBackfillLeavesViolatingItemsOutOfTheIndexAndARestartAgrees() {
        Path data = dir.resolve("data");
        try (EmbeddedEngine engine = EmbeddedEngine.open(EngineOptions.durable(data))) {
            DynamoDbClient dynamo = engine.dynamoDbClient();
            dynamo.createTable(b -> b.tableName("tbl")
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .billingMode(BillingMode.PAY_PER_REQUEST));
            put(dynamo, "good", AttributeValue.fromS("g1"), AttributeValue.fromS("s"));
            put(dynamo, "number", AttributeValue.fromN("7"), AttributeValue.fromS("s"));
            put(dynamo, "empty", AttributeValue.fromS(""), AttributeValue.fromS("s"));
            put(dynamo, "long", AttributeValue.fromS("x".repeat(2049)), AttributeValue.fromS("s"));
            put(dynamo, "longSort", AttributeValue.fromS("g1"), AttributeValue.fromS("y".repeat(1025)));
            put(
                    dynamo,
                    "list",
                    AttributeValue.fromL(java.util.List.of(AttributeValue.fromS("g1"))),
                    AttributeValue.fromS("s"));
            put(dynamo, "noIndexKey", null, null);

            dynamo.updateTable(b -> b.tableName("tbl")
                    .attributeDefinitions(
                            a -> a.attributeName("g").attributeType(ScalarAttributeType.S),
                            a -> a.attributeName("h").attributeType(ScalarAttributeType.S))
                    .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byG")
                            .keySchema(k -> k.attributeName("g").keyType(KeyType.HASH), k -> k.attributeName("h")
                                    .keyType(KeyType.RANGE))
                            .projection(p -> p.projectionType(ProjectionType.ALL)))));

            assertOnlyTheGoodItemIsIndexed(dynamo);
            assertThat(dynamo.scan(b -> b.tableName("tbl")).count())
                    .as("every item stays in the table")
                    .isEqualTo(7);
            // a write that would violate the new key is refused from now on
            assertThatThrownBy(() -> put(dynamo, "later", AttributeValue.fromN("8"), AttributeValue.fromS("s")))
                    .isInstanceOf(DynamoDbException.class)
                    .hasMessageContaining("Type mismatch for Index Key g Expected: S Actual: N IndexName: byG");
        }
        try (EmbeddedEngine engine = EmbeddedEngine.open(EngineOptions.durable(data))) {
            assertOnlyTheGoodItemIsIndexed(engine.dynamoDbClient());
        }
    }

    private static void assertOnlyTheGoodItemIsIndexed(DynamoDbClient dynamo) {
        assertThat(dynamo.scan(b -> b.tableName("tbl").indexName("byG")).items())
                .extracting(i -> i.get("pk").s())
                .containsExactly("good");
        assertThat(dynamo.describeTable(b -> b.tableName("tbl"))
                        .table()
                        .globalSecondaryIndexes()
                        .get(0)
                        .itemCount())
                .isEqualTo(1);
    }

    private static void put(DynamoDbClient dynamo, String pk, AttributeValue g, AttributeValue h) {
        Map<String, AttributeValue> item = new java.util.HashMap<>();
        item.put("pk", AttributeValue.fromS(pk));
        if (g != null) {
            item.put("g", g);
            item.put("h", h);
        }
        dynamo.putItem(b -> b.tableName("tbl").item(item));
    }
}
