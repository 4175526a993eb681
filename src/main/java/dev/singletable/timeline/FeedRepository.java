package dev.singletable.timeline;

import dev.singletable.table.QueryPager;
import dev.singletable.table.RetryableStoreException;
import dev.singletable.table.SingleTable;
import dev.singletable.table.Slice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Repository;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Home-timeline feed entries ({@link FeedEntry}). Access patterns:
 * <ul>
 *   <li>a user's feed, newest first: Query {@code PK = FEED#<userId> AND begins_with(SK, "TWEET#")}, descending,
 *       filtered on {@code ttl > now} (TTL deletion is lazy: on AWS an expired entry may linger for days);</li>
 *   <li>fan-out, backfill and removal: BatchWriteItem, 25 requests a call, resending what DynamoDB leaves unprocessed.</li>
 * </ul>
 */
@Repository
public class FeedRepository {

    static final int MAX_BATCH = 25;
    static final int ROUNDS = 6;

    private final SingleTable table;
    private final QueryPager pager;

    public FeedRepository(SingleTable table, QueryPager pager) {
        this.table = table;
        this.pager = pager;
    }

    public Slice<FeedEntry> feed(String ownerId, int limit, Map<String, AttributeValue> startKey, Instant now) {
        QueryRequest query = QueryRequest.builder()
                .tableName(table.name())
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .filterExpression("#ttl > :now")
                .expressionAttributeNames(Map.of("#pk", SingleTable.PK, "#sk", SingleTable.SK, "#ttl", SingleTable.TTL))
                .expressionAttributeValues(Map.of(
                        ":pk", AttributeValue.fromS(FeedEntry.partitionKey(ownerId)),
                        ":prefix", AttributeValue.fromS(FeedEntry.SORT_PREFIX),
                        ":now", AttributeValue.fromN(Long.toString(now.getEpochSecond()))))
                .scanIndexForward(false)
                .build();
        return pager.page(query, limit, startKey, FeedEntry::of);
    }

    /** Puts the entries; putting an entry that exists rewrites it with the same content, so a repeat is harmless. */
    public void putAll(List<FeedEntry> entries) {
        write(entries.stream()
                .map(entry -> WriteRequest.builder().putRequest(PutRequest.builder().item(entry.toItem()).build()).build())
                .toList());
    }

    /** Deletes the entries of these tweets from this feed; deleting an absent entry is a no-op. */
    public void deleteAll(String ownerId, List<String> tweetIds) {
        write(tweetIds.stream()
                .map(tweetId -> WriteRequest.builder()
                        .deleteRequest(DeleteRequest.builder().key(FeedEntry.key(ownerId, tweetId)).build()).build())
                .toList());
    }

    /** Deletes one tweet's entry from each of these feeds. */
    public void deleteFromFeeds(List<String> ownerIds, String tweetId) {
        write(ownerIds.stream()
                .map(ownerId -> WriteRequest.builder()
                        .deleteRequest(DeleteRequest.builder().key(FeedEntry.key(ownerId, tweetId)).build()).build())
                .toList());
    }

    /**
     * BatchWriteItem takes 25 requests at most and may leave some unprocessed (throttling) without failing: those are
     * resent with a growing pause. A batch also refuses two requests on one key, which the callers never build.
     */
    private void write(List<WriteRequest> requests) {
        for (int from = 0; from < requests.size(); from += MAX_BATCH) {
            List<WriteRequest> pending = requests.subList(from, Math.min(requests.size(), from + MAX_BATCH));
            for (int round = 1; !pending.isEmpty(); round++) {
                if (round > ROUNDS) {
                    throw new RetryableStoreException(pending.size() + " feed writes stayed unprocessed", null);
                }
                if (round > 1) {
                    pause(round);
                }
                List<WriteRequest> batch = pending;
                BatchWriteItemResponse response = table.dynamo()
                        .batchWriteItem(r -> r.requestItems(Map.of(table.name(), batch)));
                pending = new ArrayList<>(response.hasUnprocessedItems()
                        ? response.unprocessedItems().getOrDefault(table.name(), List.of())
                        : List.of());
            }
        }
    }

    private static void pause(int round) {
        try {
            Thread.sleep(Math.min(1_000L, 10L << round));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing feeds", e);
        }
    }
}
