package dev.singletable.engine.durability;

import dev.singletable.engine.storage.KeyAttributes;
import dev.singletable.engine.storage.KeyValue;
import dev.singletable.engine.storage.PrimaryKey;
import dev.singletable.engine.table.KeyDef;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The primary key of a stored item or stored key: the values were validated when first written. */
public final class StoredKeys {

    private StoredKeys() {}

    public static PrimaryKey of(KeyDef schema, Map<String, AttributeValue> attributes) {
        AttributeValue hash = attributes.get(schema.hashName());
        if (hash == null) {
            throw new CorruptDataException("stored item lacks its key attribute " + schema.hashName());
        }
        KeyValue sort = KeyValue.NONE;
        if (schema.hasRange()) {
            AttributeValue range = attributes.get(schema.rangeName());
            if (range == null) {
                throw new CorruptDataException("stored item lacks its key attribute " + schema.rangeName());
            }
            sort = KeyValue.of(schema.rangeType(), range);
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
        if (schema.hasRange()) {
            sort = attributes.get(schema.rangeName(), schema.rangeType());
            if (sort == null) {
                throw new CorruptDataException("stored item lacks its key attribute " + schema.rangeName());
            }
        }
        return PrimaryKey.of(hash, sort);
    }
}
