package dev.singletable.engine.fidelity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * ReturnConsumedCapacity TOTAL and INDEXES compared with DynamoDB Local: a write unit per 1 KB, a read unit per 4 KB
 * (half when eventually consistent), item sizes at the unit boundaries, index writes, Query and Scan over many items,
 * and batches.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CapacityTest extends DifferentialTest {

    private String table;

    @BeforeAll
    void createTable() {
        table = createTable(b -> b
                .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.N),
                        attr("g", ScalarAttributeType.S))
                .keySchema(hashKey("pk"), rangeKey("sk"))
                .globalSecondaryIndexes(i -> i.indexName("byG").keySchema(hashKey("g"))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())));
    }

    /** An item of exactly the given DynamoDB size (pk "c", the sort key, and a filler). */
    private static Map<String, AttributeValue> sized(int sk, int size, boolean indexed) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS("c"));
        item.put("sk", AttributeValue.fromN(Integer.toString(sk)));
        if (indexed) {
            item.put("g", AttributeValue.fromS("G"));
        }
        item.put("f", AttributeValue.fromS(""));
        long base = dev.singletable.engine.value.AttributeValues.itemSize(item);
        item.put("f", AttributeValue.fromS("x".repeat((int) (size - base))));
        return item;
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 1023, 1024, 1025, 2048, 2049, 4095, 4096, 4097, 8193, 20_000, 399_000})
    void singleItemOperations(int size) {
        for (boolean indexed : new boolean[] {false, true}) {
            int sk = size * 2 + (indexed ? 1 : 0);
            Map<String, AttributeValue> item = sized(sk, size, indexed);
            Map<String, AttributeValue> key = Map.of("pk", s("c"), "sk", n(Integer.toString(sk)));
            for (String mode : new String[] {"TOTAL", "INDEXES", "NONE"}) {
                sameWithCapacity(c -> c.putItem(r -> r.tableName(table).item(item).returnConsumedCapacity(mode)));
                sameWithCapacity(c -> c.getItem(r -> r.tableName(table).key(key).returnConsumedCapacity(mode)));
                sameWithCapacity(c -> c.getItem(r -> r.tableName(table).key(key).consistentRead(true)
                        .returnConsumedCapacity(mode)));
                sameWithCapacity(c -> c.updateItem(r -> r.tableName(table).key(key).updateExpression("SET v = :v")
                        .expressionAttributeValues(Map.of(":v", n("1"))).returnConsumedCapacity(mode)));
            }
            sameWithCapacity(c -> c.deleteItem(r -> r.tableName(table).key(key).returnConsumedCapacity("INDEXES")));
            sameWithCapacity(c -> c.deleteItem(r -> r.tableName(table).key(key).returnConsumedCapacity("TOTAL")));
        }
    }

    @Test
    void missingItemsAndFailedConditionsStillCost() {
        Map<String, AttributeValue> key = Map.of("pk", s("none"), "sk", n("1"));
        sameWithCapacity(c -> c.getItem(r -> r.tableName(table).key(key).returnConsumedCapacity("TOTAL")));
        sameWithCapacity(c -> c.deleteItem(r -> r.tableName(table).key(key).returnConsumedCapacity("INDEXES")));
        sameWithCapacity(c -> c.updateItem(r -> r.tableName(table).key(key).updateExpression("REMOVE v")
                .returnConsumedCapacity("TOTAL")));
    }

    @Test
    void queriesScansAndBatches() {
        String q = hashRangeTable("pk", ScalarAttributeType.S, "sk", ScalarAttributeType.N);
        List<WriteRequest> writes = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Map<String, AttributeValue> item = new HashMap<>(Map.of("pk", s("q"), "sk", n(Integer.toString(i)),
                    "f", s("x".repeat(700 * i))));
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        }
        sameWithCapacity(c -> c.batchWriteItem(r -> r.requestItems(Map.of(q, writes.subList(0, 10)))
                .returnConsumedCapacity("TOTAL")));
        sameWithCapacity(c -> c.batchWriteItem(r -> r.requestItems(Map.of(q, writes.subList(10, 20)))
                .returnConsumedCapacity("INDEXES")));
        for (String mode : new String[] {"TOTAL", "INDEXES"}) {
            for (boolean consistent : new boolean[] {true, false}) {
                sameWithCapacity(c -> c.query(r -> r.tableName(q).keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", s("q"))).consistentRead(consistent)
                        .returnConsumedCapacity(mode)));
                sameWithCapacity(c -> c.query(r -> r.tableName(q).keyConditionExpression("pk = :p").limit(3)
                        .expressionAttributeValues(Map.of(":p", s("q"))).consistentRead(consistent)
                        .returnConsumedCapacity(mode)));
                sameWithCapacity(c -> c.scan(r -> r.tableName(q).consistentRead(consistent).select("COUNT")
                        .returnConsumedCapacity(mode)));
            }
        }
        sameWithCapacity(c -> c.query(r -> r.tableName(q).keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("none"))).returnConsumedCapacity("TOTAL")));
        sameWithCapacity(c -> c.batchGetItem(r -> r.requestItems(Map.of(q, KeysAndAttributes.builder()
                .keys(Map.of("pk", s("q"), "sk", n("19"))).build())).returnConsumedCapacity("TOTAL")));
        sameWithCapacity(c -> c.batchGetItem(r -> r.requestItems(Map.of(q, KeysAndAttributes.builder()
                .keys(Map.of("pk", s("q"), "sk", n("19")), Map.of("pk", s("q"), "sk", n("99"))).consistentRead(true)
                .build())).returnConsumedCapacity("INDEXES")));
    }

    @Test
    void indexQueriesAndScans() {
        for (int i = 0; i < 5; i++) {
            Map<String, AttributeValue> item = sized(1000 + i, 3000, true);
            onBoth(c -> c.putItem(r -> r.tableName(table).item(item)));
        }
        // AWS charges a GSI read by the size of its (projected) index entries; DynamoDB Local by the table items
        var query = ours.query(r -> r.tableName(table).indexName("byG").keyConditionExpression("g = :g")
                .expressionAttributeValues(Map.of(":g", s("G"))).returnConsumedCapacity("INDEXES"));
        ScenarioCount.record(false);
        org.assertj.core.api.Assertions.assertThat(query.consumedCapacity().capacityUnits()).isEqualTo(0.5);
        org.assertj.core.api.Assertions.assertThat(query.consumedCapacity().globalSecondaryIndexes().get("byG")
                .capacityUnits()).isEqualTo(0.5);
        var scan = ours.scan(r -> r.tableName(table).indexName("byG").consistentRead(false)
                .returnConsumedCapacity("TOTAL"));
        ScenarioCount.record(false);
        org.assertj.core.api.Assertions.assertThat(scan.consumedCapacity().capacityUnits()).isEqualTo(0.5);
    }
}
