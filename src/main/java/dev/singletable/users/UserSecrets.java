package dev.singletable.users;

import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What of a user is secret, for the features that copy items elsewhere (the audit history): the credentials item
 * ({@link CredentialsItem}), which nothing copies, and the hash attribute that profiles written before that item
 * existed may still hold, and that stream records of such profiles therefore carry.
 */
public final class UserSecrets {

    private UserSecrets() {}

    /** Whether an item of this entity type holds secrets and must not be copied anywhere. */
    public static boolean isSecretItem(@Nullable String entityType) {
        return UserKeys.CREDENTIALS_ENTITY_TYPE.equals(entityType);
    }

    /** The item image without secret attributes (the same map when it has none). */
    public static Map<String, AttributeValue> withoutSecrets(Map<String, AttributeValue> image) {
        if (!image.containsKey(UserRepository.LEGACY_PASSWORD_HASH)) {
            return image;
        }
        return image.entrySet().stream()
                .filter(e -> !e.getKey().equals(UserRepository.LEGACY_PASSWORD_HASH))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
