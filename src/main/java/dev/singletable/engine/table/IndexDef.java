package dev.singletable.engine.table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/**
 * A global or local secondary index. {@code throughput} is null for local indexes (they share the table's);
 * {@code status} and {@code backfilling} only matter for global indexes, which are built after UpdateTable adds them.
 */
public record IndexDef(
        String name,
        boolean global,
        KeyDef key,
        ProjectionType projection,
        List<String> nonKeyAttributes,
        @Nullable Throughput throughput,
        IndexStatus status,
        boolean backfilling) {

    public IndexDef {
        nonKeyAttributes = nonKeyAttributes == null ? List.of() : List.copyOf(nonKeyAttributes);
    }

    /** Copy with another status and backfilling flag (the catalog moves a new GSI from CREATING to ACTIVE). */
    public IndexDef withStatus(IndexStatus newStatus, boolean newBackfilling) {
        return new IndexDef(name, global, key, projection, nonKeyAttributes, throughput, newStatus, newBackfilling);
    }

    IndexDef withThroughput(Throughput newThroughput) {
        return new IndexDef(name, global, key, projection, nonKeyAttributes, newThroughput, status, backfilling);
    }

    /**
     * Which attributes of a base item this index stores: everything for ALL; the table key plus the index key for
     * KEYS_ONLY; those plus the listed non-key attributes for INCLUDE. The caller decides whether the item belongs in
     * the index at all (sparse indexes): this only projects. For ALL the item's own map is returned, not a copy: an
     * index entry then shares its base item's attributes (stored maps are immutable), and callers only read it.
     */
    public Map<String, AttributeValue> project(Map<String, AttributeValue> item, KeyDef tableKey) {
        if (projection == ProjectionType.ALL) {
            return item;
        }
        Map<String, AttributeValue> projected = new LinkedHashMap<>();
        copy(item, projected, tableKey.hashName());
        copy(item, projected, tableKey.rangeName());
        for (String name : key.names()) {
            copy(item, projected, name);
        }
        if (projection == ProjectionType.INCLUDE) {
            for (String attribute : nonKeyAttributes) {
                copy(item, projected, attribute);
            }
        }
        return projected;
    }

    /** True if a read of {@code attributeName} can be served from this index without fetching the base item. */
    public boolean projects(String attributeName, KeyDef tableKey) {
        return projection == ProjectionType.ALL
                || tableKey.isKeyAttribute(attributeName)
                || key.isKeyAttribute(attributeName)
                || (projection == ProjectionType.INCLUDE && nonKeyAttributes.contains(attributeName));
    }

    private static void copy(Map<String, AttributeValue> from, Map<String, AttributeValue> to, @Nullable String name) {
        if (name != null) {
            AttributeValue value = from.get(name);
            if (value != null) {
                to.put(name, value);
            }
        }
    }
}
