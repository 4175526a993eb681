package dev.singletable.history;

import dev.singletable.streams.BatchProjector;
import dev.singletable.table.SingleTable;
import dev.singletable.timeline.FeedKeys;
import dev.singletable.users.UserSecrets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * "Streams as a way to store history in another table": every change of the main table becomes an item of
 * {@code <table>-history} with {@code PK = <PK>|<SK>} of the changed item and {@code SK = <time>#<sequenceNumber>}, holding
 * the event name, both images and, for a TTL deletion, the service identity ({@code dynamodb.amazonaws.com}). The key is
 * derived from the record alone, so a re-delivered record overwrites its own history item with the same content.
 */
class HistoryProjector implements BatchProjector {

    private static final int BATCH = 25;
    private static final int MAX_ATTEMPTS = 5;

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
        dynamo.putItem(r -> r.tableName(historyTable).item(historyItem(record)));
    }

    /**
     * The batch's history items, 25 to a BatchWriteItem call (its limit), the unprocessed ones sent again after a
     * short pause; a record delivered twice in one batch is written once (BatchWriteItem refuses a key twice).
     */
    @Override
    public void applyAll(List<Record> records) {
        Map<String, WriteRequest> byKey = new LinkedHashMap<>();
        for (Record record : records) {
            Map<String, AttributeValue> item = historyItem(record);
            // the item's key derives from the record, whose sequence number is unique in the stream
            byKey.put(
                    record.dynamodb().sequenceNumber(),
                    WriteRequest.builder().putRequest(p -> p.item(item)).build());
        }
        List<WriteRequest> all = new ArrayList<>(byKey.values());
        for (int from = 0; from < all.size(); from += BATCH) {
            List<WriteRequest> chunk = all.subList(from, Math.min(all.size(), from + BATCH));
            for (int attempt = 1; !chunk.isEmpty(); attempt++) {
                if (attempt > MAX_ATTEMPTS) {
                    throw new IllegalStateException(chunk.size() + " history items stayed unprocessed");
                }
                if (attempt > 1) {
                    pause(attempt);
                }
                List<WriteRequest> sending = chunk;
                chunk = dynamo.batchWriteItem(r -> r.requestItems(Map.of(historyTable, sending)))
                        .unprocessedItems()
                        .getOrDefault(historyTable, List.of());
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(25L << Math.min(attempt, 6));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing history", e);
        }
    }

    private static Map<String, AttributeValue> historyItem(Record record) {
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
        return item;
    }
}
