package dev.singletable.history;

import dev.singletable.streams.Projector;
import dev.singletable.table.SingleTable;
import dev.singletable.timeline.FeedKeys;
import dev.singletable.users.UserSecrets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * "Streams as a way to store history in another table": every change of the main table becomes an item of
 * {@code <table>-history} with {@code PK = <PK>|<SK>} of the changed item and {@code SK = <time>#<sequenceNumber>}, holding
 * the event name, both images and, for a TTL deletion, the service identity ({@code dynamodb.amazonaws.com}). The key is
 * derived from the record alone, so a re-delivered record overwrites its own history item with the same content.
 */
class HistoryProjector implements Projector {

    private final DynamoDbClient dynamo;
    private final String historyTable;

    HistoryProjector(DynamoDbClient dynamo, String historyTable) {
        this.dynamo = dynamo;
        this.historyTable = historyTable;
    }

    /** The history table of a main table. */
    public static String historyTableOf(String tableName) {
        return tableName + "-history";
    }

    /** The history partition of an item. */
    public static String historyKey(String pk, String sk) {
        return pk + "|" + sk;
    }

    /** A key attribute of the changed item: every stream record carries the item's whole primary key. */
    private static String key(Map<String, AttributeValue> keys, String name) {
        return Objects.requireNonNull(keys.get(name), name).s();
    }

    @Override
    public String name() {
        return "history";
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of();
    }

    /**
     * Every item type of the service (the listener never delivers its own bookkeeping) except derived read models:
     * a feed entry is a copy of a tweet, whose own history is recorded, and a fan-out would multiply history writes by
     * the author's followers. Nor items that hold secrets (a user's credentials): a secret never leaves its item
     * ({@link UserSecrets}); images of other items are recorded without secret attributes.
     */
    @Override
    public boolean subscribes(@Nullable String entityType) {
        return !FeedKeys.ENTITY_TYPE.equals(entityType) && !UserSecrets.isSecretItem(entityType);
    }

    @Override
    public void apply(Record record) {
        var data = record.dynamodb();
        Map<String, AttributeValue> keys = data.keys();
        Instant at = data.approximateCreationDateTime() == null ? Instant.EPOCH : data.approximateCreationDateTime();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", AttributeValue.fromS(historyKey(key(keys, SingleTable.PK), key(keys, SingleTable.SK))));
        item.put("SK", AttributeValue.fromS(at + "#" + data.sequenceNumber()));
        item.put("eventName", AttributeValue.fromS(record.eventNameAsString()));
        item.put("sequenceNumber", AttributeValue.fromS(data.sequenceNumber()));
        item.put("changedAt", AttributeValue.fromS(at.toString()));
        if (data.hasOldImage()) {
            item.put("oldImage", AttributeValue.fromM(UserSecrets.withoutSecrets(data.oldImage())));
        }
        if (data.hasNewImage()) {
            item.put("newImage", AttributeValue.fromM(UserSecrets.withoutSecrets(data.newImage())));
        }
        if (record.userIdentity() != null) {
            item.put("principal", AttributeValue.fromS(record.userIdentity().principalId()));
            item.put("identityType", AttributeValue.fromS(record.userIdentity().type()));
        }
        dynamo.putItem(r -> r.tableName(historyTable).item(item));
    }
}
