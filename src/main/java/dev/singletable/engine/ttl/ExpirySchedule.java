package dev.singletable.engine.ttl;

import dev.singletable.engine.core.CommitListener;
import dev.singletable.engine.core.Engine;
import dev.singletable.engine.core.ItemChange;
import dev.singletable.engine.core.Table;
import dev.singletable.engine.storage.PrimaryKey;
import dev.singletable.engine.storage.StoredItem;
import dev.singletable.engine.table.TableDefinition;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;

/**
 * The expiry index of every table with TTL enabled, kept current by the commit path. An index is built the first
 * time a sweep needs it, with one scan of the table: after a start (recovery loads snapshots without the commit path)
 * and whenever TTL is enabled or its attribute changes. It is registered before the scan, so a change committed
 * during the scan reaches it either through the scan or through {@link #committed} (possibly both: duplicates and
 * stale entries are harmless, a missing one is not possible).
 */
final class ExpirySchedule implements CommitListener {

    /** By table object, not name: a table dropped and created again under its name starts with no index. */
    private final Map<Table, ExpiryIndex> indexes = new ConcurrentHashMap<>();

    @Override
    public void committed(long sequence, List<ItemChange> changes, long commitTimeMillis) {
        for (int i = 0; i < changes.size(); i++) {
            ItemChange c = changes.get(i);
            ExpiryIndex index = indexes.get(c.table());
            if (index != null) {
                index.changed(c.key(), c.oldItem(), c.newItem());
            }
        }
    }

    @Override
    public void tableRedefined(Table table, TableDefinition previous, long timeMillis) {
        ExpiryIndex index = indexes.get(table);
        if (index != null && !index.attribute().equals(table.definition().activeTtlAttribute())) {
            indexes.remove(table, index); // TTL disabled or moved to another attribute: rebuilt when needed
        }
    }

    @Override
    public void tableDropped(Table table, long timeMillis) {
        indexes.remove(table);
    }

    /** The table's index for this TTL attribute, building it with one scan if there is none yet; counts items read. */
    ExpiryIndex indexFor(Table table, String attribute, LongConsumer scanned) {
        ExpiryIndex index = indexes.get(table);
        if (index != null && index.attribute().equals(attribute)) {
            return index;
        }
        ExpiryIndex fresh = new ExpiryIndex(attribute);
        indexes.put(table, fresh);
        long n = 0;
        for (Map.Entry<PrimaryKey, StoredItem> e : table.data().items().entrySet()) {
            fresh.add(e.getKey(), e.getValue());
            n++;
        }
        scanned.accept(n);
        return fresh;
    }

    /** Forgets the indexes of tables that were dropped or no longer have TTL enabled. */
    void forgetInactive(Engine engine) {
        indexes.entrySet()
                .removeIf(e -> engine.table(e.getKey().name()) != e.getKey()
                        || !e.getValue()
                                .attribute()
                                .equals(e.getKey().definition().activeTtlAttribute()));
    }
}
