package dev.singletable.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.streams.DrivenListeners;
import dev.singletable.support.TestStores;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
        store.dynamo().putItem(r -> r.tableName(TABLE).item(Map.of("PK", s("USER#ann"), "SK", s("PROFILE"),
                "entityType", s("User"), "userId", s("ann"))));
        store.dynamo().updateItem(r -> r.tableName(TABLE).key(Map.of("PK", s("USER#ann"), "SK", s("PROFILE")))
                .updateExpression("SET displayName = :d").expressionAttributeValues(Map.of(":d", s("Ann"))));
        store.dynamo().deleteItem(r -> r.tableName(TABLE).key(Map.of("PK", s("USER#ann"), "SK", s("PROFILE"))));

        DrivenListeners.Driven crashing = DrivenListeners.crashingBeforeCheckpoints(store, TABLE, "first",
                List.of(history));
        crashing.drain();
        crashing.stop();
        DrivenListeners.driven(store, TABLE, "second", List.of(history)).drain();

        var items = store.dynamo().query(r -> r.tableName(historyTable).keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", s(HistoryProjector.historyKey("USER#ann", "PROFILE")))))
                .items();
        assertThat(items).extracting(i -> i.get("eventName").s()).containsExactly("INSERT", "MODIFY", "REMOVE");
        assertThat(items.get(1).get("oldImage").m()).doesNotContainKey("displayName");
        assertThat(items.get(1).get("newImage").m().get("displayName").s()).isEqualTo("Ann");
        assertThat(items.get(2).get("oldImage").m().get("displayName").s()).isEqualTo("Ann");
        assertThat(items.get(2)).doesNotContainKey("newImage").doesNotContainKey("principal");
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
