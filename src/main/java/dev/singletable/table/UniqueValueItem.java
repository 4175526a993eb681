package dev.singletable.table;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * A uniqueness marker: an item whose key is the unique value itself ({@code PK = EMAIL#ann@example.com},
 * {@code SK = UNIQUE}). DynamoDB enforces uniqueness only on primary keys, so a value is claimed by putting its marker
 * with {@code attribute_not_exists(PK)} in the same transaction as the item that owns it. The marker also records the
 * owner, which makes it a GetItem lookup from the value to the owner.
 */
@DynamoDbBean
public class UniqueValueItem {

    public static final String ENTITY_TYPE = "UniqueValue";
    public static final String SORT_KEY = "UNIQUE";

    private String pk;
    private String sk;
    private String entityType;
    private String ownerId;

    public static UniqueValueItem of(String namespace, String normalizedValue, String ownerId) {
        UniqueValueItem item = new UniqueValueItem();
        item.setPk(partitionKey(namespace, normalizedValue));
        item.setSk(SORT_KEY);
        item.setEntityType(ENTITY_TYPE);
        item.setOwnerId(ownerId);
        return item;
    }

    public static String partitionKey(String namespace, String normalizedValue) {
        return namespace + "#" + normalizedValue;
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

    public String getOwnerId() {
        return ownerId;
    }

    public void setOwnerId(String ownerId) {
        this.ownerId = ownerId;
    }
}
