package dev.singletable.tweets;

import dev.singletable.table.CanonicalInstants;
import dev.singletable.table.SingleTable;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps the items of a page of tweets to {@link TweetItem}s without the enhanced client's generic path when an item has
 * the shape this service writes (every mapped attribute of its own type: strings as S, {@code likes} as N, a canonical
 * {@code createdAt}), and with {@link TweetItem#SCHEMA} otherwise, so the result is always what the schema makes of the
 * item. Why by hand: the generic path was about a tenth of {@code GET /api/users/{u}/tweets}' own work (a converter
 * visitor, a boxed value and a method-handle setter per attribute, twenty items a page; docs/benchmarks.md, issue 21);
 * the enhanced client has no faster mode for a bean schema. {@code TweetMappingTest} holds the two paths equal on
 * seeded random items.
 */
final class TweetMapping {

    /** Every attribute the schema maps: one the fast path does not handle sends the item to the schema. */
    private static final Set<String> MAPPED = Set.copyOf(TweetItem.SCHEMA.attributeNames());

    /** The attributes a TableItem derives from its fields: the schema reads them into setters that drop them. */
    private static final Set<String> DERIVED = Set.of(
            SingleTable.PK,
            SingleTable.SK,
            SingleTable.ENTITY_TYPE,
            SingleTable.GSI1PK,
            SingleTable.GSI1SK,
            SingleTable.LSI1SK);

    private TweetMapping() {}

    /**
     * What {@code TweetItem.SCHEMA.mapToItem(item)} returns, by a shorter path when it can (an item a Query returns
     * always holds its key attributes, so it is never the schema's null for an empty map).
     */
    static TweetItem map(Map<String, AttributeValue> item) {
        TweetItem fast = mapCanonical(item);
        return fast != null ? fast : TweetItem.SCHEMA.mapToItem(item);
    }

    /** The tweet, or null when the item is not in the shape the service writes (the schema then decides). */
    static @Nullable TweetItem mapCanonical(Map<String, AttributeValue> item) {
        TweetItem tweet = new TweetItem();
        boolean any = false;
        for (Map.Entry<String, AttributeValue> entry : item.entrySet()) {
            String name = entry.getKey();
            if (!MAPPED.contains(name)) {
                continue; // not the tweet's: the schema ignores it too
            }
            AttributeValue value = entry.getValue();
            if (!set(tweet, name, value)) {
                return null;
            }
            any = true;
        }
        return any ? tweet : null;
    }

    /** Sets one mapped attribute; false when its value is not of the type the service writes. */
    private static boolean set(TweetItem tweet, String name, AttributeValue value) {
        if (Boolean.TRUE.equals(value.nul())) {
            return false; // the schema skips a NULL; so does it with one that claims to be NULL and more
        }
        if (name.equals("likes")) {
            return value.n() != null && setLikes(tweet, value.n());
        }
        String text = value.s();
        if (text == null) {
            return false;
        }
        switch (name) {
            case "tweetId" -> tweet.setTweetId(text);
            case "authorId" -> tweet.setAuthorId(text);
            case "authorUsername" -> tweet.setAuthorUsername(text);
            case "text" -> tweet.setText(text);
            case "createdAt" -> {
                Instant createdAt = CanonicalInstants.parseCanonical(text);
                if (createdAt == null) {
                    return false;
                }
                tweet.setCreatedAt(createdAt);
            }
            default -> {
                // a key attribute or the type (PK, SK, entityType, GSI1PK...): derived from the fields, never read
                // back, but a string all the same (anything else is the schema's to judge)
                if (!DERIVED.contains(name)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean setLikes(TweetItem tweet, String number) {
        try {
            tweet.setLikes(Long.parseLong(number));
            return true;
        } catch (NumberFormatException notALong) {
            return false; // 1.5, 1E3, too large: the schema's converter decides
        }
    }
}
