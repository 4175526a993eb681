package dev.singletable.table;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchWriteResult;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;

/**
 * Deletes many items with BatchWriteItem, 25 keys a request, resending what DynamoDB leaves unprocessed (it may, under
 * throttling, without failing the request) until everything is deleted or a few rounds have passed.
 */
public final class BatchDeletes {

    static final int MAX_BATCH = 25;
    static final int ROUNDS = 5;

    private BatchDeletes() {
    }

    public static <T> void deleteAll(DynamoDbEnhancedClient client, DynamoDbTable<T> table, List<Key> keys) {
        for (int from = 0; from < keys.size(); from += MAX_BATCH) {
            List<Key> pending = keys.subList(from, Math.min(keys.size(), from + MAX_BATCH));
            for (int round = 1; !pending.isEmpty(); round++) {
                if (round > ROUNDS) {
                    throw new RetryableStoreException(pending.size() + " deletes stayed unprocessed", null);
                }
                if (round > 1) {
                    pause(round);
                }
                WriteBatch.Builder<T> batch = WriteBatch.builder(table.tableSchema().itemType().rawClass())
                        .mappedTableResource(table);
                pending.forEach(batch::addDeleteItem);
                BatchWriteResult result = client.batchWriteItem(r -> r.addWriteBatch(batch.build()));
                pending = new ArrayList<>(result.unprocessedDeleteItemsForTable(table));
            }
        }
    }

    private static void pause(int round) {
        try {
            Thread.sleep(25L << round);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while deleting", e);
        }
    }
}
