package dev.singletable.engine.core;

import dev.singletable.engine.storage.PrimaryKey;
import dev.singletable.engine.storage.StoredItem;
import org.jspecify.annotations.Nullable;

/**
 * One item's change inside a commit: insert (old null), replace, or delete (new null).
 *
 * @param byService  true when the engine itself made the change (a TTL deletion), which streams report as such
 * @param replicated for a change copied from another region of a global table, the stamp of the write it copies
 *                   (recorded in the log with it); null for a write made in this region
 */
public record ItemChange(
        Table table,
        PrimaryKey key,
        @Nullable StoredItem oldItem,
        @Nullable StoredItem newItem,
        boolean byService,
        @Nullable WriteStamp replicated) {

    public ItemChange(
            Table table,
            PrimaryKey key,
            @Nullable StoredItem oldItem,
            @Nullable StoredItem newItem,
            boolean byService) {
        this(table, key, oldItem, newItem, byService, null);
    }

    public static ItemChange of(
            Table table, PrimaryKey key, @Nullable StoredItem oldItem, @Nullable StoredItem newItem) {
        return new ItemChange(table, key, oldItem, newItem, false, null);
    }
}
