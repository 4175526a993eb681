package dev.singletable.users;

import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * The counters on a user's profile ({@link UserItem}), kept from the table's stream by the features whose items they
 * count: {@code follows} (followers, following), {@code tweets} (tweets) and {@code orders} (orders, spent cents). Each
 * moves by an {@code ADD} that never touches the profile's {@code version}, so a new follower does not invalidate the
 * owner's ETag. Sign-up writes the social counters 0; the order totals stay absent until the first order.
 */
public final class UserCounters {

    public static final String FOLLOWERS = "followers";
    public static final String FOLLOWING = "following";
    public static final String TWEETS = "tweets";
    public static final String ORDERS = "orders";
    public static final String SPENT_CENTS = "spentCents";

    private UserCounters() {}

    /** The profile whose counters move. */
    public static Key of(String userId) {
        return UserKeys.profile(userId);
    }
}
