package dev.singletable.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.streams.DrivenListeners;
import dev.singletable.streams.Projector;
import dev.singletable.support.TestStores;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Order totals from the order headers' changes, exact across a restart that re-delivers everything. */
class OrderTotalsProjectorTest {

    private static final String TABLE = "order-totals-test";

    private TestStores.StreamStore store;

    @BeforeEach
    void open() {
        store = TestStores.withTableAndStream(TABLE);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void ordersCountFromTheirInsertACancelTakesOneBackAndOtherStatusChangesMoveNothing() {
        put(Map.of("PK", s("USER#ann"), "SK", s("PROFILE"), "entityType", s("User"), "userId", s("ann")));
        order("o1", "ann", 1000);
        order("o2", "ann", 250);
        order("o3", "ann", 4000);
        status("o1", "PAID");
        status("o2", "CANCELLED");
        status("o1", "SHIPPED");
        put(Map.of(
                "PK",
                s("ORDER#o1"),
                "SK",
                s("LINE#MUG"),
                "entityType",
                s("OrderLine"),
                "orderId",
                s("o1"),
                "quantity",
                n(1),
                "priceCents",
                n(1000)));

        // the first instance projects everything and "crashes" before its checkpoints reach the table
        DrivenListeners.Driven crashing = DrivenListeners.crashingBeforeCheckpoints(store, TABLE, "first", totals());
        crashing.drain();
        crashing.stop();
        assertTotals(2, 5000);

        // the next instance re-reads the stream from its start: nothing moves twice
        DrivenListeners.Driven restarted = DrivenListeners.driven(store, TABLE, "second", totals());
        restarted.drain();
        assertTotals(2, 5000);
        restarted.stop();
    }

    private void assertTotals(long orders, long spentCents) {
        var profile = store.dynamo()
                .getItem(r -> r.tableName(TABLE).key(Map.of("PK", s("USER#ann"), "SK", s("PROFILE"))))
                .item();
        assertThat(profile.get("orders").n()).isEqualTo(Long.toString(orders));
        assertThat(profile.get("spentCents").n()).isEqualTo(Long.toString(spentCents));
        assertThat(profile).doesNotContainKey("version");
    }

    private List<Projector> totals() {
        return List.of(new OrderTotalsProjector(DrivenListeners.onceOnly(store, TABLE)));
    }

    private void order(String orderId, String ownerId, long totalCents) {
        put(Map.of(
                "PK",
                s("ORDER#" + orderId),
                "SK",
                s("ORDER"),
                "entityType",
                s("Order"),
                "orderId",
                s(orderId),
                "ownerId",
                s(ownerId),
                "status",
                s("PLACED"),
                "totalCents",
                n(totalCents)));
    }

    private void status(String orderId, String status) {
        store.dynamo().updateItem(r -> r.tableName(TABLE)
                .key(Map.of("PK", s("ORDER#" + orderId), "SK", s("ORDER")))
                .updateExpression("SET #status = :status")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":status", s(status))));
    }

    private void put(Map<String, AttributeValue> item) {
        store.dynamo().putItem(r -> r.tableName(TABLE).item(item));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
