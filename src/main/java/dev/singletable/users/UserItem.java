package dev.singletable.users;

import dev.singletable.table.CanonicalInstantConverters;
import dev.singletable.table.ItemKeys;
import dev.singletable.table.TableItem;
import java.lang.invoke.MethodHandles;
import java.time.Instant;
import org.jspecify.annotations.NullUnmarked;
import software.amazon.awssdk.enhanced.dynamodb.DefaultAttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/**
 * A user's profile ({@link UserKeys}: {@code PK = USER#<userId>}, {@code SK = PROFILE}). {@code version} is the
 * optimistic-locking attribute (the enhanced client's VersionedRecordExtension conditions every write on it); the
 * counters ({@link UserCounters}) are written 0 at sign-up and then maintained from the table's stream, without
 * touching {@code version}. All fields are boxed so a partial item updates only what it sets.
 */
@NullUnmarked
// Instants read without a DateTimeFormatter (CanonicalInstants; the SDK's Instant.parse was 3 % of a profile read's
// samples); stored as before
@DynamoDbBean(converterProviders = {CanonicalInstantConverters.class, DefaultAttributeConverterProvider.class})
class UserItem extends TableItem {

    static final TableSchema<UserItem> SCHEMA = schema(UserItem.class, MethodHandles.lookup());

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

    public UserItem() {
        // the bean mapper needs a public constructor, even in a package-private class
    }

    /** A user with only the id set: the key of a partial update. */
    static UserItem withId(String userId) {
        UserItem item = new UserItem();
        item.setUserId(userId);
        return item;
    }

    @Override
    protected ItemKeys keys() {
        return ItemKeys.of(UserKeys.ENTITY_TYPE, UserKeys.partition(userId), UserKeys.PROFILE);
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

    /**
     * Only in profiles written before the hash moved to its own item ({@link CredentialsItem}); never written now.
     * The first log-in of such a user moves it ({@link UserRepository#moveLegacyHash}).
     */
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
