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
        AttributeValue hash = attributes.get(schema.hashName());
        if (hash == null) {
            throw new CorruptDataException("stored item lacks its key attribute " + schema.hashName());
        }
        KeyValue sort = KeyValue.NONE;
        String rangeName = schema.rangeName();
        ScalarAttributeType rangeType = schema.rangeType();
        if (rangeName != null && rangeType != null) {
            AttributeValue range = attributes.get(rangeName);
            if (range == null) {
                throw new CorruptDataException("stored item lacks its key attribute " + rangeName);
            }
            sort = KeyValue.of(rangeType, range);
        }
        return PrimaryKey.of(KeyValue.of(schema.hashType(), hash), sort);
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
