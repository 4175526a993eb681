package dev.singletable.engine.core;

import dev.singletable.engine.error.EngineErrors;
import dev.singletable.engine.storage.KeyValue;
import dev.singletable.engine.storage.PrimaryKey;
import dev.singletable.engine.table.IndexDef;
import dev.singletable.engine.table.KeyDef;
import dev.singletable.engine.table.TableDefinition;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Reads and validates primary and index keys, with DynamoDB's messages and size limits (2048 bytes for a partition
 * key value, 1024 for a sort key value [1]). Values are already normalized.
 *
 * [1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-partition-sort-keys">Quotas in Amazon DynamoDB: partition key and sort key</a>
 */
public final class Keys {

    public static final int MAX_PARTITION_KEY_BYTES = 2048;
    public static final int MAX_SORT_KEY_BYTES = 1024;

    private Keys() {}

    /** A {@code Key} parameter (GetItem, UpdateItem, DeleteItem...): exactly the key attributes, of the right types. */
    public static PrimaryKey fromKey(TableDefinition table, Map<String, AttributeValue> key) {
        return fromKey(table.primaryKey(), key);
    }

    public static PrimaryKey fromKey(KeyDef schema, Map<String, AttributeValue> key) {
        int expected = schema.hasRange() ? 2 : 1;
        if (key == null || key.size() != expected) {
            throw schemaMismatch();
        }
        KeyValue hash = keyPart(key, schema.hashName(), schema.hashType(), true);
        String rangeName = schema.rangeName();
        ScalarAttributeType rangeType = schema.rangeType();
        KeyValue sort = rangeName != null && rangeType != null
                ? keyPart(key, rangeName, rangeType, true)
                : KeyValue.NONE; // no sort key
        checkSizes(hash, sort);
        return PrimaryKey.of(hash, sort);
    }

    /** The key of a whole item (PutItem): key attributes present, of the right types, not empty, within size limits. */
    public static PrimaryKey fromItem(TableDefinition table, Map<String, AttributeValue> item) {
        KeyDef schema = table.primaryKey();
        KeyValue hash = itemKeyPart(item, schema.hashName(), schema.hashType());
        String rangeName = schema.rangeName();
        ScalarAttributeType rangeType = schema.rangeType();
        KeyValue sort = rangeName != null && rangeType != null
                ? itemKeyPart(item, rangeName, rangeType)
                : KeyValue.NONE; // no sort key
        checkSizes(hash, sort);
        return PrimaryKey.of(hash, sort);
    }

    /** The key attributes of a stored key, as a map (the start of a new item created by UpdateItem). */
    public static Map<String, AttributeValue> keyAttributes(TableDefinition table, PrimaryKey key) {
        KeyDef schema = table.primaryKey();
        if (!schema.hasRange()) {
            return Map.of(schema.hashName(), key.partition().value());
        }
        return Map.of(
                schema.hashName(),
                key.partition().value(),
                schema.rangeName(),
                key.sort().value());
    }

    /** How an item to be checked against the secondary indexes came about: DynamoDB words each refusal its own way. */
    public enum IndexKeySource {
        /** a whole item (PutItem, a batch or transaction Put) */
        ITEM,
        /** an UpdateItem that creates the item */
        UPDATE_CREATING,
        /** an UpdateItem of an existing item */
        UPDATE_EXISTING
    }

    /** Secondary-index key attributes present in an item must have the index's types and must not be empty. */
    public static void checkIndexKeys(TableDefinition table, Map<String, AttributeValue> item) {
        checkIndexKeys(table, item, IndexKeySource.ITEM);
    }

    public static void checkIndexKeys(TableDefinition table, Map<String, AttributeValue> item, IndexKeySource source) {
        for (IndexDef index : table.globalIndexes()) {
            checkIndexKey(index, item, source);
        }
        for (IndexDef index : table.localIndexes()) {
            checkIndexKey(index, item, source);
        }
    }

    private static void checkIndexKey(IndexDef index, Map<String, AttributeValue> item, IndexKeySource source) {
        for (KeyDef.KeyPart part : index.key().hashParts()) {
            checkIndexKeyPart(index, part.name(), part.type(), item, source, true);
        }
        for (KeyDef.KeyPart part : index.key().rangeParts()) {
            checkIndexKeyPart(index, part.name(), part.type(), item, source, false);
        }
    }

    private static void checkIndexKeyPart(
            IndexDef index,
            String name,
            ScalarAttributeType type,
            Map<String, AttributeValue> item,
            IndexKeySource source,
            boolean partitionKey) {
        AttributeValue v = item.get(name);
        if (v == null) {
            return;
        }
        String actual = scalarType(v);
        if (!type.toString().equals(actual)) {
            boolean scalar = actual.equals("S") || actual.equals("N") || actual.equals("B");
            // a value that can be no key at all (a map, a list, ...) is a type mismatch there too (ScyllaDB's
            // test_gsi.py::test_gsi_wrong_type_attribute_update_nested, run against AWS)
            if (source == IndexKeySource.UPDATE_EXISTING && scalar) {
                throw EngineErrors.validation(
                        "The update expression attempted to update the secondary index key to " + "unsupported type");
            }
            throw EngineErrors.validation("One or more parameter values were invalid: Type mismatch for Index Key "
                    + name + " Expected: " + type + " Actual: " + actual + " IndexName: " + index.name());
        }
        if (isEmpty(v) && source != IndexKeySource.ITEM) {
            throw EngineErrors.validation("One or more parameter values are not valid. The update expression attempted "
                    + "to update a secondary index key to a value that is not supported. The AttributeValue for a key "
                    + "attribute cannot contain an empty " + (type == ScalarAttributeType.B ? "binary" : "string")
                    + " value.");
        }
        if (isEmpty(v)) {
            throw EngineErrors.validation(
                    "One or more parameter values are not valid. A value specified for a secondary "
                            + "index key is not supported. The AttributeValue for a key attribute cannot contain an empty "
                            + (type == ScalarAttributeType.B ? "binary" : "string") + " value. IndexName: "
                            + index.name()
                            + ", IndexKey: " + name);
        }
        // an index key has the table key's size limits, on every write (the backfill skips such items instead); AWS
        // names the limit (ScyllaDB's test_gsi.py::test_gsi_limit_*_key_len_*, run against AWS), its exact sentence
        // for an index is not known, so the table key's is used (DynamoDB Local: "Size limit exceeded")
        KeyValue value = KeyValue.of(type, v);
        if (partitionKey) {
            checkSizes(value, KeyValue.NONE);
        } else if (value.size() > MAX_SORT_KEY_BYTES) {
            checkSizes(KeyValue.NONE, value);
        }
    }

    private static KeyValue keyPart(
            Map<String, AttributeValue> key, String name, ScalarAttributeType type, boolean strict) {
        AttributeValue v = key.get(name);
        if (v == null || !type.toString().equals(scalarType(v))) {
            throw schemaMismatch();
        }
        checkNotEmpty(name, type, v);
        return KeyValue.of(type, v);
    }

    private static KeyValue itemKeyPart(Map<String, AttributeValue> item, String name, ScalarAttributeType type) {
        AttributeValue v = item.get(name);
        if (v == null) {
            throw EngineErrors.validation(
                    "One or more parameter values were invalid: Missing the key " + name + " in the item");
        }
        String actual = scalarType(v);
        if (!type.toString().equals(actual)) {
            throw EngineErrors.validation("One or more parameter values were invalid: Type mismatch for key " + name
                    + " expected: " + type + " actual: " + actual);
        }
        checkNotEmpty(name, type, v);
        return KeyValue.of(type, v);
    }

    private static void checkNotEmpty(String name, ScalarAttributeType type, AttributeValue v) {
        if (isEmpty(v)) {
            throw EngineErrors.validation("One or more parameter values are not valid. The AttributeValue for a key "
                    + "attribute cannot contain an empty " + (type == ScalarAttributeType.B ? "binary" : "string")
                    + " value. Key: " + name);
        }
    }

    private static void checkSizes(KeyValue hash, KeyValue sort) {
        if (hash.size() > MAX_PARTITION_KEY_BYTES) {
            throw EngineErrors.validation("One or more parameter values were invalid: Size of hashkey has exceeded the "
                    + "maximum size limit of2048 bytes");
        }
        if (sort != KeyValue.NONE && sort.size() > MAX_SORT_KEY_BYTES) {
            throw EngineErrors.validation(
                    "One or more parameter values were invalid: Aggregated size of all range keys "
                            + "has exceeded the size limit of 1024 bytes");
        }
    }

    private static boolean isEmpty(AttributeValue v) {
        return (v.s() != null && v.s().isEmpty()) || (v.b() != null && v.b().asByteArrayUnsafe().length == 0);
    }

    /** The DynamoDB type name of a value ("S", "N", "M", ...). */
    static String scalarType(AttributeValue v) {
        return dev.singletable.engine.value.AttributeValues.typeOf(v).name();
    }

    public static final String SCHEMA_MISMATCH = "The provided key element does not match the schema";

    public static RuntimeException schemaMismatch() {
        return EngineErrors.validation(SCHEMA_MISMATCH);
    }
}
