package dev.singletable.timeline;

import dev.singletable.table.BatchWrites;
import dev.singletable.table.KeyQuery;
import dev.singletable.table.QueryPager;
import dev.singletable.table.SingleTable;
import dev.singletable.table.Slice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Home-timeline feed entries ({@link FeedEntry}, {@link FeedKeys}). Access patterns:
 * <ul>
 *   <li>a user's feed, newest first: Query {@code PK = FEED#<userId> AND begins_with(SK, "TWEET#")}, descending,
 *       filtered on {@code ttl > now} (TTL deletion is lazy: on AWS an expired entry may linger for days);</li>
 *   <li>fan-out, backfill and removal: BatchWriteItem, 25 requests a call, resending what DynamoDB leaves unprocessed.</li>
 * </ul>
 */
@Repository
class FeedRepository {

    private final SingleTable table;
    private final QueryPager pager;

    FeedRepository(SingleTable table, QueryPager pager) {
        this.table = table;
        this.pager = pager;
    }

    public Slice<FeedEntry> feed(
            String ownerId, int limit, @Nullable Map<String, AttributeValue> startKey, Instant now) {
        QueryRequest query = table.query(KeyQuery.Index.TABLE, FeedKeys.partition(ownerId))
                .sortKeyStartsWith(FeedKeys.sortPrefix())
                .filter(
                        "#ttl > :now",
                        Map.of("#ttl", SingleTable.TTL),
                        Map.of(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond()))))
                .newestFirst()
                .build();
        return pager.page(query, limit, startKey, FeedEntry::of);
    }

    /**
     * Puts the entries; putting an entry that exists rewrites it with the same content, so a repeat is harmless. A run
     * of entries of one tweet (a fan-out) shares the attributes they have in common ({@link FeedEntry#toItem(Map)}).
     */
    public void putAll(List<FeedEntry> entries) {
        write(items(entries).stream().map(BatchWrites::put).toList());
    }

    /** The entries' items, in order, each run of one tweet's entries sharing their common attributes. */
    static List<Map<String, AttributeValue>> items(List<FeedEntry> entries) {
        List<Map<String, AttributeValue>> items = new ArrayList<>(entries.size());
        @Nullable FeedEntry previous = null;
        Map<String, AttributeValue> shared = Map.of(); // replaced at the first entry
        for (FeedEntry entry : entries) {
            if (previous == null || !entry.sameTweet(previous)) {
                shared = entry.sharedAttributes();
            }
            items.add(entry.toItem(shared));
            previous = entry;
        }
        return items;
    }

    /** Deletes the entries of these tweets from this feed; deleting an absent entry is a no-op. */
    public void deleteAll(String ownerId, List<String> tweetIds) {
        write(tweetIds.stream()
                .map(tweetId -> BatchWrites.delete(FeedKeys.entry(ownerId, tweetId)))
                .toList());
    }

    /** Deletes one tweet's entry from each of these feeds. */
    public void deleteFromFeeds(List<String> ownerIds, String tweetId) {
        write(ownerIds.stream()
                .map(ownerId -> BatchWrites.delete(FeedKeys.entry(ownerId, tweetId)))
                .toList());
    }

    private void write(List<WriteRequest> requests) {
        BatchWrites.write(table.dynamo(), table.name(), requests);
    }
}
