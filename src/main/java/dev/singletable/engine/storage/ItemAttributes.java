package dev.singletable.engine.storage;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item's attributes as stored: an immutable map kept in two parallel arrays, in the order the attributes were
 * given. A LinkedHashMap spends an entry object (40 bytes) per attribute and an unmodifiable wrapper on top; a
 * million stored items make that hundreds of megabytes and tens of millions of objects for the collector to copy,
 * which is what dominated restart time. Lookups scan the names for small items (an item rarely has more than a
 * dozen attributes, and String hash codes are cached) and use a small open-addressed table above that.
 */
public final class ItemAttributes extends AbstractMap<String, AttributeValue> {

    /** Up to this many attributes a lookup is a scan; beyond it the hash table pays for itself. */
    private static final int SCAN_LIMIT = 16;

    private static final ItemAttributes EMPTY = new ItemAttributes(new String[0], new AttributeValue[0]);

    private final String[] names;
    private final AttributeValue[] values;
    /** Slot to index + 1 (0 = empty); null for small maps. */
    private final int @Nullable [] slots;

    private ItemAttributes(String[] names, AttributeValue[] values) {
        this.names = names;
        this.values = values;
        this.slots = names.length > SCAN_LIMIT ? buildSlots(names) : null;
    }

    /**
     * The attributes of {@code source} in its iteration order, names made canonical (see {@link AttributeNames}).
     * Returns the source itself when it already is one.
     */
    public static Map<String, AttributeValue> copyOf(Map<String, AttributeValue> source) {
        if (source instanceof ItemAttributes) {
            return source;
        }
        int n = source.size();
        if (n == 0) {
            return EMPTY;
        }
        String[] names = new String[n];
        AttributeValue[] values = new AttributeValue[n];
        int i = 0;
        for (Map.Entry<String, AttributeValue> e : source.entrySet()) {
            names[i] = AttributeNames.canonical(e.getKey());
            values[i] = e.getValue();
            i++;
        }
        return new ItemAttributes(names, values);
    }

    /**
     * Wraps arrays the caller fills and never touches again (a decoder that already made the names canonical). The
     * names must be distinct.
     */
    public static Map<String, AttributeValue> wrap(String[] names, AttributeValue[] values) {
        return names.length == 0 ? EMPTY : new ItemAttributes(names, values);
    }

    private static int[] buildSlots(String[] names) {
        int capacity = Integer.highestOneBit(names.length * 2 - 1) << 1;
        int[] slots = new int[capacity];
        int mask = capacity - 1;
        for (int i = 0; i < names.length; i++) {
            int s = spread(names[i].hashCode()) & mask;
            while (slots[s] != 0) {
                s = (s + 1) & mask;
            }
            slots[s] = i + 1;
        }
        return slots;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    private int indexOf(@Nullable Object key) {
        if (!(key instanceof String)) {
            return -1;
        }
        if (slots == null) {
            for (int i = 0; i < names.length; i++) {
                String name = names[i];
                if (name == key || name.equals(key)) {
                    return i;
                }
            }
            return -1;
        }
        int mask = slots.length - 1;
        int s = spread(key.hashCode()) & mask;
        while (true) {
            int at = slots[s];
            if (at == 0) {
                return -1;
            }
            if (names[at - 1].equals(key)) {
                return at - 1;
            }
            s = (s + 1) & mask;
        }
    }

    @Override
    public @Nullable AttributeValue get(@Nullable Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public boolean isEmpty() {
        return names.length == 0;
    }

    @Override
    public Set<Map.Entry<String, AttributeValue>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, AttributeValue>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < names.length;
                    }

                    @Override
                    public Map.Entry<String, AttributeValue> next() {
                        if (next >= names.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(names[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return names.length;
            }
        };
    }

    @Override
    public void forEach(java.util.function.BiConsumer<? super String, ? super AttributeValue> action) {
        for (int i = 0; i < names.length; i++) {
            action.accept(names[i], values[i]);
        }
    }
}
