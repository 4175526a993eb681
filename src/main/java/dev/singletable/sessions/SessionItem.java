package dev.singletable.sessions;

import dev.singletable.table.CanonicalInstantConverters;
import dev.singletable.table.SingleTable;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.DefaultAttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * A login session: {@code PK = SESSION#<sha256(token)>}, {@code SK = SESSION}. Only the token's hash is stored, so the
 * table never holds a usable credential. {@code ttl} (epoch seconds) lets DynamoDB delete the item after it expires;
 * that deletion is lazy (AWS: typically within days), so every read also checks {@code expiresAt}.
 */
// Instants read without a DateTimeFormatter (CanonicalInstants); stored as before
@DynamoDbBean(converterProviders = {CanonicalInstantConverters.class, DefaultAttributeConverterProvider.class})
public class SessionItem {

    public static final String ENTITY_TYPE = "Session";
    public static final String SORT_KEY = "SESSION";

    private String pk;
    private String sk;
    private String entityType;
    private String userId;
    private String username;
    private Instant createdAt;
    private Instant expiresAt;
    private Long ttl;

    public static String partitionKey(String sessionId) {
        return "SESSION#" + sessionId;
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
