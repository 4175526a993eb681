package dev.singletable.table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps raw items of several types to their own classes by their {@value SingleTable#ENTITY_TYPE} attribute. The enhanced
 * client maps one Query to one class only (aws-sdk-java-v2 #1870); an item collection that holds, say, a tweet and its
 * likes is read with the low-level client and each item is then unmarshalled with the schema its type names.
 */
public final class ItemTypes {

    private final Map<String, TableSchema<?>> schemas;

    private ItemTypes(Map<String, TableSchema<?>> schemas) {
        this.schemas = Map.copyOf(schemas);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The item as an instance of the class registered for its entity type. */
    public Object map(Map<String, AttributeValue> item) {
        AttributeValue type = item.get(SingleTable.ENTITY_TYPE);
        TableSchema<?> schema = type == null ? null : schemas.get(type.s());
        if (schema == null) {
            throw new IllegalStateException("no item type registered for " + SingleTable.ENTITY_TYPE + "=" + type
                    + " (item " + item.get(SingleTable.PK) + " / " + item.get(SingleTable.SK) + ")");
        }
        return schema.mapToItem(item);
    }

    public List<Object> mapAll(List<Map<String, AttributeValue>> items) {
        return items.stream().map(this::map).toList();
    }

    public static final class Builder {
        private final Map<String, TableSchema<?>> schemas = new LinkedHashMap<>();

        public <T> Builder add(String entityType, TableSchema<T> schema) {
            schemas.put(entityType, schema);
            return this;
        }

        public ItemTypes build() {
            return new ItemTypes(schemas);
        }
    }
}
