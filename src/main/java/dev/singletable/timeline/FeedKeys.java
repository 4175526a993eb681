package dev.singletable.timeline;

import dev.singletable.table.SingleTable;
import dev.singletable.tweets.TweetKeys;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The key design of home timelines: one entry per tweet and reader, {@code PK = FEED#<readerId>},
 * {@code SK = TWEET#<tweetId>} (the tweet's reference, from {@link TweetKeys}), with {@code ttl} ({@link FeedEntry}).
 * Tweet ids are ULIDs, so a descending Query of the partition reads the feed newest first.
 */
public final class FeedKeys {

    /** Derived entries: copies of tweets, written by the fan-out, not facts of their own. */
    public static final String ENTITY_TYPE = "FeedEntry";

    private static final String FEED = "FEED#";

    private FeedKeys() {}

    static String partition(String ownerId) {
        return FEED + ownerId;
    }

    /** What every entry's sort key starts with. */
    static String sortPrefix() {
        return TweetKeys.REF_PREFIX;
    }

    /** The key of the entry of a tweet in a user's feed (present or not). */
    static Map<String, AttributeValue> entry(String ownerId, String tweetId) {
        return Map.of(
                SingleTable.PK,
                AttributeValue.fromS(partition(ownerId)),
                SingleTable.SK,
                AttributeValue.fromS(TweetKeys.ref(tweetId)));
    }
}
