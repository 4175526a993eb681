package dev.singletable.engine.storage;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A table's items and its secondary indexes. Reads are lock-free (each item is replaced atomically); every change goes
 * through {@link #apply}, which the engine calls only from its single commit path, so indexes always follow their items.
 */
public final class TableData {

    /** Replaced only by {@link #loadSorted}, before anything reads the table. */
    private volatile ConcurrentSkipListMap<PrimaryKey, StoredItem> items = new ConcurrentSkipListMap<>();

    private final Map<String, IndexData> indexes = new ConcurrentHashMap<>();
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    /** Bytes of each item collection (a partition's items and their local-index entries), for tables with LSIs. */
    private final Map<KeyValue, AtomicLong> collections = new ConcurrentHashMap<>();

    public @Nullable StoredItem get(PrimaryKey key) {
        return items.get(key);
    }

    public NavigableMap<PrimaryKey, StoredItem> items() {
        return items;
    }

    public @Nullable IndexData index(String name) {
        return indexes.get(name);
    }

    public Collection<IndexData> indexes() {
        return indexes.values();
    }

    public long itemCount() {
        return count.get();
    }

    public long sizeBytes() {
        return bytes.get();
    }

    /** The size of an item collection: the partition's items plus their entries in local indexes (0 without LSIs). */
    public long collectionBytes(KeyValue partition) {
        AtomicLong size = collections.get(partition);
        return size == null ? 0 : size.get();
    }

    /** Adds an index and backfills it from the current items (UpdateTable creating a GSI). Caller holds the commit lock. */
    public void addIndex(IndexData index) {
        for (Map.Entry<PrimaryKey, StoredItem> e : items.entrySet()) {
            index.apply(e.getKey(), null, e.getValue());
        }
        indexes.put(index.name(), index);
        if (index.shape().local()) {
            recountCollections();
        }
    }

    private boolean hasLocalIndexes() {
        return indexes.values().stream().anyMatch(i -> i.shape().local());
    }

    /** Counts every item collection afresh (a table loaded whole, or a local index added to a populated table). */
    private void recountCollections() {
        collections.clear();
        if (!hasLocalIndexes()) {
            return;
        }
        for (Map.Entry<PrimaryKey, StoredItem> e : items.entrySet()) {
            grow(e.getKey().partition(), e.getValue().size());
        }
        for (IndexData index : indexes.values()) {
            if (index.shape().local()) {
                for (Map.Entry<IndexKey, StoredItem> e : index.entries().entrySet()) {
                    grow(e.getKey().partition(), e.getValue().size());
                }
            }
        }
    }

    private void grow(KeyValue partition, long delta) {
        if (delta != 0) {
            collections.computeIfAbsent(partition, p -> new AtomicLong()).addAndGet(delta);
        }
    }

    /**
     * Fills an empty table at once from entries in ascending key order, each key once (a snapshot being loaded): the
     * item map and every index are built in linear time plus one sort per index, instead of one search per item.
     * Caller holds the commit lock, and nothing reads the table yet.
     */
    public void loadSorted(List<Map.Entry<PrimaryKey, StoredItem>> sorted) {
        loadSorted(sorted, e -> KeyAttributes.of(e.getValue().attributes()));
    }

    /**
     * As {@link #loadSorted(List)}, with each entry's key attributes (its table and index keys) given apart, so items
     * kept encoded (see {@link StoredItem#encoded}) need not be decoded to be indexed.
     */
    public <E extends Map.Entry<PrimaryKey, StoredItem>> void loadSorted(
            List<E> sorted, Function<? super E, KeyAttributes> keyAttributes) {
        if (!items.isEmpty()) {
            throw new IllegalStateException("only an empty table can be loaded");
        }
        items = new ConcurrentSkipListMap<>(new SortedEntries<>(sorted));
        long total = 0;
        for (E e : sorted) {
            total += e.getValue().size();
        }
        count.set(sorted.size());
        bytes.set(total);
        for (IndexData index : indexes.values()) {
            index.loadFrom(sorted, keyAttributes);
        }
        recountCollections();
    }

    /**
     * Sorts distinct entries given in any order into key order, in place (see {@link HashOrderSort}): log replay
     * gathers its items in a hash map, then loads or applies them in key order.
     */
    public static <E extends Map.Entry<PrimaryKey, StoredItem>> void sortByKey(E[] entries) {
        HashOrderSort.sort(entries, e -> e.getKey().hash(), Map.Entry.comparingByKey());
    }

    public void dropIndex(String name) {
        indexes.remove(name);
    }

    /**
     * Replaces, inserts (old null) or deletes (new null) one item and its index entries. Caller holds the commit lock.
     */
    public void apply(PrimaryKey key, @Nullable StoredItem oldItem, @Nullable StoredItem newItem) {
        if (newItem == null) {
            if (items.remove(key) != null) {
                count.decrementAndGet();
                // the item was there, so the caller named it as the old state
                bytes.addAndGet(-Objects.requireNonNull(oldItem, "a delete of a stored item without it")
                        .size());
            }
        } else {
            StoredItem previous = items.put(key, newItem);
            if (previous == null) {
                count.incrementAndGet();
                bytes.addAndGet(newItem.size());
            } else {
                bytes.addAndGet(newItem.size() - previous.size());
            }
        }
        boolean local = false;
        long collectionDelta = (newItem == null ? 0 : newItem.size()) - (oldItem == null ? 0 : oldItem.size());
        for (IndexData index : indexes.values()) {
            long delta = index.apply(key, oldItem, newItem);
            if (index.shape().local()) {
                local = true;
                collectionDelta += delta;
            }
        }
        if (local) {
            grow(key.partition(), collectionDelta);
        }
    }
}
