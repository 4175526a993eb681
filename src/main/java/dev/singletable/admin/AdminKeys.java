package dev.singletable.admin;

import dev.singletable.users.UserKeys;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * The key design of the admin role: {@code PK = USER#<userId>} (the user's partition, from {@link UserKeys}),
 * {@code SK = ROLE#ADMIN} ({@link AdminRoleItem}), in the user's item collection. A separate item rather than a profile
 * attribute, so that no profile write (which the user controls) can grant it, and "is U an admin" is one GetItem.
 */
final class AdminKeys {

    static final String ENTITY_TYPE = "Role";
    static final String ADMIN_ROLE = "ROLE#ADMIN";

    private AdminKeys() {}

    static Key role(String userId) {
        return Key.builder()
                .partitionValue(UserKeys.partition(userId))
                .sortValue(ADMIN_ROLE)
                .build();
    }
}
