package dev.singletable.engine.durability;

import dev.singletable.engine.storage.KeyAttributes;
import dev.singletable.engine.storage.KeyValue;
import dev.singletable.engine.storage.PrimaryKey;
import dev.singletable.engine.table.KeyDef;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The primary key of a stored item or stored key: the values were validated when first written. */
public final class StoredKeys {

    private StoredKeys() {}

    public static PrimaryKey of(KeyDef schema, Map<String, AttributeValue> attributes) {
        KeyAttributes keys = (name, type) -> {
            AttributeValue value = attributes.get(name);
            return value == null ? null : KeyValue.of(type, value);
        };
        return of(schema, keys);
    }

    /** The same from key values already decoded (a snapshot being loaded). */
    public static PrimaryKey of(KeyDef schema, KeyAttributes attributes) {
        KeyValue hash = attributes.get(schema.hashName(), schema.hashType());
        if (hash == null) {
            throw new CorruptDataException("stored item lacks its key attribute " + schema.hashName());
        }
        KeyValue sort = KeyValue.NONE;
        String rangeName = schema.rangeName();
        ScalarAttributeType rangeType = schema.rangeType();
        if (rangeName != null && rangeType != null) {
            KeyValue found = attributes.get(rangeName, rangeType);
            if (found == null) {
                throw new CorruptDataException("stored item lacks its key attribute " + rangeName);
            }
            sort = found;
        }
        return PrimaryKey.of(hash, sort);
    }
}
