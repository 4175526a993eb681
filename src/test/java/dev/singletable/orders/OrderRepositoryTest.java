package dev.singletable.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.catalog.ProductStock;
import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.orders.OrderRepository.NewItems;
import dev.singletable.orders.OrderRepository.StoredOrder;
import dev.singletable.table.Conditions;
import dev.singletable.table.SingleTable;
import dev.singletable.table.TableProperties;
import dev.singletable.table.Ulid;
import java.lang.reflect.Constructor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * An order's new items go into its transaction as the Puts the enhanced client's transaction builder makes of them
 * (item, table, {@code attribute_not_exists(#pk)}), built directly ({@link OrderRepository#newItem}, issue 21): the same
 * actions, compared on seeded random orders (seed 20261205).
 */
class OrderRepositoryTest {

    @Test
    void anOrdersNewItemsAreTheActionsTheEnhancedClientMakes() throws ReflectiveOperationException {
        DynamoDbClient dynamo = EmbeddedEngine.inMemory().dynamoDbClient();
        DynamoDbEnhancedClient enhanced =
                DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
        SingleTable table = new SingleTable(enhanced, dynamo, new TableProperties("singletable"));
        Constructor<ProductStock> stock = ProductStock.class.getDeclaredConstructor(SingleTable.class);
        stock.setAccessible(true);
        OrderRepository repository = new OrderRepository(table, null, new StatusShards(4), stock.newInstance(table));

        Random random = new Random(20261205);
        for (int i = 0; i < 200; i++) {
            List<OrderLine> lines = new ArrayList<>();
            for (int line = 0, count = 1 + random.nextInt(4); line < count; line++) {
                lines.add(new OrderLine(
                        "SKU-" + random.nextInt(1000),
                        random.nextBoolean() ? "Mug" : "Tea pot, \"large\" " + random.nextInt(),
                        1 + random.nextInt(20),
                        random.nextInt(100_000)));
            }
            Instant at =
                    Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000), random.nextInt(1_000_000_000));
            StoredOrder order = new StoredOrder(
                    Ulid.next(), "user" + random.nextInt(50), "PLACED", random.nextInt(1_000_000), at, lines);
            NewItems items = repository.newItems(
                    order,
                    "key-" + random.nextLong(),
                    Long.toHexString(random.nextLong()),
                    at.getEpochSecond() + 86_400);

            assertThat(repository.newItem(OrderItem.SCHEMA, items.header()))
                    .isEqualTo(enhancedPut(table.of(OrderItem.SCHEMA), OrderItem.class, items.header()));
            for (OrderLineItem line : items.lines()) {
                assertThat(repository.newItem(OrderLineItem.SCHEMA, line))
                        .isEqualTo(enhancedPut(table.of(OrderLineItem.SCHEMA), OrderLineItem.class, line));
            }
            assertThat(repository.newItem(IdempotencyRecordItem.SCHEMA, items.record()))
                    .isEqualTo(enhancedPut(
                            table.of(IdempotencyRecordItem.SCHEMA), IdempotencyRecordItem.class, items.record()));
        }
    }

    /** What the enhanced client's transaction builder makes of a put on {@link Conditions#NEW_ITEM} (as before). */
    private static <T> TransactWriteItem enhancedPut(DynamoDbTable<T> table, Class<T> type, T item) {
        return TransactWriteItemsEnhancedRequest.builder()
                .addPutItem(
                        table,
                        TransactPutItemEnhancedRequest.builder(type)
                                .item(item)
                                .conditionExpression(Conditions.NEW_ITEM)
                                .build())
                .build()
                .transactWriteItems()
                .get(0);
    }
}
