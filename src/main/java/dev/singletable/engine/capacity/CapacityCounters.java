package dev.singletable.engine.capacity;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The engine's capacity figures per table and index, for monitoring: {@link #watch} hands over every resource that
 * has consumed or been throttled so far and each new one as it appears, so a metrics registry can register a meter
 * per resource without the engine knowing any metrics library. Totals are kept by name and survive a table's
 * re-creation, as a monitoring counter should.
 */
public final class CapacityCounters {

    private final Map<String, ResourceCapacity> tables = new ConcurrentHashMap<>();
    private final Map<String, Map<String, ResourceCapacity>> indexes = new ConcurrentHashMap<>();
    private final List<Consumer<ResourceCapacity>> watchers = new CopyOnWriteArrayList<>();

    /** Calls {@code onResource} for every resource known now and, from now on, for each new one. */
    public synchronized void watch(Consumer<ResourceCapacity> onResource) {
        watchers.add(onResource);
        tables.values().forEach(onResource);
        indexes.values().forEach(byName -> byName.values().forEach(onResource));
    }

    /** The table's totals, or null when it has neither consumed nor been throttled yet. */
    public @Nullable ResourceCapacity table(String table) {
        return tables.get(table);
    }

    /** The index's totals, or null. */
    public @Nullable ResourceCapacity index(String table, String index) {
        Map<String, ResourceCapacity> byName = indexes.get(table);
        return byName == null ? null : byName.get(index);
    }

    ResourceCapacity forTable(String table) {
        ResourceCapacity c = tables.get(table);
        return c != null ? c : create(table, null);
    }

    ResourceCapacity forIndex(String table, String index) {
        ResourceCapacity c = index(table, index);
        return c != null ? c : create(table, index);
    }

    private synchronized ResourceCapacity create(String table, @Nullable String index) {
        ResourceCapacity existing = index == null ? tables.get(table) : index(table, index);
        if (existing != null) {
            return existing;
        }
        ResourceCapacity c = new ResourceCapacity(table, index);
        if (index == null) {
            tables.put(table, c);
        } else {
            indexes.computeIfAbsent(table, t -> new ConcurrentHashMap<>()).put(index, c);
        }
        for (Consumer<ResourceCapacity> w : watchers) {
            w.accept(c);
        }
        return c;
    }
}
