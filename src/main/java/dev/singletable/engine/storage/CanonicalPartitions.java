package dev.singletable.engine.storage;

import java.util.Arrays;

/**
 * One shared {@link KeyValue} instance per recently seen string or binary partition key, so that comparing two keys of
 * the same partition is usually an identity check instead of a byte-array comparison.
 *
 * <p>Why: a descending Query page steps back through a {@code ConcurrentSkipListMap}, which has no back links, so
 * every step searches from the head of the whole table or index, comparing its key with O(log n) others; inside the
 * partition read each comparison first finds the partitions equal. Partition keys such as {@code USER#<ulid>} are
 * longer than the 8-byte {@code prefix} of a key value, so that took a byte-array comparison every time (issue 21's
 * profile: ~19 % of a page read). With the keys of one partition sharing one instance, {@link PrimaryKey} and
 * {@link IndexKey} settle it by identity.
 *
 * <p>A direct-mapped table indexed by the partition hash, with no lock: a slot holds the last partition seen there, a
 * collision simply replaces it (the next key of the evicted partition gets a fresh instance, which is only slower).
 * It is shared by all tables and engines; the values are immutable, and final fields make a racy publication safe.
 * Only values that are their bytes are shared: numbers (whose given text a key keeps) and strings with a surrogate
 * (which keep their AttributeValue) are left as they are, so sharing never changes a value a client sees.
 * Weighed against a per-partition map (exact, but its entries must be removed with the last item of a partition,
 * under the writers' concurrency) and a per-write neighbour search (a second O(log n) search on every write).
 */
final class CanonicalPartitions {

    private static final int SLOTS = 1 << 13;
    private static final KeyValue[] RECENT = new KeyValue[SLOTS];

    private CanonicalPartitions() {}

    /** The shared instance equal to {@code partition}, or {@code partition} itself (then remembered). */
    static KeyValue of(KeyValue partition, long hash) {
        byte[] bytes = partition.sharedBytes();
        if (bytes == null) {
            return partition;
        }
        int slot = (int) (hash ^ (hash >>> 32)) & (SLOTS - 1);
        KeyValue known = RECENT[slot];
        if (known == partition) {
            return known;
        }
        if (known != null && known.type() == partition.type() && Arrays.equals(known.sharedBytes(), bytes)) {
            return known;
        }
        RECENT[slot] = partition;
        return partition;
    }
}
