package dev.singletable.engine.durability;

import dev.singletable.engine.core.Table;
import dev.singletable.engine.storage.KeyAttributes;
import dev.singletable.engine.storage.PrimaryKey;
import dev.singletable.engine.storage.StoredItem;
import dev.singletable.engine.storage.TableData;
import dev.singletable.engine.table.TableDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The item changes of a log being replayed, held per table and applied in bulk instead of one by one. Applying a
 * million logged writes one at a time searched the table's and every index's skip list at random for each (cache
 * misses on every level; most of replay's time). Here each table keeps only the latest state per key, in a hash map,
 * until something may look at the table (a catalog or extension record, or the end of the log): then a table that
 * was empty is loaded whole in one sorted pass (as a snapshot is), and one that was not gets the changes in key order.
 * Until then {@link #current} answers what the replayed writes left, so each change still carries its exact old item
 * (streams need it). Items stay encoded as the log holds them: only their key attributes are decoded.
 */
final class ReplayedItems {

    /** A key's latest replayed state: the item (null once deleted) and its key attributes. */
    private record Pending(PrimaryKey getKey, @Nullable StoredItem getValue, KeyAttributes keys)
            implements Map.Entry<PrimaryKey, StoredItem> {

        @Override
        public StoredItem setValue(StoredItem value) {
            throw new UnsupportedOperationException();
        }
    }

    private final Map<Table, Map<PrimaryKey, Pending>> pending = new IdentityHashMap<>();
    private final Map<TableDefinition, KeyNames> keyNames = new IdentityHashMap<>();

    /** The key attributes of a replayed item (decoded from its bytes while it is still encoded). */
    KeyAttributes keysOf(Table table, StoredItem item) {
        return keyNames.computeIfAbsent(table.definition(), KeyNames::of).of(item);
    }

    /** The item under the key as replay has left it so far, or null. */
    @Nullable
    StoredItem current(Table table, PrimaryKey key) {
        Map<PrimaryKey, Pending> held = pending.get(table);
        Pending p = held == null ? null : held.get(key);
        return p == null ? table.data().get(key) : p.getValue();
    }

    /** Records a replayed change (newItem null: a delete), to be applied at the next {@link #applyAll}. */
    void record(Table table, PrimaryKey key, @Nullable StoredItem newItem, KeyAttributes keys) {
        pending.computeIfAbsent(table, t -> new HashMap<>()).put(key, new Pending(key, newItem, keys));
    }

    /** Applies every held change to its table. Caller holds the commit lock. */
    void applyAll() {
        for (Map.Entry<Table, Map<PrimaryKey, Pending>> e : pending.entrySet()) {
            TableData data = e.getKey().data();
            Pending[] changes = e.getValue().values().toArray(new Pending[0]);
            TableData.sortByKey(changes);
            if (data.items().isEmpty()) {
                List<Pending> present = new ArrayList<>(changes.length);
                for (Pending c : changes) {
                    if (c.getValue() != null) {
                        present.add(c);
                    }
                }
                data.loadSorted(present, Pending::keys);
            } else {
                for (Pending c : changes) {
                    StoredItem old = data.get(c.getKey());
                    if (old != null || c.getValue() != null) {
                        data.apply(c.getKey(), old, c.getValue());
                    }
                }
            }
        }
        pending.clear();
        keyNames.clear();
    }
}
