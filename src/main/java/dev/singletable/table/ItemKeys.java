package dev.singletable.table;

import org.jspecify.annotations.Nullable;

/**
 * An item's type, primary key and index keys, as its feature's key design derives them from the item's fields
 * ({@link TableItem#keys()}): one line of the key-design table. An index pair with an unknown half is left out, which
 * keeps the item out of that (sparse) index.
 */
public record ItemKeys(
        String entityType,
        String pk,
        String sk,
        @Nullable String gsi1pk,
        @Nullable String gsi1sk,
        @Nullable String lsi1sk) {

    public static ItemKeys of(String entityType, String pk, String sk) {
        return new ItemKeys(entityType, pk, sk, null, null, null);
    }

    /** In GSI1 under {@code partition}, sorted by {@code sort}. */
    public ItemKeys gsi1(@Nullable String partition, @Nullable String sort) {
        return partition == null || sort == null ? this : new ItemKeys(entityType, pk, sk, partition, sort, lsi1sk);
    }

    /** In LSI1 (its own partition), sorted by {@code sort}. */
    public ItemKeys lsi1(@Nullable String sort) {
        return sort == null ? this : new ItemKeys(entityType, pk, sk, gsi1pk, gsi1sk, sort);
    }
}
