package dev.singletable.follows;

import dev.singletable.table.Conditions;
import dev.singletable.table.KeyQuery;
import dev.singletable.table.QueryPager;
import dev.singletable.table.SingleTable;
import dev.singletable.table.Slice;
import dev.singletable.users.UserKeys;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Follow edges ({@link FollowKeys}). Access patterns:
 * <ul>
 *   <li>follow: PutItem {@code PK = USER#a, SK = FOLLOWS#b} with {@code attribute_not_exists(PK)};</li>
 *   <li>unfollow: DeleteItem of the same key;</li>
 *   <li>whom A follows, newest first: Query LSI1 {@code PK = USER#a AND begins_with(LSI1SK, "FOLLOWS#")},
 *       descending;</li>
 *   <li>who follows B, newest first: Query GSI1 {@code GSI1PK = USER#b AND begins_with(GSI1SK, "FOLLOWED_BY#")},
 *       descending.</li>
 * </ul>
 */
@Repository
public class FollowRepository {

    private static final String FOLLOWER_ID = "followerId";

    private final SingleTable table;
    private final QueryPager pager;
    private final DynamoDbTable<FollowItem> follows;

    FollowRepository(SingleTable table, QueryPager pager) {
        this.table = table;
        this.pager = pager;
        this.follows = table.of(FollowItem.SCHEMA);
    }

    /** Puts the edge unless it exists: following twice keeps the first edge and its date. */
    public void follow(FollowItem edge) {
        try {
            follows.putItem(r -> r.item(edge).conditionExpression(Conditions.NEW_ITEM));
        } catch (ConditionalCheckFailedException alreadyFollowing) {
            // idempotent: the edge is there, which is what was asked
        }
    }

    public void unfollow(String followerId, String followeeId) {
        follows.deleteItem(FollowKeys.follow(followerId, followeeId));
    }

    public Slice<FollowItem> following(String followerId, int limit, @Nullable Map<String, AttributeValue> startKey) {
        return page(KeyQuery.Index.LSI1, followerId, FollowKeys.FOLLOWS, limit, startKey);
    }

    public Slice<FollowItem> followers(String followeeId, int limit, @Nullable Map<String, AttributeValue> startKey) {
        return page(KeyQuery.Index.GSI1, followeeId, FollowKeys.FOLLOWED_BY, limit, startKey);
    }

    /**
     * The ids of a user's followers, newest first: the same GSI1 Query as {@link #followers}, reading only
     * {@code followerId} (a timeline fan-out needs nothing else of an edge, and maps up to 100 a page).
     */
    public Slice<String> followerIds(String followeeId, int limit, @Nullable Map<String, AttributeValue> startKey) {
        QueryRequest query = table.query(KeyQuery.Index.GSI1, UserKeys.partition(followeeId))
                .sortKeyStartsWith(FollowKeys.FOLLOWED_BY)
                .newestFirst()
                .only(FOLLOWER_ID)
                .build();
        return pager.page(query, limit, startKey, item -> Objects.requireNonNull(
                        item.get(FOLLOWER_ID), "an edge has its follower")
                .s());
    }

    private Slice<FollowItem> page(
            KeyQuery.Index index,
            String userId,
            String prefix,
            int limit,
            @Nullable Map<String, AttributeValue> startKey) {
        QueryRequest query = table.query(index, UserKeys.partition(userId))
                .sortKeyStartsWith(prefix)
                .newestFirst()
                .build();
        return pager.page(query, limit, startKey, FollowItem.SCHEMA::mapToItem);
    }
}
