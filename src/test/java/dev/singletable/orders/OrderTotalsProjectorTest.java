package dev.singletable.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.streams.DrivenListeners;
import dev.singletable.streams.OnceOnly;
import dev.singletable.streams.Projector;
import dev.singletable.support.TestStores;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
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

    /**
     * The totals of a listener round commit together (issue 21: one transaction per order, each writing the profile
     * once more, was a fifth of the listener's CPU under a burst of orders), and they are exactly those of one record
     * at a time: seeded random orders and cancellations by three users, projected by one instance that "crashes"
     * before its checkpoints and re-read from the stream's start by the next.
     */
    @Test
    void aRoundsTotalsCommitInOneTransactionAndEqualOneOrderAtATime() {
        Random random = new Random(20261205);
        List<String> owners = List.of("ann", "bob", "cy");
        owners.forEach(owner ->
                put(Map.of("PK", s("USER#" + owner), "SK", s("PROFILE"), "entityType", s("User"), "userId", s(owner))));
        Map<String, long[]> expected = new HashMap<>();
        owners.forEach(owner -> expected.put(owner, new long[2]));
        for (int i = 0; i < 30; i++) {
            String owner = owners.get(random.nextInt(owners.size()));
            long total = 1 + random.nextInt(10_000);
            order("o" + i, owner, total);
            expected.get(owner)[0]++;
            expected.get(owner)[1] += total;
            if (random.nextInt(4) == 0) {
                status("o" + i, "CANCELLED");
                expected.get(owner)[0]--;
                expected.get(owner)[1] -= total;
            } else if (random.nextBoolean()) {
                status("o" + i, "PAID");
            }
        }

        AtomicInteger transactions = new AtomicInteger();
        List<Projector> counted =
                List.of(new OrderTotalsProjector(new OnceOnly(counting(transactions), TABLE, Clock.systemUTC())));
        DrivenListeners.Driven crashing = DrivenListeners.crashingBeforeCheckpoints(store, TABLE, "first", counted);
        crashing.drain();
        crashing.stop();
        assertThat(transactions).hasValue(1);
        owners.forEach(owner -> assertTotals(owner, expected.get(owner)[0], expected.get(owner)[1]));

        DrivenListeners.Driven restarted = DrivenListeners.driven(store, TABLE, "second", totals());
        restarted.drain();
        restarted.stop();
        owners.forEach(owner -> assertTotals(owner, expected.get(owner)[0], expected.get(owner)[1]));
    }

    /** The store's client, counting its TransactWriteItems calls. */
    private DynamoDbClient counting(AtomicInteger transactions) {
        DynamoDbClient target = store.dynamo();
        return (DynamoDbClient) Proxy.newProxyInstance(
                DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("transactWriteItems")) {
                        transactions.incrementAndGet();
                    }
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void assertTotals(long orders, long spentCents) {
        assertTotals("ann", orders, spentCents);
    }

    private void assertTotals(String owner, long orders, long spentCents) {
        var profile = store.dynamo()
                .getItem(r -> r.tableName(TABLE).key(Map.of("PK", s("USER#" + owner), "SK", s("PROFILE"))))
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
