package dev.singletable.table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The attributes that make up a position in the table or in one of its indexes: the table's key plus, on an index, the
 * index's key. That is exactly what DynamoDB wants as {@code ExclusiveStartKey}, so a page can end at any item returned.
 */
record KeyShape(List<String> attributes) {

    public KeyShape {
        attributes = List.copyOf(attributes);
    }

    /** The position of an item (which holds all key attributes: indexes project them always). */
    public Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (String name : attributes) {
            AttributeValue value = item.get(name);
            if (value == null) {
                throw new IllegalArgumentException("item has no key attribute " + name);
            }
            key.put(name, value);
        }
        return key;
    }

    /** The shape of the table (index null) or of one of its indexes, as the layout declares them. */
    public static KeyShape of(TableLayout layout, @Nullable String indexName) {
        List<String> table = layout.sortKey() == null
                ? List.of(layout.partitionKey())
                : List.of(layout.partitionKey(), layout.sortKey());
        if (indexName == null) {
            return new KeyShape(table);
        }
        for (TableLayout.Index gsi : nullToEmpty(layout.globalSecondaryIndexes())) {
            if (gsi.name().equals(indexName)) {
                return new KeyShape(concat(table, gsi.hashKeys(), gsi.rangeKeys()));
            }
        }
        for (TableLayout.Index lsi : nullToEmpty(layout.localSecondaryIndexes())) {
            if (lsi.name().equals(indexName)) {
                return new KeyShape(concat(table, List.of(), lsi.rangeKeys()));
            }
        }
        throw new IllegalArgumentException("the table layout has no index " + indexName);
    }

    /** The table's key, then the index's key attributes in order (a multi-attribute key has several of each). */
    private static List<String> concat(List<String> table, List<String> hash, List<String> range) {
        var all = new java.util.ArrayList<>(table);
        for (List<String> names : List.of(hash, range)) {
            for (String name : names) {
                if (!all.contains(name)) {
                    all.add(name);
                }
            }
        }
        return all;
    }

    private static List<TableLayout.Index> nullToEmpty(List<TableLayout.Index> indexes) {
        return indexes == null ? List.of() : indexes;
    }
}
