package dev.singletable.tweets;

import dev.singletable.table.SingleTable;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * A like: {@code PK = TWEET#<tweetId>}, {@code SK = LIKE#<userId>}, in the tweet's item collection. The key makes a
 * like unique per user and tweet, so liking twice is a no-op, and "has U liked T" is a GetItem.
 */
@DynamoDbBean
public class LikeItem {

    public static final String ENTITY_TYPE = "Like";

    private String pk;
    private String sk;
    private String entityType;
    private String tweetId;
    private String userId;
    private String username;
    private Instant createdAt;

    public static String sortKey(String userId) {
        return "LIKE#" + userId;
    }

    @DynamoDbPartitionKey
    @DynamoDbAttribute(SingleTable.PK)
    public String getPk() {
        return pk;
    }

    public void setPk(String pk) {
        this.pk = pk;
    }

    @DynamoDbSortKey
    @DynamoDbAttribute(SingleTable.SK)
    public String getSk() {
        return sk;
    }

    public void setSk(String sk) {
        this.sk = sk;
    }

    @DynamoDbAttribute(SingleTable.ENTITY_TYPE)
    public String getEntityType() {
        return entityType;
    }

    public void setEntityType(String entityType) {
        this.entityType = entityType;
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
