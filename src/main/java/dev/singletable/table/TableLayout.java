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

    public record Attribute(String name, String type) {
    }

    /** For a local index, {@code partitionKey} is absent: it is always the table's. */
    public record Index(String name, String partitionKey, String sortKey, String projection, List<String> nonKeyAttributes) {
    }
}
