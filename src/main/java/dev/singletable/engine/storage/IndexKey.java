package dev.singletable.engine.storage;

import org.jspecify.annotations.Nullable;

/**
 * An entry's position in a secondary index: by index partition (hash order), then index sort key, then the table key,
 * because several items may share one index key. {@code sort} is {@link KeyValue#NONE} for an index without a sort key.
 */
public record IndexKey(
        long hash,
        KeyValue partition,
        KeyValue sort,
        @Nullable PrimaryKey tableKey) implements Comparable<IndexKey> {

    /** An entry's key; its partition is the shared instance (see {@link CanonicalPartitions}). */
    public static IndexKey of(KeyValue partition, KeyValue sort, PrimaryKey tableKey) {
        return at(partition, sort, tableKey);
    }

    private static IndexKey at(KeyValue partition, KeyValue sort, @Nullable PrimaryKey tableKey) {
        long hash = partition.partitionHash();
        return new IndexKey(hash, CanonicalPartitions.of(partition, hash), sort, tableKey);
    }

    private static final PrimaryKey HIGHEST_TABLE_KEY = new PrimaryKey(Long.MAX_VALUE, KeyValue.MAX, KeyValue.MAX);

    /** The first possible entry with this index partition and sort bound. */
    public static IndexKey lowest(KeyValue partition, KeyValue sort) {
        return at(partition, sort, null);
    }

    public static IndexKey highest(KeyValue partition, KeyValue sort) {
        return at(partition, sort, HIGHEST_TABLE_KEY);
    }

    @Override
    public int compareTo(IndexKey o) {
        if (this == o) {
            return 0; // a search for a stored key meets that key's own node
        }
        int c = PrimaryKey.comparePartitions(hash, partition, o.hash, o.partition);
        if (c != 0) {
            return c;
        }
        c = sort.compareTo(o.sort);
        if (c != 0) {
            return c;
        }
        return compareTableKeys(tableKey, o.tableKey);
    }

    private static int compareTableKeys(@Nullable PrimaryKey a, @Nullable PrimaryKey b) {
        // null sorts first: it is the lower bound of an index key's entries
        if (a == null || b == null) {
            return a == b ? 0 : a == null ? -1 : 1;
        }
        if (a == HIGHEST_TABLE_KEY || b == HIGHEST_TABLE_KEY) {
            return a == b ? 0 : a == HIGHEST_TABLE_KEY ? 1 : -1;
        }
        return a.compareTo(b);
    }
}
