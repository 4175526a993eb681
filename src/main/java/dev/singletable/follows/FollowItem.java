package dev.singletable.follows;

import dev.singletable.table.CanonicalInstantConverters;
import dev.singletable.table.ItemKeys;
import dev.singletable.table.TableItem;
import dev.singletable.users.UserKeys;
import java.lang.invoke.MethodHandles;
import java.time.Instant;
import org.jspecify.annotations.NullUnmarked;
import software.amazon.awssdk.enhanced.dynamodb.DefaultAttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/**
 * One follow edge ({@link FollowKeys}): in the follower's partition, in LSI1 by when it began, and in GSI1 under the
 * followee. Usernames are copied onto the edge so a list page needs no further reads; usernames cannot change.
 */
@NullUnmarked
// Instants read without a DateTimeFormatter (CanonicalInstants; a follower page maps up to 100 edges); stored as before
@DynamoDbBean(converterProviders = {CanonicalInstantConverters.class, DefaultAttributeConverterProvider.class})
public class FollowItem extends TableItem {

    public static final TableSchema<FollowItem> SCHEMA = schema(FollowItem.class, MethodHandles.lookup());

    private String followId;
    private String followerId;
    private String followerUsername;
    private String followeeId;
    private String followeeUsername;
    private Instant createdAt;

    @Override
    protected ItemKeys keys() {
        return ItemKeys.of(FollowKeys.ENTITY_TYPE, UserKeys.partition(followerId), FollowKeys.follows(followeeId))
                .lsi1(FollowKeys.follows(followId))
                .gsi1(UserKeys.partition(followeeId), FollowKeys.followedBy(followId));
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
