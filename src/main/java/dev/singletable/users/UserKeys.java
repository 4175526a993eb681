package dev.singletable.users;

import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * The key design of users, the one place its prefixes are written:
 * <ul>
 *   <li>a profile: {@code PK = USER#<userId>}, {@code SK = PROFILE} ({@link UserItem}). The key holds the immutable
 *       id, never the username or email, which are unique through markers instead:</li>
 *   <li>the user's password hash, apart from the profile: {@code PK = USER#<userId>}, {@code SK = CREDENTIALS}
 *       ({@link CredentialsItem});</li>
 *   <li>the username marker {@code PK = USERNAME#<lower-case username>} and the email marker
 *       {@code PK = EMAIL#<lower-case email>}, both {@code SK = UNIQUE} (the table's {@code UniqueValueItem}).</li>
 * </ul>
 * {@code USER#<userId>} is the partition of everything that belongs to a user, so other features put their items there
 * ({@code follows}, the {@code admin} role) and use it as the GSI1 partition that lists a user's things (their tweets,
 * followers and orders): they take it from {@link #partition}.
 */
public final class UserKeys {

    static final String ENTITY_TYPE = "User";
    /** The entity type of the items that hold secrets: nothing outside this feature reads or copies them. */
    public static final String CREDENTIALS_ENTITY_TYPE = "Credentials";

    static final String CREDENTIALS = "CREDENTIALS";
    static final String USERNAME_NAMESPACE = "USERNAME";
    static final String EMAIL_NAMESPACE = "EMAIL";
    private static final String USER = "USER#";
    static final String PROFILE = "PROFILE";

    private UserKeys() {}

    /** The partition of a user's items, in the table and in GSI1. */
    public static String partition(String userId) {
        return USER + userId;
    }

    /** The key of a user's credentials. */
    static Key credentials(String userId) {
        return Key.builder()
                .partitionValue(partition(userId))
                .sortValue(CREDENTIALS)
                .build();
    }

    /** The key of a user's profile. */
    public static Key profile(String userId) {
        return Key.builder()
                .partitionValue(partition(userId))
                .sortValue(PROFILE)
                .build();
    }
}
