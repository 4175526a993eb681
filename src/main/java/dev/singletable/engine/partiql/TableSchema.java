package dev.singletable.engine.partiql;

import dev.singletable.engine.error.EngineErrors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The key attributes of a table and of its indexes, read with DescribeTable on the target, so that a statement can be
 * turned into the right key-based operation. A missing table surfaces as the target's own ResourceNotFoundException.
 */
record TableSchema(
        String table,
        Keys tableKeys,
        Map<String, @Nullable Keys> indexes,
        Map<String, Boolean> globalIndexes,
        Map<String, String> attributeTypes) {

    /** A key schema: partition key and optional (null) sort key names. */
    record Keys(String hash, @Nullable String range) {
        boolean isKey(String attribute) {
            return attribute.equals(hash) || attribute.equals(range);
        }

        List<String> names() {
            return range == null ? List.of(hash) : List.of(hash, range);
        }
    }

    static TableSchema describe(DynamoDbClient target, String table) {
        TableDescription d;
        try {
            d = target.describeTable(b -> b.tableName(table)).table();
        } catch (ResourceNotFoundException missing) {
            // a statement is a data-plane request: a missing table is the data plane's bare "not found", not the
            // control plane's "Requested resource not found: Table: <name> not found"
            if (missing.awsErrorDetails() != null
                    && missing.awsErrorDetails().errorMessage() != null
                    && missing.awsErrorDetails().errorMessage().startsWith("Requested resource not found: Table: ")) {
                throw EngineErrors.resourceNotFound();
            }
            throw missing;
        }
        Map<String, @Nullable Keys> indexes = new HashMap<>(); // null: a multi-attribute key
        Map<String, Boolean> global = new HashMap<>();
        for (GlobalSecondaryIndexDescription g : d.globalSecondaryIndexes()) {
            // a multi-attribute key is not planned as a key-based read: a SELECT on such an index scans it, with the
            // WHERE clause as the filter (same items; the planner knows one partition and one sort attribute)
            indexes.put(
                    g.indexName(),
                    g.keySchema().size() > 2
                                    || g.keySchema().size() == 2
                                            && g.keySchema().get(1).keyType() == KeyType.HASH
                            ? null
                            : keys(g.keySchema()));
            global.put(g.indexName(), true);
        }
        for (LocalSecondaryIndexDescription l : d.localSecondaryIndexes()) {
            indexes.put(l.indexName(), keys(l.keySchema()));
            global.put(l.indexName(), false);
        }
        Map<String, String> types = new HashMap<>();
        for (AttributeDefinition a : d.attributeDefinitions()) {
            types.put(a.attributeName(), a.attributeTypeAsString());
        }
        return new TableSchema(d.tableName(), keys(d.keySchema()), indexes, global, types);
    }

    private static Keys keys(List<KeySchemaElement> schema) {
        String hash = null;
        String range = null;
        for (KeySchemaElement e : schema) {
            if (e.keyType() == KeyType.HASH) {
                hash = e.attributeName();
            } else {
                range = e.attributeName();
            }
        }
        // every key schema has its partition key
        return new Keys(Objects.requireNonNull(hash), range);
    }

    /**
     * The keys of the table, or of the named index; null when the index does not exist or has a multi-attribute key.
     */
    @Nullable
    Keys keysOf(@Nullable String index) {
        return index == null ? tableKeys : indexes.get(index);
    }

    boolean isGlobalIndex(@Nullable String index) {
        return index != null && Boolean.TRUE.equals(globalIndexes.get(index));
    }

    /** The declared type (S, N or B) of a key attribute. */
    @Nullable
    String typeOf(String attribute) {
        return attributeTypes.get(attribute);
    }
}
