package dev.singletable.engine.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.value.AttributeValues;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Capacity of transactions by AWS's documented rule — each item costs twice what the same non-transactional request
 * costs (prepare and commit), on the table and on every index the write touches — for items at the 1 KB and 4 KB
 * boundaries. DynamoDB Local counts transactional writes differently (4 units per KB), so these are not differential.
 */
class TransactionCapacityTest {

    private final EmbeddedEngine engine = EmbeddedEngine.inMemory();
    private final DynamoDbClient dynamo = engine.dynamoDbClient();

    @BeforeEach
    void createTable() {
        dynamo.createTable(r -> r.tableName("txcap")
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"), a -> a.attributeName("g")
                        .attributeType("S"))
                .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                .globalSecondaryIndexes(
                        g -> g.indexName("all")
                                .keySchema(k -> k.attributeName("g").keyType("HASH"))
                                .projection(p -> p.projectionType("ALL")),
                        g -> g.indexName("keys")
                                .keySchema(k -> k.attributeName("g").keyType("HASH"))
                                .projection(p -> p.projectionType("KEYS_ONLY"))));
    }

    @AfterEach
    void close() {
        engine.close();
    }

    /** An item of exactly {@code size} bytes by DynamoDB's rules, in both indexes. */
    private static Map<String, AttributeValue> sized(String pk, int size) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(pk));
        item.put("g", AttributeValue.fromS("G"));
        item.put("f", AttributeValue.fromS(""));
        long base = AttributeValues.itemSize(item);
        item.put("f", AttributeValue.fromS("x".repeat((int) (size - base))));
        return item;
    }

    @ParameterizedTest
    @CsvSource({"100, 2, 2, 1", "1024, 2, 2, 1", "1025, 4, 4, 1", "4096, 8, 8, 1", "4097, 10, 10, 2"})
    void aTransactionalPutCostsTwiceTheUnitsOnTheTableAndEachIndexAndAGetTwiceTheReadUnits(
            int size, double tableUnits, double allIndexUnits, double readUnits) {
        Map<String, AttributeValue> item = sized("p" + size, size);
        ConsumedCapacity write = dynamo.transactWriteItems(r -> r.transactItems(TransactWriteItem.builder()
                                .put(p -> p.tableName("txcap").item(item))
                                .build())
                        .returnConsumedCapacity("INDEXES"))
                .consumedCapacity()
                .get(0);

        assertThat(write.table().capacityUnits()).isEqualTo(tableUnits);
        assertThat(write.globalSecondaryIndexes().get("all").capacityUnits()).isEqualTo(allIndexUnits);
        assertThat(write.globalSecondaryIndexes().get("keys").capacityUnits()).isEqualTo(2); // keys only: < 1 KB
        assertThat(write.capacityUnits()).isEqualTo(tableUnits + allIndexUnits + 2);
        assertThat(write.writeCapacityUnits()).isEqualTo(write.capacityUnits());

        ConsumedCapacity read = dynamo.transactGetItems(r -> r.transactItems(TransactGetItem.builder()
                                .get(g -> g.tableName("txcap").key(Map.of("pk", item.get("pk"))))
                                .build())
                        .returnConsumedCapacity("TOTAL"))
                .consumedCapacity()
                .get(0);
        assertThat(read.capacityUnits()).isEqualTo(2 * readUnits);
        assertThat(read.readCapacityUnits()).isEqualTo(2 * readUnits);

        // and the same units are what the engine counts as consumed (the units a throttle debits)
        assertThat(engine.capacity().table("txcap").consumed(true)).isEqualTo(tableUnits);
        assertThat(engine.capacity().index("txcap", "all").consumed(true)).isEqualTo(allIndexUnits);
        assertThat(engine.capacity().table("txcap").consumed(false)).isEqualTo(2 * readUnits);
    }
}
