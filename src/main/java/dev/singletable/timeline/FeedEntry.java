package dev.singletable.timeline;

import dev.singletable.table.CanonicalInstants;
import dev.singletable.table.SingleTable;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One tweet in one user's home timeline ({@link FeedKeys}), written by the fan-out when the tweet is posted
 * ({@link TimelineProjector}). The author and text are copied, so a page needs no further reads; {@code ttl} (epoch
 * seconds) lets DynamoDB drop the entry once it is older than the feed's window. A record rather than a bean: entries are
 * written in batches by the low-level client and never updated, so the mapping is the two methods below.
 *
 * @param ownerId   whose feed this entry is in (a follower of the author)
 * @param expiresAt when the entry leaves the feed
 */
record FeedEntry(
        String ownerId,
        String tweetId,
        String authorId,
        String authorUsername,
        String text,
        Instant createdAt,
        Instant expiresAt) {

    Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>(FeedKeys.entry(ownerId, tweetId));
        item.put(SingleTable.ENTITY_TYPE, AttributeValue.fromS(FeedKeys.ENTITY_TYPE));
        item.put("ownerId", AttributeValue.fromS(ownerId));
        item.put("tweetId", AttributeValue.fromS(tweetId));
        item.put("authorId", AttributeValue.fromS(authorId));
        item.put("authorUsername", AttributeValue.fromS(authorUsername));
        item.put("text", AttributeValue.fromS(text));
        item.put("createdAt", AttributeValue.fromS(createdAt.toString()));
        item.put(SingleTable.TTL, AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())));
        return item;
    }

    static FeedEntry of(Map<String, AttributeValue> item) {
        return new FeedEntry(
                attribute(item, "ownerId").s(),
                attribute(item, "tweetId").s(),
                attribute(item, "authorId").s(),
                attribute(item, "authorUsername").s(),
                attribute(item, "text").s(),
                CanonicalInstants.parse(attribute(item, "createdAt").s()),
                Instant.ofEpochSecond(
                        Long.parseLong(attribute(item, SingleTable.TTL).n())));
    }

    /** An attribute {@link #toItem} always writes. */
    private static AttributeValue attribute(Map<String, AttributeValue> item, String name) {
        return Objects.requireNonNull(item.get(name), name);
    }
}
