package dev.singletable.users;

import dev.singletable.table.ItemKeys;
import dev.singletable.table.TableItem;
import java.lang.invoke.MethodHandles;
import java.time.Instant;
import org.jspecify.annotations.NullUnmarked;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/**
 * A user's password hash, alone in its own item ({@link UserKeys}: {@code PK = USER#<userId>}, {@code SK =
 * CREDENTIALS}). A secret kept apart from the profile goes nowhere the profile goes: the profile's stream records,
 * the history and any projection built from them, an index that projects the profile, a read of the profile. Only the
 * log-in reads this item, by its key; no index holds it (it has none of their key attributes).
 */
@NullUnmarked
@DynamoDbBean
class CredentialsItem extends TableItem {

    static final TableSchema<CredentialsItem> SCHEMA = schema(CredentialsItem.class, MethodHandles.lookup());

    private String userId;
    private String passwordHash;
    private Instant changedAt;

    public CredentialsItem() {
        // the bean mapper needs a public constructor, even in a package-private class
    }

    static CredentialsItem of(String userId, String passwordHash, Instant changedAt) {
        CredentialsItem item = new CredentialsItem();
        item.setUserId(userId);
        item.setPasswordHash(passwordHash);
        item.setChangedAt(changedAt);
        return item;
    }

    @Override
    protected ItemKeys keys() {
        return ItemKeys.of(UserKeys.CREDENTIALS_ENTITY_TYPE, UserKeys.partition(userId), UserKeys.CREDENTIALS);
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public void setChangedAt(Instant changedAt) {
        this.changedAt = changedAt;
    }

    @Override
    public String toString() {
        return "CredentialsItem[userId=" + userId + "]";
    }
}
