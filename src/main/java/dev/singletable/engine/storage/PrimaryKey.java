package dev.singletable.engine.storage;

/**
 * An item's position in its table: partitions in hash order (DynamoDB's Scan order), items of a partition in sort-key
 * order. {@code sort} is {@link KeyValue#NONE} on a table without a sort key.
 */
public record PrimaryKey(long hash, KeyValue partition, KeyValue sort) implements Comparable<PrimaryKey> {

    /** The key of a stored (or sought) item; its partition is the shared instance (see {@link CanonicalPartitions}). */
    public static PrimaryKey of(KeyValue partition, KeyValue sort) {
        long hash = partition.partitionHash();
        return new PrimaryKey(hash, CanonicalPartitions.of(partition, hash), sort);
    }

    /** Bounds of one partition, for range reads. */
    public static PrimaryKey lowest(KeyValue partition) {
        return of(partition, KeyValue.MIN);
    }

    public static PrimaryKey highest(KeyValue partition) {
        return of(partition, KeyValue.MAX);
    }

    public PrimaryKey withSort(KeyValue sortBound) {
        return new PrimaryKey(hash, partition, sortBound);
    }

    @Override
    public int compareTo(PrimaryKey o) {
        if (this == o) {
            return 0; // a search for a stored key meets that key's own node
        }
        int c = comparePartitions(hash, partition, o.hash, o.partition);
        return c != 0 ? c : sort.compareTo(o.sort);
    }

    /** The order of partitions, the same in a table and in its indexes: by hash (unsigned), then by key value. */
    static int comparePartitions(long hash, KeyValue partition, long otherHash, KeyValue otherPartition) {
        int c = Long.compareUnsigned(hash, otherHash);
        // equal hashes are nearly always one partition, whose keys share an instance (see CanonicalPartitions)
        return c != 0 || partition == otherPartition ? c : partition.compareTo(otherPartition);
    }
}
