package dev.singletable.timeline;

import dev.singletable.table.CanonicalInstants;
import dev.singletable.table.SingleTable;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One tweet in one user's home timeline, written by the stream listener when the tweet is posted (fan-out on write):
 * {@code PK = FEED#<ownerId>}, {@code SK = TWEET#<tweetId>}. Tweet ids are ULIDs, so a descending Query of the partition
 * reads the feed newest first. The author and text are copied, so a page needs no further reads; {@code ttl} (epoch
 * seconds) lets DynamoDB drop the entry once it is older than the feed's window.
 *
 * @param ownerId   whose feed this entry is in (a follower of the author)
 * @param expiresAt when the entry leaves the feed
 */
public record FeedEntry(String ownerId, String tweetId, String authorId, String authorUsername, String text,
                        Instant createdAt, Instant expiresAt) {

    public static final String ENTITY_TYPE = "FeedEntry";
    public static final String SORT_PREFIX = "TWEET#";

    public static String partitionKey(String ownerId) {
        return "FEED#" + ownerId;
    }

    /** The key of the entry of a tweet in a user's feed (present or not). */
    public static Map<String, AttributeValue> key(String ownerId, String tweetId) {
        return Map.of(SingleTable.PK, AttributeValue.fromS(partitionKey(ownerId)),
                SingleTable.SK, AttributeValue.fromS(SORT_PREFIX + tweetId));
    }

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>(key(ownerId, tweetId));
        item.put(SingleTable.ENTITY_TYPE, AttributeValue.fromS(ENTITY_TYPE));
        item.put("ownerId", AttributeValue.fromS(ownerId));
        item.put("tweetId", AttributeValue.fromS(tweetId));
        item.put("authorId", AttributeValue.fromS(authorId));
        item.put("authorUsername", AttributeValue.fromS(authorUsername));
        item.put("text", AttributeValue.fromS(text));
        item.put("createdAt", AttributeValue.fromS(createdAt.toString()));
        item.put(SingleTable.TTL, AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())));
        return item;
    }

    public static FeedEntry of(Map<String, AttributeValue> item) {
        return new FeedEntry(item.get("ownerId").s(), item.get("tweetId").s(), item.get("authorId").s(),
                item.get("authorUsername").s(), item.get("text").s(), CanonicalInstants.parse(item.get("createdAt").s()),
                Instant.ofEpochSecond(Long.parseLong(item.get(SingleTable.TTL).n())));
    }
}
