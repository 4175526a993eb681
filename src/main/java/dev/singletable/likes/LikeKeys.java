package dev.singletable.likes;

import dev.singletable.tweets.TweetKeys;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * The key design of likes: a like lives in the liked tweet's item collection, {@code PK = TWEET#<tweetId>} (the
 * tweet's partition, from {@link TweetKeys}), {@code SK = LIKE#<userId>} ({@link LikeItem}). The key makes a like
 * unique per user and tweet, so liking twice is a no-op, "has U liked T" is a GetItem, and deleting a tweet's item
 * collection deletes its likes.
 */
final class LikeKeys {

    static final String ENTITY_TYPE = "Like";
    private static final String LIKE = "LIKE#";

    private LikeKeys() {}

    static String partition(String tweetId) {
        return TweetKeys.ref(tweetId);
    }

    static String sortKey(String userId) {
        return LIKE + userId;
    }

    static Key like(String tweetId, String userId) {
        return Key.builder()
                .partitionValue(partition(tweetId))
                .sortValue(sortKey(userId))
                .build();
    }
}
