package dev.singletable.tweets;

import dev.singletable.users.UserKeys;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * The key design of tweets, the one place its prefixes are written:
 * <ul>
 *   <li>a tweet: {@code PK = TWEET#<tweetId>}, {@code SK = TWEET} ({@link TweetItem}). Its partition is an item
 *       collection: the {@code likes} feature puts a tweet's likes there, so a tweet and its likes are deleted
 *       together;</li>
 *   <li>in GSI1 a tweet sits in its author's partition ({@code GSI1PK = USER#<authorId>},
 *       {@code GSI1SK = TWEET#<tweetId>}): the author's tweets, newest first, are one descending Query, because tweet ids
 *       are ULIDs.</li>
 * </ul>
 * {@code TWEET#<tweetId>} also names a tweet elsewhere (a home-timeline entry's sort key): take it from {@link #ref}.
 */
public final class TweetKeys {

    public static final String ENTITY_TYPE = "Tweet";
    /** What every {@link #ref} starts with, for {@code begins_with} key conditions. */
    public static final String REF_PREFIX = "TWEET#";

    static final String TWEET = "TWEET";

    private TweetKeys() {}

    /** The tweet's reference: its partition key, and its sort key wherever a tweet is listed. */
    public static String ref(String tweetId) {
        return REF_PREFIX + tweetId;
    }

    /** The key of the tweet item. */
    public static Key tweet(String tweetId) {
        return Key.builder().partitionValue(ref(tweetId)).sortValue(TWEET).build();
    }

    /** GSI1's partition of an author's tweets. */
    static String byAuthor(String authorId) {
        return UserKeys.partition(authorId);
    }
}
