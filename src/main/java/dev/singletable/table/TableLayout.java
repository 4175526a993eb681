package dev.singletable.table;

import java.util.List;

/**
 * The single table's key schema, indexes, TTL attribute and stream view type, as declared in
 * {@code table/singletable-table.json}. The same file feeds Terraform, so local and AWS tables cannot drift apart.
 */
public record TableLayout(
        String description,
        List<Attribute> attributeDefinitions,
        String partitionKey,
        String sortKey,
        List<Index> globalSecondaryIndexes,
        List<Index> localSecondaryIndexes,
        String timeToLiveAttribute,
        String streamViewType) {

    public record Attribute(String name, String type) {}

    /**
     * For a local index, {@code partitionKey} is absent: it is always the table's. A global index with a
     * multi-attribute key names its attributes in order in {@code partitionKeys} (up to four) and {@code sortKeys} (up
     * to four) instead of {@code partitionKey} and {@code sortKey}.
     */
    public record Index(
            String name,
            String partitionKey,
            String sortKey,
            List<String> partitionKeys,
            List<String> sortKeys,
            String projection,
            List<String> nonKeyAttributes) {

        /** The index's partition key attributes, in order: one, or up to four for a multi-attribute key. */
        public List<String> hashKeys() {
            return partitionKeys != null && !partitionKeys.isEmpty()
                    ? List.copyOf(partitionKeys)
                    : partitionKey == null ? List.of() : List.of(partitionKey);
        }

        /** The index's sort key attributes, in order: none, one, or up to four for a multi-attribute key. */
        public List<String> rangeKeys() {
            return sortKeys != null && !sortKeys.isEmpty()
                    ? List.copyOf(sortKeys)
                    : sortKey == null ? List.of() : List.of(sortKey);
        }

        /** Whether the key is made of several attributes (a global index only). */
        public boolean multiAttribute() {
            return hashKeys().size() > 1 || rangeKeys().size() > 1;
        }
    }
}
