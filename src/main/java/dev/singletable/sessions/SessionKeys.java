package dev.singletable.sessions;

import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * The key design of sessions: {@code PK = SESSION#<sessionId>}, {@code SK = SESSION} ({@link SessionItem}), where the
 * session id is the SHA-256 of the bearer token ({@link SessionTokens}): the table never holds a usable credential.
 */
final class SessionKeys {

    static final String ENTITY_TYPE = "Session";
    static final String SESSION = "SESSION";
    private static final String SESSION_PREFIX = "SESSION#";

    private SessionKeys() {
    }

    static String partition(String sessionId) {
        return SESSION_PREFIX + sessionId;
    }

    static Key session(String sessionId) {
        return Key.builder().partitionValue(partition(sessionId)).sortValue(SESSION).build();
    }
}
