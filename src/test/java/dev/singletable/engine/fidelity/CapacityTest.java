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
        table = createTable(b -> b.attributeDefinitions(
                        attr("pk", ScalarAttributeType.S),
                        attr("sk", ScalarAttributeType.N),
                        attr("g", ScalarAttributeType.S))
                .keySchema(hashKey("pk"), rangeKey("sk"))
                .globalSecondaryIndexes(i -> i.indexName("byG")
                        .keySchema(hashKey("g"))
                        .projection(Projection.builder()
                                .projectionType(ProjectionType.KEYS_ONLY)
                                .build())));
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
                sameWithCapacity(
                        c -> c.putItem(r -> r.tableName(table).item(item).returnConsumedCapacity(mode)));
                sameWithCapacity(c -> c.getItem(r -> r.tableName(table).key(key).returnConsumedCapacity(mode)));
                sameWithCapacity(c -> c.getItem(
                        r -> r.tableName(table).key(key).consistentRead(true).returnConsumedCapacity(mode)));
                sameWithCapacity(c -> c.updateItem(r -> r.tableName(table)
                        .key(key)
                        .updateExpression("SET v = :v")
                        .expressionAttributeValues(Map.of(":v", n("1")))
                        .returnConsumedCapacity(mode)));
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
        sameWithCapacity(c -> c.updateItem(
                r -> r.tableName(table).key(key).updateExpression("REMOVE v").returnConsumedCapacity("TOTAL")));
    }

    @Test
    void queriesScansAndBatches() {
        String q = hashRangeTable("pk", ScalarAttributeType.S, "sk", ScalarAttributeType.N);
        List<WriteRequest> writes = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Map<String, AttributeValue> item =
                    new HashMap<>(Map.of("pk", s("q"), "sk", n(Integer.toString(i)), "f", s("x".repeat(700 * i))));
            writes.add(WriteRequest.builder()
                    .putRequest(PutRequest.builder().item(item).build())
                    .build());
        }
        sameWithCapacity(c -> c.batchWriteItem(
                r -> r.requestItems(Map.of(q, writes.subList(0, 10))).returnConsumedCapacity("TOTAL")));
        sameWithCapacity(c -> c.batchWriteItem(
                r -> r.requestItems(Map.of(q, writes.subList(10, 20))).returnConsumedCapacity("INDEXES")));
        for (String mode : new String[] {"TOTAL", "INDEXES"}) {
            for (boolean consistent : new boolean[] {true, false}) {
                sameWithCapacity(c -> c.query(r -> r.tableName(q)
                        .keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", s("q")))
                        .consistentRead(consistent)
                        .returnConsumedCapacity(mode)));
                sameWithCapacity(c -> c.query(r -> r.tableName(q)
                        .keyConditionExpression("pk = :p")
                        .limit(3)
                        .expressionAttributeValues(Map.of(":p", s("q")))
                        .consistentRead(consistent)
                        .returnConsumedCapacity(mode)));
                sameWithCapacity(c -> c.scan(r -> r.tableName(q)
                        .consistentRead(consistent)
                        .select("COUNT")
                        .returnConsumedCapacity(mode)));
            }
        }
        sameWithCapacity(c -> c.batchGetItem(r -> r.requestItems(Map.of(
                        q,
                        KeysAndAttributes.builder()
                                .keys(Map.of("pk", s("q"), "sk", n("19")))
                                .build()))
                .returnConsumedCapacity("TOTAL")));
        sameWithCapacity(c -> c.batchGetItem(r -> r.requestItems(Map.of(
                        q,
                        KeysAndAttributes.builder()
                                .keys(Map.of("pk", s("q"), "sk", n("19")), Map.of("pk", s("q"), "sk", n("99")))
                                .consistentRead(true)
                                .build()))
                .returnConsumedCapacity("INDEXES")));
    }

    @Test
    void indexQueriesAndScans() {
        for (int i = 0; i < 5; i++) {
            Map<String, AttributeValue> item = sized(1000 + i, 3000, true);
            onBoth(c -> c.putItem(r -> r.tableName(table).item(item)));
        }
        // AWS charges a GSI read by the size of its (projected) index entries; DynamoDB Local by the table items
        var query = ours.query(r -> r.tableName(table)
                .indexName("byG")
                .keyConditionExpression("g = :g")
                .expressionAttributeValues(Map.of(":g", s("G")))
                .returnConsumedCapacity("INDEXES"));
        ScenarioCount.record(false);
        org.assertj.core.api.Assertions.assertThat(query.consumedCapacity().capacityUnits())
                .isEqualTo(0.5);
        org.assertj.core.api.Assertions.assertThat(query.consumedCapacity()
                        .globalSecondaryIndexes()
                        .get("byG")
                        .capacityUnits())
                .isEqualTo(0.5);
        // a Scan reads every partition of the (on-demand, four-partition) index: at least one unit each, halved
        var scan = ours.scan(
                r -> r.tableName(table).indexName("byG").consistentRead(false).returnConsumedCapacity("TOTAL"));
        ScenarioCount.record(false);
        org.assertj.core.api.Assertions.assertThat(scan.consumedCapacity().capacityUnits())
                .isEqualTo(2.0);
    }

    /**
     * A Query that finds nothing still costs a read unit (half when eventually consistent), as a GetItem of a missing
     * item does; DynamoDB Local reports 0. AWS: ScyllaDB's test_returnconsumedcapacity.py, run against AWS, and
     * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html (a read of up to 4 KB
     * is one unit, one half eventually consistent).
     */
    @Test
    void aQueryThatFindsNothingCostsOneUnit() {
        for (boolean consistent : new boolean[] {true, false}) {
            ScenarioCount.record(false);
            var direct = ours.query(r -> r.tableName(table)
                    .keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", s("nobody")))
                    .consistentRead(consistent)
                    .returnConsumedCapacity("INDEXES"));
            org.assertj.core.api.Assertions.assertThat(direct.consumedCapacity().capacityUnits())
                    .isEqualTo(consistent ? 1.0 : 0.5);
            org.assertj.core.api.Assertions.assertThat(
                            direct.consumedCapacity().table().capacityUnits())
                    .isEqualTo(consistent ? 1.0 : 0.5);
        }
    }

    /**
     * A Scan of a small on-demand table costs at least a unit per storage partition it reads, and a new on-demand table
     * has four: AWS answers 4 (consistent) and 2 (eventually consistent) for a table holding one tiny item (ScyllaDB's
     * test_returnconsumedcapacity.py::test_scan_consumed_capacity, run against AWS), and the same for an empty one. A
     * provisioned table of a few units has one partition; a parallel Scan's segment reads only its own partitions.
     */
    @Test
    void aScanOfASmallTablePaysEveryPartitionItReads() {
        String onDemand = hashTable("p", ScalarAttributeType.S);
        for (boolean consistent : new boolean[] {true, false}) {
            org.assertj.core.api.Assertions.assertThat(scanUnits(onDemand, consistent, null))
                    .isEqualTo(consistent ? 4.0 : 2.0);
        }
        onBoth(c -> c.putItem(r -> r.tableName(onDemand).item(Map.of("p", s("cat"), "animal", s("cat")))));
        for (boolean consistent : new boolean[] {true, false}) {
            org.assertj.core.api.Assertions.assertThat(scanUnits(onDemand, consistent, null))
                    .isEqualTo(consistent ? 4.0 : 2.0);
        }
        org.assertj.core.api.Assertions.assertThat(scanUnits(onDemand, true, 4)).isEqualTo(1.0);
        org.assertj.core.api.Assertions.assertThat(scanUnits(onDemand, true, 2)).isEqualTo(2.0);
        String provisioned = uniqueName("CapacityTestProvisioned");
        ours.createTable(b -> b.tableName(provisioned)
                .attributeDefinitions(attr("p", ScalarAttributeType.S))
                .keySchema(hashKey("p"))
                .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L)));
        ours.putItem(r -> r.tableName(provisioned).item(Map.of("p", s("cat"))));
        org.assertj.core.api.Assertions.assertThat(scanUnits(provisioned, true, null))
                .isEqualTo(1.0);
        org.assertj.core.api.Assertions.assertThat(scanUnits(provisioned, false, null))
                .isEqualTo(0.5);
    }

    /** Our Scan's ConsumedCapacity (segment 0 of {@code totalSegments} when given). */
    private double scanUnits(String name, boolean consistent, Integer totalSegments) {
        ScenarioCount.record(false);
        return ours.scan(r -> {
                    r.tableName(name).consistentRead(consistent).returnConsumedCapacity("TOTAL");
                    if (totalSegments != null) {
                        r.segment(0).totalSegments(totalSegments);
                    }
                })
                .consumedCapacity()
                .capacityUnits();
    }
}
