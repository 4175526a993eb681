package dev.singletable.engine.core;

import dev.singletable.engine.storage.PrimaryKey;
import dev.singletable.engine.storage.StoredItem;

/**
 * One item's change inside a commit: insert (old null), replace, or delete (new null).
 *
 * @param byService true when the engine itself made the change (a TTL deletion), which streams report as such
 */
public record ItemChange(Table table, PrimaryKey key, StoredItem oldItem, StoredItem newItem, boolean byService) {

    public static ItemChange of(Table table, PrimaryKey key, StoredItem oldItem, StoredItem newItem) {
        return new ItemChange(table, key, oldItem, newItem, false);
    }
}
