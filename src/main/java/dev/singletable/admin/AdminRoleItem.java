package dev.singletable.admin;

import dev.singletable.table.SingleTable;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * The admin role of one user: {@code PK = USER#<userId>}, {@code SK = ROLE#ADMIN}, in the user's item collection. A
 * separate item rather than a profile attribute, so that no profile write (which the user controls) can grant it, and
 * "is U an admin" is one GetItem.
 */
@DynamoDbBean
public class AdminRoleItem {

    public static final String ENTITY_TYPE = "Role";
    public static final String SORT_KEY = "ROLE#ADMIN";

    private String pk;
    private String sk;
    private String entityType;
    private String userId;
    private Instant grantedAt;

    public static String partitionKey(String userId) {
        return "USER#" + userId;
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

    public Instant getGrantedAt() {
        return grantedAt;
    }

    public void setGrantedAt(Instant grantedAt) {
        this.grantedAt = grantedAt;
    }
}
