package dev.singletable.engine.storage;

import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * One secondary index's entries: the projected copy of every base item that carries the index's key attributes
 * (an item without them is simply absent: indexes are sparse).
 */
public final class IndexData {

    /** How this index reads its key from an item and what it projects; supplied by the catalog. */
    public interface Shape {
        String hashName();

        ScalarAttributeType hashType();

        String rangeName();        // null when the index has no sort key

        ScalarAttributeType rangeType();

        Map<String, AttributeValue> project(Map<String, AttributeValue> item);
    }

    private final String name;
    private final Shape shape;
    private final ToLongFunction<Map<String, AttributeValue>> sizer;
    private final ConcurrentSkipListMap<IndexKey, StoredItem> entries = new ConcurrentSkipListMap<>();
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    public IndexData(String name, Shape shape, ToLongFunction<Map<String, AttributeValue>> sizer) {
        this.name = name;
        this.shape = shape;
        this.sizer = sizer;
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

    /** The entry key an item would have in this index, or null when the item is not in it. */
    public IndexKey keyOf(Map<String, AttributeValue> item, PrimaryKey tableKey) {
        AttributeValue h = item.get(shape.hashName());
        if (h == null) {
            return null;
        }
        KeyValue sort = KeyValue.NONE;
        if (shape.rangeName() != null) {
            AttributeValue r = item.get(shape.rangeName());
            if (r == null) {
                return null;
            }
            sort = KeyValue.of(shape.rangeType(), r);
        }
        return IndexKey.of(KeyValue.of(shape.hashType(), h), sort, tableKey);
    }

    /** Keeps the index in step with one base-table change; old or new may be null. Caller holds the commit lock. */
    void apply(PrimaryKey tableKey, StoredItem oldItem, StoredItem newItem) {
        IndexKey oldKey = oldItem == null ? null : keyOf(oldItem.attributes(), tableKey);
        IndexKey newKey = newItem == null ? null : keyOf(newItem.attributes(), tableKey);
        if (oldKey != null) {
            StoredItem removed = entries.remove(oldKey);
            if (removed != null) {
                count.decrementAndGet();
                bytes.addAndGet(-removed.size());
            }
        }
        if (newKey != null) {
            Map<String, AttributeValue> projected = shape.project(newItem.attributes());
            long size = projected.size() == newItem.attributes().size() ? newItem.size() : sizer.applyAsLong(projected);
            entries.put(newKey, new StoredItem(projected, size));
            count.incrementAndGet();
            bytes.addAndGet(size);
        }
    }
}
