package dev.singletable.engine.table;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** A key schema: a hash (partition) attribute and an optional range (sort) attribute, with their scalar types. */
public record KeyDef(String hashName, ScalarAttributeType hashType, String rangeName, ScalarAttributeType rangeType) {

    public boolean hasRange() {
        return rangeName != null;
    }

    /** True if the attribute is the hash or the range attribute of this key. */
    public boolean isKeyAttribute(String attributeName) {
        return attributeName.equals(hashName) || attributeName.equals(rangeName);
    }

    /** The key attribute names, hash first. */
    public List<String> names() {
        return hasRange() ? List.of(hashName, rangeName) : List.of(hashName);
    }

    /** The key schema as DynamoDB describes it: HASH element first, then RANGE. */
    public List<KeySchemaElement> toKeySchema() {
        List<KeySchemaElement> schema = new ArrayList<>(2);
        schema.add(KeySchemaElement.builder().attributeName(hashName).keyType(KeyType.HASH).build());
        if (hasRange()) {
            schema.add(KeySchemaElement.builder().attributeName(rangeName).keyType(KeyType.RANGE).build());
        }
        return schema;
    }
}
