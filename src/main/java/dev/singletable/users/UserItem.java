package dev.singletable.users;

import dev.singletable.table.SingleTable;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * A user's profile: {@code PK = USER#<userId>}, {@code SK = PROFILE}. The key holds the immutable id, never the username
 * or email: those are unique through marker items, and the username marker doubles as the lookup from a username to the
 * id. {@code version} is the optimistic-locking attribute (the enhanced client's VersionedRecordExtension conditions
 * every write on it); the counters are written 0 at sign-up and then maintained by the stream listener's projections,
 * without touching {@code version}. All fields are boxed so a partial item updates only what it sets.
 */
@DynamoDbBean
public class UserItem {

    public static final String ENTITY_TYPE = "User";
    public static final String SORT_KEY = "PROFILE";

    private String pk;
    private String sk;
    private String entityType;
    private String userId;
    private String username;
    private String email;
    private String displayName;
    private String passwordHash;
    private Instant createdAt;
    private Long version;
    private Long followers;
    private Long following;
    private Long tweets;
    private Long orders;
    private Long spentCents;

    public static String partitionKey(String userId) {
        return "USER#" + userId;
    }

    /** An item holding only the key, for partial updates. */
    public static UserItem keyOnly(String userId) {
        UserItem item = new UserItem();
        item.setPk(partitionKey(userId));
        item.setSk(SORT_KEY);
        return item;
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

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    @DynamoDbVersionAttribute
    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public Long getFollowers() {
        return followers;
    }

    public void setFollowers(Long followers) {
        this.followers = followers;
    }

    public Long getFollowing() {
        return following;
    }

    public void setFollowing(Long following) {
        this.following = following;
    }

    public Long getTweets() {
        return tweets;
    }

    public void setTweets(Long tweets) {
        this.tweets = tweets;
    }

    /** Orders that stand (placed, not cancelled); kept by the stream listener, absent until the first order. */
    public Long getOrders() {
        return orders;
    }

    public void setOrders(Long orders) {
        this.orders = orders;
    }

    /** What those orders cost, in cents; kept by the stream listener. */
    public Long getSpentCents() {
        return spentCents;
    }

    public void setSpentCents(Long spentCents) {
        this.spentCents = spentCents;
    }
}
