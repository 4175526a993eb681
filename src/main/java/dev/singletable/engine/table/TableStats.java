package dev.singletable.engine.table;

import java.util.Map;

/**
 * What the catalog knows about a table's data when describing it: item count, size in bytes, per-index
 * {count, size} pairs keyed by index name, and the table status (CREATING, ACTIVE, UPDATING, DELETING, ...).
 */
public record TableStats(long itemCount, long sizeBytes, Map<String, long[]> perIndexCountAndSize, String status) {

    public static TableStats empty(String status) {
        return new TableStats(0, 0, Map.of(), status);
    }
}
