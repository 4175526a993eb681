package dev.singletable.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Many puts and deletes with BatchWriteItem: 25 requests a call (its limit), resending what DynamoDB leaves
 * unprocessed — it may, under throttling, without failing the call — with a growing pause, until everything is written
 * or a few rounds have passed. A batch also refuses two requests on one key, which the callers never build. Nothing
 * here is conditional: a put rewrites an item whole and a delete of an absent item is a no-op, so a repeat is harmless.
 */
public final class BatchWrites {

    static final int MAX_BATCH = 25;
    static final int ROUNDS = 6;

    private BatchWrites() {}

    public static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder()
                .putRequest(PutRequest.builder().item(item).build())
                .build();
    }

    public static WriteRequest delete(Map<String, AttributeValue> key) {
        return WriteRequest.builder()
                .deleteRequest(DeleteRequest.builder().key(key).build())
                .build();
    }

    /** @throws RetryableStoreException when some requests stayed unprocessed through every round */
    public static void write(DynamoDbClient dynamo, String tableName, List<WriteRequest> requests) {
        for (int from = 0; from < requests.size(); from += MAX_BATCH) {
            List<WriteRequest> pending = requests.subList(from, Math.min(requests.size(), from + MAX_BATCH));
            for (int round = 1; !pending.isEmpty(); round++) {
                if (round > ROUNDS) {
                    throw new RetryableStoreException(pending.size() + " batch writes stayed unprocessed", null);
                }
                if (round > 1) {
                    pause(round);
                }
                List<WriteRequest> batch = pending;
                BatchWriteItemResponse response = dynamo.batchWriteItem(r -> r.requestItems(Map.of(tableName, batch)));
                pending = new ArrayList<>(
                        response.hasUnprocessedItems()
                                ? response.unprocessedItems().getOrDefault(tableName, List.of())
                                : List.of());
            }
        }
    }

    private static void pause(int round) {
        try {
            Thread.sleep(Math.min(1_000L, 10L << round));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a batch", e);
        }
    }
}
