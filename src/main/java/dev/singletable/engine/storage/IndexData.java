package dev.singletable.engine.storage;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * One secondary index's entries: the projected copy of every base item that carries the index's key attributes
 * (an item without them is simply absent: indexes are sparse).
 */
public final class IndexData {

    /**
     * How this index reads its key from an item and what it projects; supplied by the catalog. A key has one or more
     * partition attributes and zero or more sort attributes (several only in a global index's multi-attribute key).
     */
    public interface Shape {
        List<String> hashNames();

        List<ScalarAttributeType> hashTypes();

        List<String> rangeNames(); // empty when the index has no sort key

        List<ScalarAttributeType> rangeTypes();

        Map<String, AttributeValue> project(Map<String, AttributeValue> item);

        /** Whether {@link #project} returns the whole item (ALL): entries then share their base items. */
        default boolean projectsAll() {
            return false;
        }

        /** A local index: its entries count toward their item collection's size. */
        default boolean local() {
            return false;
        }
    }

    /** DynamoDB's key size limits, which an index key obeys as a table key does. */
    private static final int MAX_PARTITION_KEY_BYTES = 2048;

    private static final int MAX_SORT_KEY_BYTES = 1024;

    private final String name;
    private final Shape shape;
    private final ToLongFunction<Map<String, AttributeValue>> sizer;
    /** Replaced only by {@link #loadFrom}, before anything reads the index. */
    private volatile ConcurrentSkipListMap<IndexKey, StoredItem> entries = new ConcurrentSkipListMap<>();

    private final AtomicLong count = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    private final String[] hashNames;
    private final ScalarAttributeType[] hashTypes;
    private final String[] rangeNames;
    private final ScalarAttributeType[] rangeTypes;

    public IndexData(String name, Shape shape, ToLongFunction<Map<String, AttributeValue>> sizer) {
        this.name = name;
        this.shape = shape;
        this.sizer = sizer;
        this.hashNames = shape.hashNames().toArray(new String[0]);
        this.hashTypes = shape.hashTypes().toArray(new ScalarAttributeType[0]);
        this.rangeNames = shape.rangeNames().toArray(new String[0]);
        this.rangeTypes = shape.rangeTypes().toArray(new ScalarAttributeType[0]);
    }

    public String name() {
        return name;
    }

    public Shape shape() {
        return shape;
    }

    public NavigableMap<IndexKey, StoredItem> entries() {
        return entries;
    }

    public long itemCount() {
        return count.get();
    }

    public long sizeBytes() {
        return bytes.get();
    }

    /** The entry key an item with these key attributes would have in this index, or null when it is not in it. */
    @Nullable
    IndexKey keyOf(KeyAttributes item, PrimaryKey tableKey) {
        KeyValue h = loaded(item, hashNames, hashTypes, MAX_PARTITION_KEY_BYTES);
        if (h == null) {
            return null;
        }
        KeyValue sort = KeyValue.NONE;
        if (rangeNames.length > 0) {
            sort = loaded(item, rangeNames, rangeTypes, MAX_SORT_KEY_BYTES);
            if (sort == null) {
                return null;
            }
        }
        return IndexKey.of(h, sort, tableKey);
    }

    private static @Nullable KeyValue loaded(
            KeyAttributes item, String[] names, ScalarAttributeType[] types, int maxBytes) {
        if (names.length == 1) {
            return usable(item.get(names[0], types[0]), maxBytes);
        }
        KeyValue[] parts = new KeyValue[names.length];
        for (int i = 0; i < names.length; i++) {
            parts[i] = usable(item.get(names[i], types[i]), maxBytes);
            if (parts[i] == null) {
                return null; // an item missing any attribute of a multi-attribute key is not in the index
            }
        }
        return KeyValue.composite(parts);
    }

    /** A loaded key value that can be an index key (see {@link #indexable}), else null. */
    private static @Nullable KeyValue usable(@Nullable KeyValue v, int maxBytes) {
        if (v == null || v.size() > maxBytes || (v.bytes() != null && v.bytes().length == 0)) {
            return null;
        }
        return v;
    }

    /** The entry key an item would have in this index, or null when the item is not in it. */
    public @Nullable IndexKey keyOf(Map<String, AttributeValue> item, PrimaryKey tableKey) {
        KeyValue h = value(item, hashNames, hashTypes, MAX_PARTITION_KEY_BYTES);
        if (h == null) {
            return null;
        }
        KeyValue sort = KeyValue.NONE;
        if (rangeNames.length > 0) {
            sort = value(item, rangeNames, rangeTypes, MAX_SORT_KEY_BYTES);
            if (sort == null) {
                return null;
            }
        }
        return IndexKey.of(h, sort, tableKey);
    }

