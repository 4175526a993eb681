package dev.singletable.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.singletable.support.TestStores;
import dev.singletable.table.SingleTable;
import dev.singletable.table.TableBootstrap;
import dev.singletable.table.TableLayout;
import dev.singletable.table.TableLayoutLoader;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The orders' status index, keyed by the header's own attributes: partition key ({@code status}, {@code statusShard}),
 * sort key {@code orderId} — a multi-attribute key instead of the synthetic {@code ORDER_STATUS#<status>#<shard>} /
 * {@code ORDER#<orderId>} pair the index used to need (docs/data-model.md, "Two ways to key an index").
 */
class StatusIndexTest {

    private static final String TABLE = "status-index";

    @Test
    void theIndexIsQueriedByEveryPartitionAttributeAndARangeOnTheSortAttribute() {
        try (var store = TestStores.withTable(TABLE)) {
            DynamoDbTable<OrderItem> orders = DynamoDbEnhancedClient.builder()
                    .dynamoDbClient(store.dynamo())
                    .build()
                    .table(TABLE, OrderItem.SCHEMA);
            orders.putItem(header("01A", "PLACED", 1));
            orders.putItem(header("01B", "PLACED", 1));
            orders.putItem(header("01C", "PLACED", 1));
            orders.putItem(header("01D", "PLACED", 2));
            orders.putItem(header("01E", "SHIPPED", 1));

            // The item carries no synthetic index key: the index reads status, statusShard and orderId themselves.
            assertThat(OrderItem.SCHEMA.itemToMap(header("01A", "PLACED", 1), true))
                    .doesNotContainKeys("GSI2PK", "GSI2SK");

            // equality on both partition attributes, a range on the sort attribute (the last key part given)
            assertThat(orderIds(
                            store.dynamo(),
                            "#st = :st AND #sh = :sh AND #id > :after",
                            Map.of(
                                    ":st",
                                    AttributeValue.fromS("PLACED"),
                                    ":sh",
                                    AttributeValue.fromN("1"),
                                    ":after",
                                    AttributeValue.fromS("01A"))))
                    .containsExactly("01C", "01B");
            // the clauses may come in any order; without a sort condition the whole shard, newest first
            assertThat(orderIds(
                            store.dynamo(),
                            "#sh = :sh AND #st = :st",
                            Map.of(":st", AttributeValue.fromS("PLACED"), ":sh", AttributeValue.fromN("1"))))
                    .containsExactly("01C", "01B", "01A");

            // a status change is a write of `status`: the entry moves to the new status's partition by itself
            OrderItem shipped = new OrderItem();
            shipped.setOrderId("01B");
            shipped.setStatus("SHIPPED");
            shipped.setStatusShard(1);
            orders.updateItem(r -> r.item(shipped).ignoreNulls(true));
            assertThat(orderIds(
                            store.dynamo(),
                            "#st = :st AND #sh = :sh",
                            Map.of(":st", AttributeValue.fromS("SHIPPED"), ":sh", AttributeValue.fromN("1"))))
                    .containsExactly("01E", "01B");

            // every partition attribute must be given, with equality
            assertThatThrownBy(
                            () -> orderIds(store.dynamo(), "#st = :st", Map.of(":st", AttributeValue.fromS("PLACED"))))
                    .isInstanceOf(DynamoDbException.class)
                    .hasMessageContaining("HASH key attributes")
                    .hasMessageContaining("statusShard");
        }
    }

    @Test
    void aTableMadeBeforeTheIndexGetsItAtBootstrapBackfilledFromTheHeadersOwnAttributes() {
        TableLayout current = TableLayoutLoader.load();
        List<String> newAttributes = List.of("status", "statusShard", "orderId");
        TableLayout older = new TableLayout(
                current.description(),
                current.attributeDefinitions().stream()
                        .filter(attribute -> !newAttributes.contains(attribute.name()))
                        .toList(),
                current.partitionKey(),
                current.sortKey(),
                current.globalSecondaryIndexes().stream()
                        .filter(index -> !index.name().equals(SingleTable.ORDERS_BY_STATUS))
                        .toList(),
                current.localSecondaryIndexes(),
                current.timeToLiveAttribute(),
                current.streamViewType());
        try (var store = TestStores.withTable("unrelated")) {
            new TableBootstrap(store.dynamo(), TABLE, older).ensureTable();
            DynamoDbTable<OrderItem> orders = DynamoDbEnhancedClient.builder()
                    .dynamoDbClient(store.dynamo())
                    .build()
                    .table(TABLE, OrderItem.SCHEMA);
            orders.putItem(header("01A", "PLACED", 3));

            new TableBootstrap(store.dynamo(), TABLE, current).ensureTable();

            assertThat(orderIds(
                            store.dynamo(),
                            "#st = :st AND #sh = :sh",
                            Map.of(":st", AttributeValue.fromS("PLACED"), ":sh", AttributeValue.fromN("3"))))
                    .containsExactly("01A");
        }
    }

    private static List<String> orderIds(
            DynamoDbClient dynamo, String keyCondition, Map<String, AttributeValue> values) {
        Map<String, String> names = new HashMap<>();
        Map.of("#st", "status", "#sh", "statusShard", "#id", "orderId").forEach((placeholder, name) -> {
            if (keyCondition.contains(placeholder)) {
                names.put(placeholder, name);
            }
        });
        return dynamo
                .query(QueryRequest.builder()
                        .tableName(TABLE)
                        .indexName(SingleTable.ORDERS_BY_STATUS)
                        .keyConditionExpression(keyCondition)
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .scanIndexForward(false)
                        .build())
                .items()
                .stream()
                .map(item -> item.get("orderId").s())
                .toList();
    }

    private static OrderItem header(String orderId, String status, int shard) {
        OrderItem header = new OrderItem();
        header.setOrderId(orderId);
        header.setOwnerId("owner");
        header.setStatus(status);
        header.setStatusShard(shard);
        header.setTotalCents(100L);
        header.setCreatedAt(Instant.EPOCH);
        return header;
    }
}
