package dev.singletable.follows;

import dev.singletable.table.SingleTable;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * One follow edge of the many-to-many "follows" relation (an adjacency list): A follows B is stored once, as
 * <ul>
 *   <li>{@code PK = USER#A}, {@code SK = FOLLOWS#B}: in A's item collection, so "does A follow B" is a GetItem and
 *       following twice is a conditional no-op;</li>
 *   <li>{@code LSI1SK = FOLLOWS#<followId>}: A's follows newest first (LSI1, same partition);</li>
 *   <li>{@code GSI1PK = USER#B}, {@code GSI1SK = FOLLOWED_BY#<followId>}: the inverted edge, B's followers newest
 *       first (GSI1).</li>
 * </ul>
 * Usernames are copied onto the edge so a list page needs no further reads; usernames cannot change.
 */
@DynamoDbBean
public class FollowItem {

    public static final String ENTITY_TYPE = "Follow";
    public static final String FOLLOWS_PREFIX = "FOLLOWS#";
    public static final String FOLLOWED_BY_PREFIX = "FOLLOWED_BY#";

    private String pk;
    private String sk;
    private String entityType;
    private String lsi1sk;
    private String gsi1pk;
    private String gsi1sk;
    private String followerId;
    private String followerUsername;
    private String followeeId;
    private String followeeUsername;
    private Instant createdAt;

    public static String userPartition(String userId) {
        return "USER#" + userId;
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

    @DynamoDbSecondarySortKey(indexNames = SingleTable.LSI1)
    @DynamoDbAttribute(SingleTable.LSI1SK)
    public String getLsi1sk() {
        return lsi1sk;
    }

    public void setLsi1sk(String lsi1sk) {
        this.lsi1sk = lsi1sk;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = SingleTable.GSI1)
    @DynamoDbAttribute(SingleTable.GSI1PK)
    public String getGsi1pk() {
        return gsi1pk;
    }

    public void setGsi1pk(String gsi1pk) {
        this.gsi1pk = gsi1pk;
    }

    @DynamoDbSecondarySortKey(indexNames = SingleTable.GSI1)
    @DynamoDbAttribute(SingleTable.GSI1SK)
    public String getGsi1sk() {
        return gsi1sk;
    }

    public void setGsi1sk(String gsi1sk) {
        this.gsi1sk = gsi1sk;
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