    private static @Nullable KeyValue value(
            Map<String, AttributeValue> item, String[] names, ScalarAttributeType[] types, int maxBytes) {
        if (names.length == 1) {
            return indexable(item.get(names[0]), types[0], maxBytes);
        }
        KeyValue[] parts = new KeyValue[names.length];
        for (int i = 0; i < names.length; i++) {
            parts[i] = indexable(item.get(names[i]), types[i], maxBytes);
            if (parts[i] == null) {
                return null;
            }
        }
        return KeyValue.composite(parts);
    }

    /**
     * The key value of an index key attribute, or null when the item cannot be in the index by it: absent, of another
     * type, an empty string or binary, or beyond the key size limit. Writes refuse such values before they get here;
     * an index built over existing items (UpdateTable) skips those items, as DynamoDB's backfill does
     * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.OnlineOps.ViolationDetection.html).
     */
    private static @Nullable KeyValue indexable(@Nullable AttributeValue v, ScalarAttributeType type, int maxBytes) {
        if (v == null) {
            return null;
        }
        boolean typed =
                switch (type) {
                    case S -> v.s() != null && !v.s().isEmpty();
                    case N -> v.n() != null;
                    case B -> v.b() != null && v.b().asByteArrayUnsafe().length > 0;
                    default -> false;
                };
        if (!typed) {
            return null;
        }
        KeyValue key = KeyValue.of(type, v);
        return key.size() > maxBytes ? null : key;
    }

    /**
     * Keeps the index in step with one base-table change; old or new may be null. Caller holds the commit lock.
     *
     * @return how many bytes the index's entries grew by (negative when they shrank)
     */
    long apply(PrimaryKey tableKey, @Nullable StoredItem oldItem, @Nullable StoredItem newItem) {
        long delta = 0;
        IndexKey oldKey = oldItem == null ? null : keyOf(oldItem.attributes(), tableKey);
        IndexKey newKey = newItem == null ? null : keyOf(newItem.attributes(), tableKey);
        if (oldKey != null) {
            StoredItem removed = entries.remove(oldKey);
            if (removed != null) {
                count.decrementAndGet();
                bytes.addAndGet(-removed.size());
                delta -= removed.size();
            }
        }
        if (newKey != null && newItem != null) { // a key only when there is a new item
            StoredItem entry = projected(newItem);
            entries.put(newKey, entry);
            count.incrementAndGet();
            bytes.addAndGet(entry.size());
            delta += entry.size();
        }
        return delta;
    }

    private StoredItem projected(StoredItem item) {
        if (shape.projectsAll()) {
            return item; // shared, and not decoded when it was loaded encoded
        }
        Map<String, AttributeValue> projected = shape.project(item.attributes());
        if (projected == item.attributes()) {
            return item; // an ALL projection shares the base item
        }
        long size = projected.size() == item.attributes().size() ? item.size() : sizer.applyAsLong(projected);
        return new StoredItem(projected, size);
    }

    /**
     * Builds the index of a table being loaded whole (see {@link TableData#loadSorted}): entries are sorted once (by
     * hash first, see {@link HashOrderSort}) and linked in order, instead of searched for one by one.
     */
    @SuppressWarnings("unchecked")
    <E extends Map.Entry<PrimaryKey, StoredItem>> void loadFrom(
            List<E> tableItems, Function<? super E, KeyAttributes> keyAttributes) {
        Map.Entry<IndexKey, StoredItem>[] sorted = new Map.Entry[tableItems.size()];
        int n = 0;
        long total = 0;
        for (E e : tableItems) {
            IndexKey key = keyOf(keyAttributes.apply(e), e.getKey());
            if (key != null) {
                StoredItem entry = projected(e.getValue());
                sorted[n++] = Map.entry(key, entry);
                total += entry.size();
            }
        }
        if (n < sorted.length) {
            sorted = Arrays.copyOf(sorted, n); // a sparse index: only the items that carry its keys
        }
        HashOrderSort.sort(sorted, e -> e.getKey().hash(), Map.Entry.comparingByKey());
        entries = new ConcurrentSkipListMap<>(new SortedEntries<>(Arrays.asList(sorted)));
        count.set(sorted.length);
        bytes.set(total);
    }
}
