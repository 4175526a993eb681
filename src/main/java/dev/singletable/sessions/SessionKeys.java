package dev.singletable.sessions;

import dev.singletable.table.SingleTable;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The key design of sessions: {@code PK = SESSION#<sessionId>}, {@code SK = SESSION} ({@link SessionItem}), where the
 * session id is the SHA-256 of the bearer token ({@link SessionTokens}): the table never holds a usable credential;
 * and the counters of failed log-ins ({@link #loginFailures}).
 */
final class SessionKeys {

    static final String ENTITY_TYPE = "Session";
    static final String LOGIN_FAILURES_ENTITY_TYPE = "LoginFailures";
    static final String SESSION = "SESSION";
    private static final String SESSION_PREFIX = "SESSION#";

    private SessionKeys() {}

    static String partition(String sessionId) {
        return SESSION_PREFIX + sessionId;
    }

    /**
     * A count of failed log-ins ({@link LoginThrottle}): {@code PK = LOGIN_FAILURES#ACCOUNT#<lower(username)>} or
     * {@code LOGIN_FAILURES#CLIENT#<address>}, {@code SK = WINDOW#<epoch second the window starts>}.
     */
    static Map<String, AttributeValue> loginFailures(String subject, long windowStart) {
        return Map.of(
                SingleTable.PK,
                AttributeValue.fromS("LOGIN_FAILURES#" + subject),
                SingleTable.SK,
                AttributeValue.fromS("WINDOW#" + windowStart));
    }

    static Key session(String sessionId) {
        return Key.builder()
                .partitionValue(partition(sessionId))
                .sortValue(SESSION)
                .build();
    }
}
