package dev.singletable.sessions;

import dev.singletable.table.CanonicalInstantConverters;
import dev.singletable.table.ItemKeys;
import dev.singletable.table.SingleTable;
import dev.singletable.table.TableItem;
import java.lang.invoke.MethodHandles;
import java.time.Instant;
import org.jspecify.annotations.NullUnmarked;
import software.amazon.awssdk.enhanced.dynamodb.DefaultAttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/**
 * A login session ({@link SessionKeys}: {@code PK = SESSION#<sha256(token)>}, {@code SK = SESSION}). Only the token's
 * hash is stored, so the table never holds a usable credential. {@code ttl} (epoch seconds) lets DynamoDB delete the
 * item after it expires; that deletion is lazy (AWS: typically within days), so every read also checks
 * {@code expiresAt}.
 */
@NullUnmarked
// Instants read without a DateTimeFormatter (CanonicalInstants); stored as before
@DynamoDbBean(converterProviders = {CanonicalInstantConverters.class, DefaultAttributeConverterProvider.class})
class SessionItem extends TableItem {

    static final TableSchema<SessionItem> SCHEMA = schema(SessionItem.class, MethodHandles.lookup());

    private String sessionId;
    private String userId;
    private String username;
    private Instant createdAt;
    private Instant expiresAt;
    private Long ttl;

    public SessionItem() {
        // the bean mapper needs a public constructor, even in a package-private class
    }

    @Override
    protected ItemKeys keys() {
        return ItemKeys.of(SessionKeys.ENTITY_TYPE, SessionKeys.partition(sessionId), SessionKeys.SESSION);
    }

    /** The SHA-256 of the session's bearer token. */
    public String getSessionId() {
        return sessionId;
    }

    public void setSessionId(String sessionId) {
        this.sessionId = sessionId;
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

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
    }

    @DynamoDbAttribute(SingleTable.TTL)
    public Long getTtl() {
        return ttl;
    }

    public void setTtl(Long ttl) {
        this.ttl = ttl;
    }
}
