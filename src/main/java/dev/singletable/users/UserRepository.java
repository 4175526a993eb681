package dev.singletable.users;

import dev.singletable.table.Conditions;
import dev.singletable.table.LabelledTransaction;
import dev.singletable.table.SingleTable;
import dev.singletable.table.UniqueValues;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactUpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Users and their unique username and email. Each access is a GetItem or one TransactWriteItems:
 * <ul>
 *   <li>sign-up puts the user and the user's credentials and claims both markers in one transaction (labels
 *       {@value #USER}, {@value #CREDENTIALS}, {@value #USERNAME}, {@value #EMAIL});</li>
 *   <li>a log-in reads the credentials item by its key; a user from before that item existed has the hash in the
 *       profile, which the first log-in moves ({@link #moveLegacyHash});</li>
 *   <li>a profile change updates the user on its version and, when the email changes, releases the old email marker and
 *       claims the new one in the same transaction (labels {@value #USER}, {@value #OLD_EMAIL}, {@value #EMAIL});</li>
 *   <li>a public profile (another user's view) is the one read that may come from the read cache
 *       ({@link #findPublicProfile}); credentials, markers and the owner's own profile are always read consistently.</li>
 * </ul>
 */
@Repository
class UserRepository {

    public static final String USER = "user";
    public static final String USERNAME = "username";
    public static final String EMAIL = "email";
    public static final String OLD_EMAIL = "oldEmail";
    public static final String CREDENTIALS = "credentials";
    /** The attribute that held the hash in profiles written before the hash had its own item. */
    static final String LEGACY_PASSWORD_HASH = "passwordHash";

    private final SingleTable table;
    private final DynamoDbTable<UserItem> users;
    private final DynamoDbTable<UserItem> cachedUsers;
    private final DynamoDbTable<CredentialsItem> credentials;
    private final UniqueValues unique;

    UserRepository(SingleTable table, UniqueValues unique) {
        this.table = table;
        this.users = table.of(UserItem.SCHEMA);
        this.cachedUsers = table.cachedOf(UserItem.SCHEMA);
        this.credentials = table.of(CredentialsItem.SCHEMA);
        this.unique = unique;
    }

    /** Usernames are unique regardless of case. */
    public static String normalizeUsername(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    /** Emails are unique regardless of case (no mail provider in practice tells Ann@ from ann@). */
    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** @throws dev.singletable.table.ConditionsFailedException naming {@value #USERNAME} and/or {@value #EMAIL} */
    public void create(UserItem user, CredentialsItem secret) {
        new LabelledTransaction()
                .put(
                        USER,
                        users,
                        TransactPutItemEnhancedRequest.builder(UserItem.class)
                                .item(user)
                                .conditionExpression(Conditions.NEW_ITEM)
                                .build())
                .put(
                        CREDENTIALS,
                        credentials,
                        TransactPutItemEnhancedRequest.builder(CredentialsItem.class)
                                .item(secret)
                                .conditionExpression(Conditions.NEW_ITEM)
                                .build())
                .put(
                        USERNAME,
                        unique.table(),
                        unique.claim(
                                UserKeys.USERNAME_NAMESPACE, normalizeUsername(user.getUsername()), user.getUserId()))
                .put(
                        EMAIL,
                        unique.table(),
                        unique.claim(UserKeys.EMAIL_NAMESPACE, normalizeEmail(user.getEmail()), user.getUserId()))
                .commit(table.dynamo());
    }

    /**
     * The id behind a username, from its marker (a strongly consistent GetItem). A name no user can have (see
     * {@link UserConstraints#couldBeUsername}) is nobody's without asking the store.
     */
    public Optional<String> findIdByUsername(String username) {
        if (!UserConstraints.couldBeUsername(username)) {
            return Optional.empty();
        }
        return unique.ownerOf(UserKeys.USERNAME_NAMESPACE, normalizeUsername(username));
    }

    public Optional<UserItem> findById(String userId) {
        return Optional.ofNullable(
                users.getItem(r -> r.key(UserKeys.profile(userId)).consistentRead(true)));
    }

    /**
     * A profile as others see it: an eventually consistent GetItem that the read cache may answer
     * ({@link SingleTable#cachedOf}, docs/caching.md). Profiles are read by many and changed rarely, and a follower
     * count a few minutes old misleads no one; the profile's own writes go through the cache, so its owner's change
     * shows at once.
     */
    public Optional<UserItem> findPublicProfile(String userId) {
        return Optional.ofNullable(
                cachedUsers.getItem(r -> r.key(UserKeys.profile(userId)).consistentRead(false)));
    }

    /** The user's credentials item (a strongly consistent GetItem); empty for a user from before it existed. */
    public Optional<CredentialsItem> findCredentials(String userId) {
        return Optional.ofNullable(
                credentials.getItem(r -> r.key(UserKeys.credentials(userId)).consistentRead(true)));
    }

    /**
     * Moves a hash from a profile written before credentials had their own item into a credentials item, in one
     * transaction: the credentials are created, and the profile loses the hash only if it still holds that one. The
     * profile's version is left alone (a migration is no change a client made; its ETag stays valid).
     *
     * @throws dev.singletable.table.ConditionsFailedException when another log-in moved it first, or it changed
     */
    public void moveLegacyHash(String userId, String hash, Instant now) {
        Key profile = UserKeys.profile(userId);
        new LabelledTransaction()
                .put(
                        CREDENTIALS,
                        credentials,
                        TransactPutItemEnhancedRequest.builder(CredentialsItem.class)
                                .item(CredentialsItem.of(userId, hash, now))
                                .conditionExpression(Conditions.NEW_ITEM)
                                .build())
                .write(
                        USER,
                        TransactWriteItem.builder()
                                .update(Update.builder()
                                        .tableName(users.tableName())
                                        .key(profile.primaryKeyMap(UserItem.SCHEMA))
                                        .updateExpression("REMOVE #hash")
                                        .conditionExpression("#hash = :hash")
                                        .expressionAttributeNames(Map.of("#hash", LEGACY_PASSWORD_HASH))
                                        .expressionAttributeValues(Map.of(":hash", AttributeValue.fromS(hash)))
                                        .build())
                                .build())
                .commit(table.dynamo());
    }

    public Optional<UserItem> findByUsername(String username) {
        return findIdByUsername(username).flatMap(this::findById);
    }

    /**
     * Writes the non-null fields of {@code changes} (key and expected {@code version} included) if the stored version
     * still is that version; moves the email marker when {@code oldEmail} is given.
     *
     * @throws dev.singletable.table.ConditionsFailedException {@value #USER} when the version is stale,
     *                                                          {@value #EMAIL} when the new email is taken
     */
    public void update(UserItem changes, @Nullable String oldEmail) {
        LabelledTransaction transaction = new LabelledTransaction()
                .update(
                        USER,
                        users,
                        TransactUpdateItemEnhancedRequest.builder(UserItem.class)
                                .item(changes)
                                .ignoreNulls(true)
                                .build());
        if (oldEmail != null) {
            transaction
                    .delete(
                            OLD_EMAIL,
                            unique.table(),
                            unique.release(UserKeys.EMAIL_NAMESPACE, normalizeEmail(oldEmail), changes.getUserId()))
                    .put(
                            EMAIL,
                            unique.table(),
                            unique.claim(
                                    UserKeys.EMAIL_NAMESPACE, normalizeEmail(changes.getEmail()), changes.getUserId()));
        }
        transaction.commit(table.dynamo());
    }
}
