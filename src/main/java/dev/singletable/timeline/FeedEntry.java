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
        return toItem(sharedAttributes());
    }

    /**
     * The item, made of {@link #sharedAttributes()} of this entry's tweet (or of an entry of the same tweet, see
     * {@link #sameTweet}) and its own key and owner. A tweet's fan-out writes one entry per follower: formatting its
     * time and building its attribute values once per tweet instead of once per entry took a few percent off the
     * listener's work per tweet (docs/benchmarks.md, issue 21). Attribute values are immutable, so items may share them.
     */
    Map<String, AttributeValue> toItem(Map<String, AttributeValue> shared) {
        Map<String, AttributeValue> item = new HashMap<>(16);
        item.putAll(shared);
        item.putAll(FeedKeys.entry(ownerId, tweetId));
        item.put("ownerId", AttributeValue.fromS(ownerId));
        return item;
    }

    /** Every attribute of the item but its key and owner: the same for every follower's entry of one tweet. */
    Map<String, AttributeValue> sharedAttributes() {
        return Map.of(
                SingleTable.ENTITY_TYPE,
                AttributeValue.fromS(FeedKeys.ENTITY_TYPE),
                "tweetId",
                AttributeValue.fromS(tweetId),
                "authorId",
                AttributeValue.fromS(authorId),
                "authorUsername",
                AttributeValue.fromS(authorUsername),
                "text",
                AttributeValue.fromS(text),
                "createdAt",
                AttributeValue.fromS(createdAt.toString()),
                SingleTable.TTL,
                AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())));
    }

    /** Whether the other entry has the same {@link #sharedAttributes()}: the same tweet and expiry, another owner. */
    boolean sameTweet(FeedEntry other) {
        return tweetId.equals(other.tweetId)
                && authorId.equals(other.authorId)
                && authorUsername.equals(other.authorUsername)
                && text.equals(other.text)
                && createdAt.equals(other.createdAt)
                && expiresAt.equals(other.expiresAt);
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
