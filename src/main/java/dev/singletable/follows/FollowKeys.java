package dev.singletable.follows;

import dev.singletable.users.UserKeys;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * The key design of the many-to-many "follows" relation (an adjacency list). A follows B is stored once
 * ({@link FollowItem}), as
 * <ul>
 *   <li>{@code PK = USER#A}, {@code SK = FOLLOWS#B}: in A's item collection, so "does A follow B" is a GetItem and
 *       following twice is a conditional no-op;</li>
 *   <li>{@code LSI1SK = FOLLOWS#<followId>}: A's follows, newest first (LSI1, same partition);</li>
 *   <li>{@code GSI1PK = USER#B}, {@code GSI1SK = FOLLOWED_BY#<followId>}: the inverted edge, B's followers, newest
 *       first (GSI1).</li>
 * </ul>
 * {@code followId} is a ULID made when the follow began. The user partitions come from {@link UserKeys}.
 */
public final class FollowKeys {

    public static final String ENTITY_TYPE = "Follow";
    static final String FOLLOWS = "FOLLOWS#";
    static final String FOLLOWED_BY = "FOLLOWED_BY#";

    private FollowKeys() {}

    static Key follow(String followerId, String followeeId) {
        return Key.builder()
                .partitionValue(UserKeys.partition(followerId))
                .sortValue(follows(followeeId))
                .build();
    }

    /** The edge's sort key in the follower's partition, and its LSI1 sort key (with the follow's id). */
    static String follows(String id) {
        return FOLLOWS + id;
    }

    /** The edge's GSI1 sort key under the followee. */
    static String followedBy(String followId) {
        return FOLLOWED_BY + followId;
    }
}
