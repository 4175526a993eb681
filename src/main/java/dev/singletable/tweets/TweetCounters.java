package dev.singletable.tweets;

import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * The counter on a tweet ({@link TweetItem#getLikes()}), kept from the table's stream by the {@code likes} feature:
 * written 0 when the tweet is posted, then moved by {@code ADD} only.
 */
public final class TweetCounters {

    public static final String LIKES = "likes";

    private TweetCounters() {}

    /** The tweet whose counter moves. */
    public static Key of(String tweetId) {
        return TweetKeys.tweet(tweetId);
    }
}
