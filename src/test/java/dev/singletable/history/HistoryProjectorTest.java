package dev.singletable.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.streams.DrivenListeners;
import dev.singletable.support.TestStores;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The history projection against the bundled engine's stream, rounds driven synchronously. */
class HistoryProjectorTest {

    private static final String TABLE = "history-test";

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
    void everyChangeIsRecordedOnceInTheHistoryTableWithBothImagesEvenWhenRedelivered() {
        String historyTable = HistoryProjector.historyTableOf(TABLE);
        new HistoryTableBootstrap(store.dynamo(), historyTable).ensureTable();
        HistoryProjector history = new HistoryProjector(store.dynamo(), historyTable);
        store.dynamo().putItem(r -> r.tableName(TABLE)
                .item(Map.of("PK", s("USER#ann"), "SK", s("PROFILE"), "entityType", s("User"), "userId", s("ann"))));
        store.dynamo().updateItem(r -> r.tableName(TABLE)
                .key(Map.of("PK", s("USER#ann"), "SK", s("PROFILE")))
                .updateExpression("SET displayName = :d")
                .expressionAttributeValues(Map.of(":d", s("Ann"))));
        store.dynamo().deleteItem(r -> r.tableName(TABLE).key(Map.of("PK", s("USER#ann"), "SK", s("PROFILE"))));

        DrivenListeners.Driven crashing =
                DrivenListeners.crashingBeforeCheckpoints(store, TABLE, "first", List.of(history));
        crashing.drain();
        crashing.stop();
        DrivenListeners.driven(store, TABLE, "second", List.of(history)).drain();

        var items = store.dynamo()
                .query(r -> r.tableName(historyTable)
                        .keyConditionExpression("PK = :pk")
                        .expressionAttributeValues(
                                Map.of(":pk", s(HistoryProjector.historyKey("USER#ann", "PROFILE")))))
                .items();
        assertThat(items).extracting(i -> i.get("eventName").s()).containsExactly("INSERT", "MODIFY", "REMOVE");
        assertThat(items.get(1).get("oldImage").m()).doesNotContainKey("displayName");
        assertThat(items.get(1).get("newImage").m().get("displayName").s()).isEqualTo("Ann");
        assertThat(items.get(2).get("oldImage").m().get("displayName").s()).isEqualTo("Ann");
        assertThat(items.get(2)).doesNotContainKey("newImage").doesNotContainKey("principal");
    }

    /**
     * Issue 21: in endpoint mode every store call is a round trip of the listener's one thread, so one PutItem per
     * change made the history the listener's largest share of calls. A batch of changes is written 25 to a
     * BatchWriteItem call.
     */
    @Test
    void aBatchOfChangesIsWrittenWithOneBatchWriteItemCallPer25Changes() {
        String historyTable = HistoryProjector.historyTableOf(TABLE);
        new HistoryTableBootstrap(store.dynamo(), historyTable).ensureTable();
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        DynamoDbClient counting = (DynamoDbClient) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    calls.computeIfAbsent(method.getName(), n -> new AtomicInteger())
                            .incrementAndGet();
                    try {
                        return method.invoke(store.dynamo(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        HistoryProjector history = new HistoryProjector(counting, historyTable);
        for (int i = 0; i < 30; i++) {
            String id = "u" + i;
            store.dynamo().putItem(r -> r.tableName(TABLE)
                    .item(Map.of("PK", s("USER#" + id), "SK", s("PROFILE"), "entityType", s("User"), "userId", s(id))));
        }

        DrivenListeners.driven(store, TABLE, "batched", List.of(history)).drain();

        assertThat(store.dynamo().scan(r -> r.tableName(historyTable)).items()).hasSize(30);
        assertThat(calls.getOrDefault("putItem", new AtomicInteger()).get()).isZero();
        assertThat(calls.get("batchWriteItem").get()).isEqualTo(2);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
