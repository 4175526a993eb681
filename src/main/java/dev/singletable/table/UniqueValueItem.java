package dev.singletable.table;

import java.lang.invoke.MethodHandles;
import org.jspecify.annotations.NullUnmarked;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/**
 * A uniqueness marker: an item whose key is the unique value itself ({@code PK = EMAIL#ann@example.com},
 * {@code SK = UNIQUE}). DynamoDB enforces uniqueness only on primary keys, so a value is claimed by putting its marker
 * with {@code attribute_not_exists(PK)} in the same transaction as the item that owns it. The marker also records the
 * owner, which makes it a GetItem lookup from the value to the owner. The namespace ({@code USERNAME}, {@code EMAIL})
 * belongs to the feature that owns the value.
 */
@NullUnmarked
@DynamoDbBean
public class UniqueValueItem extends TableItem {

    static final String ENTITY_TYPE = "UniqueValue";
    static final String SORT_KEY = "UNIQUE";
    static final TableSchema<UniqueValueItem> SCHEMA = schema(UniqueValueItem.class, MethodHandles.lookup());

    private String namespace;
    private String value;
    private String ownerId;

    static UniqueValueItem of(String namespace, String normalizedValue, String ownerId) {
        UniqueValueItem item = new UniqueValueItem();
        item.setNamespace(namespace);
        item.setValue(normalizedValue);
        item.setOwnerId(ownerId);
        return item;
    }

    static Key key(String namespace, String normalizedValue) {
        return Key.builder()
                .partitionValue(partitionKey(namespace, normalizedValue))
                .sortValue(SORT_KEY)
                .build();
    }

    private static String partitionKey(String namespace, String normalizedValue) {
        return namespace + "#" + normalizedValue;
    }

    @Override
    protected ItemKeys keys() {
        return ItemKeys.of(ENTITY_TYPE, partitionKey(namespace, value), SORT_KEY);
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public String getOwnerId() {
        return ownerId;
    }

    public void setOwnerId(String ownerId) {
        this.ownerId = ownerId;
    }
}
