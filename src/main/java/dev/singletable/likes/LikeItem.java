package dev.singletable.likes;

import dev.singletable.table.ItemKeys;
import dev.singletable.table.TableItem;
import java.lang.invoke.MethodHandles;
import java.time.Instant;
import org.jspecify.annotations.NullUnmarked;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/** A like ({@link LikeKeys}: {@code PK = TWEET#<tweetId>}, {@code SK = LIKE#<userId>}), in the tweet's collection. */
@NullUnmarked
@DynamoDbBean
class LikeItem extends TableItem {

    static final TableSchema<LikeItem> SCHEMA = schema(LikeItem.class, MethodHandles.lookup());

    private String tweetId;
    private String userId;
    private String username;
    private Instant createdAt;

    public LikeItem() {
        // the bean mapper needs a public constructor, even in a package-private class
    }

    @Override
    protected ItemKeys keys() {
        return ItemKeys.of(LikeKeys.ENTITY_TYPE, LikeKeys.partition(tweetId), LikeKeys.sortKey(userId));
    }

    public String getTweetId() {
        return tweetId;
    }

    public void setTweetId(String tweetId) {
        this.tweetId = tweetId;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }
}
