package dev.singletable.engine.storage;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import org.jspecify.annotations.Nullable;

/**
 * A read-only sorted-map view of a list of entries already in ascending key order, each key once. It exists so a
 * ConcurrentSkipListMap can be built from it in linear time (its SortedMap constructor links the entries in the order
 * given instead of searching for each), which is what makes loading a snapshot fast. Only iteration is supported.
 */
final class SortedEntries<K, V> extends AbstractMap<K, V> implements SortedMap<K, V> {

    private final List<? extends Map.Entry<K, V>> entries;

    SortedEntries(List<? extends Map.Entry<K, V>> entries) {
        this.entries = entries;
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            @SuppressWarnings("unchecked")
            public Iterator<Entry<K, V>> iterator() {
                return (Iterator<Entry<K, V>>) entries.iterator();
            }

            @Override
            public int size() {
                return entries.size();
            }
        };
    }

    @Override
    public @Nullable Comparator<? super K> comparator() {
        return null; // natural ordering, as the engine's maps use
    }

    @Override
    public SortedMap<K, V> subMap(K fromKey, K toKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SortedMap<K, V> headMap(K toKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SortedMap<K, V> tailMap(K fromKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public K firstKey() {
        throw new UnsupportedOperationException();
    }

    @Override
    public K lastKey() {
        throw new UnsupportedOperationException();
    }
}
