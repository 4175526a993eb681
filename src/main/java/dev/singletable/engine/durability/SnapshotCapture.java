package dev.singletable.engine.durability;

import dev.singletable.engine.core.ItemChange;
import dev.singletable.engine.core.Table;
import dev.singletable.engine.storage.PrimaryKey;
import dev.singletable.engine.storage.StoredItem;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * A copy-on-write view of the tables as they were at one sequence number, so a snapshot can be written while writes
 * go on. Before any change is applied after that point, the item's earlier state is saved here (the first time only);
 * reading an item through the capture gives the saved state when there is one. The commit lock orders the save
 * before the change, so a reader that sees the changed item also sees the saved one.
 */
final class SnapshotCapture {

    private final Map<Table, ConcurrentHashMap<PrimaryKey, Optional<StoredItem>>> saved = new IdentityHashMap<>();

    /** Created under the commit lock, with the tables of the catalog at that moment. */
    SnapshotCapture(Iterable<Table> tables) {
        for (Table t : tables) {
            saved.put(t, new ConcurrentHashMap<>());
        }
    }

    /** Called under the commit lock before each change is applied. */
    void beforeChange(ItemChange change) {
        ConcurrentHashMap<PrimaryKey, Optional<StoredItem>> table = saved.get(change.table());
        if (table != null) {
            table.putIfAbsent(change.key(), Optional.ofNullable(change.oldItem()));
        }
    }

    /**
     * Every item the table held at the capture point. An item may be reported twice (once as seen, once as saved);
     * both reports carry the same state, and loading keeps one.
     */
    void forEachItem(Table table, BiConsumer<PrimaryKey, StoredItem> sink) {
        // the snapshot writes exactly the tables this capture was created with
        ConcurrentHashMap<PrimaryKey, Optional<StoredItem>> changed =
                Objects.requireNonNull(saved.get(table), "a table the capture does not cover");
        for (Map.Entry<PrimaryKey, StoredItem> e : table.data().items().entrySet()) {
            Optional<StoredItem> before = changed.get(e.getKey());
            if (before == null) {
                sink.accept(e.getKey(), e.getValue());
            }
            // otherwise the saved state is reported below
        }
        for (Map.Entry<PrimaryKey, Optional<StoredItem>> e : changed.entrySet()) {
            if (e.getValue().isPresent()) {
                sink.accept(e.getKey(), e.getValue().get());
            }
        }
    }
}
