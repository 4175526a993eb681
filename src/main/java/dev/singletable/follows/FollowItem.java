package dev.singletable.follows;

import dev.singletable.table.TableItem;
import dev.singletable.users.UserKeys;
import java.lang.invoke.MethodHandles;
import java.time.Instant;
import org.jspecify.annotations.NullUnmarked;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/**
 * One follow edge ({@link FollowKeys}): in the follower's partition, in LSI1 by when it began, and in GSI1 under the
 * followee. Usernames are copied onto the edge so a list page needs no further reads; usernames cannot change.
 */
@NullUnmarked
@DynamoDbBean
public class FollowItem extends TableItem {

    public static final TableSchema<FollowItem> SCHEMA = schema(FollowItem.class, MethodHandles.lookup());

    private String followId;
    private String followerId;
    private String followerUsername;
    private String followeeId;
    private String followeeUsername;
    private Instant createdAt;

    @Override
    protected String partitionKey() {
        return UserKeys.partition(followerId);
    }

    @Override
    protected String sortKey() {
        return FollowKeys.FOLLOWS + followeeId;
    }

    @Override
    protected String entityType() {
        return FollowKeys.ENTITY_TYPE;
    }

    @Override
    protected String lsi1SortKey() {
        return FollowKeys.FOLLOWS + followId;
    }

    @Override
    protected String gsi1PartitionKey() {
        return UserKeys.partition(followeeId);
    }

    @Override
    protected String gsi1SortKey() {
        return FollowKeys.FOLLOWED_BY + followId;
    }

    /** When the follow began, as a ULID: it orders both lists newest first. */
    public String getFollowId() {
        return followId;
    }

    public void setFollowId(String followId) {
        this.followId = followId;
    }

    public String getFollowerId() {
        return followerId;
    }

    public void setFollowerId(String followerId) {
        this.followerId = followerId;
    }

    public String getFollowerUsername() {
        return followerUsername;
    }

    public void setFollowerUsername(String followerUsername) {
        this.followerUsername = followerUsername;
    }

    public String getFolloweeId() {
        return followeeId;
    }

    public void setFolloweeId(String followeeId) {
        this.followeeId = followeeId;
    }

    public String getFolloweeUsername() {
        return followeeUsername;
    }

    public void setFolloweeUsername(String followeeUsername) {
        this.followeeUsername = followeeUsername;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }
}
