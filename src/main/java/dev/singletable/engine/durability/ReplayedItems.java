package dev.singletable.engine.durability;

import dev.singletable.engine.core.Table;
import dev.singletable.engine.storage.PrimaryKey;
import dev.singletable.engine.storage.StoredItem;
import dev.singletable.engine.storage.TableData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The item changes of a log being replayed, held per table and applied in bulk instead of one by one. Applying a
 * million logged writes one at a time searched the table's and every index's skip list at random for each (cache
 * misses on every level; most of replay's time). Here each table keeps only the latest state per key, in a hash map,
 * until something may look at the table (a catalog or extension record, or the end of the log): then a table that
 * was empty is loaded whole in one sorted pass (as a snapshot is), and one that was not gets the changes in key order.
 * Until then {@link #current} answers what the replayed writes left, so each change still carries its exact old item
 * (streams need it).
 */
final class ReplayedItems {

    /** A key whose latest replayed change deleted it. */
    private static final StoredItem DELETED = new StoredItem(Map.of(), 0);

    private final Map<Table, Map<PrimaryKey, StoredItem>> pending = new IdentityHashMap<>();

    /** The item under the key as replay has left it so far, or null. */
    StoredItem current(Table table, PrimaryKey key) {
        Map<PrimaryKey, StoredItem> held = pending.get(table);
        StoredItem item = held == null ? null : held.get(key);
        if (item == null) {
            return table.data().get(key);
        }
        return item == DELETED ? null : item;
    }

    /** Records a replayed change (newItem null: a delete), to be applied at the next {@link #applyAll}. */
    void record(Table table, PrimaryKey key, StoredItem newItem) {
        pending.computeIfAbsent(table, t -> new HashMap<>()).put(key, newItem == null ? DELETED : newItem);
    }

    /** Applies every held change to its table. Caller holds the commit lock. */
    @SuppressWarnings("unchecked")
    void applyAll() {
        for (Map.Entry<Table, Map<PrimaryKey, StoredItem>> e : pending.entrySet()) {
            TableData data = e.getKey().data();
            Map.Entry<PrimaryKey, StoredItem>[] changes = e.getValue().entrySet().toArray(new Map.Entry[0]);
            TableData.sortByKey(changes);
            if (data.items().isEmpty()) {
                List<Map.Entry<PrimaryKey, StoredItem>> present = new ArrayList<>(changes.length);
                for (Map.Entry<PrimaryKey, StoredItem> c : changes) {
                    if (c.getValue() != DELETED) {
                        present.add(c);
                    }
                }
                data.loadSorted(present);
            } else {
                for (Map.Entry<PrimaryKey, StoredItem> c : changes) {
                    StoredItem old = data.get(c.getKey());
                    StoredItem now = c.getValue() == DELETED ? null : c.getValue();
                    if (old != null || now != null) {
                        data.apply(c.getKey(), old, now);
                    }
                }
            }
        }
        pending.clear();
    }
}
