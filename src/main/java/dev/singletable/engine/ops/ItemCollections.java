package dev.singletable.engine.ops;

import dev.singletable.engine.core.Table;
import dev.singletable.engine.error.EngineErrors;
import dev.singletable.engine.storage.PrimaryKey;
import dev.singletable.engine.storage.StoredItem;
import dev.singletable.engine.table.IndexDef;
import dev.singletable.engine.value.AttributeValues;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;

/**
 * Item collections of tables with local secondary indexes: all items sharing a partition key value, plus their
 * entries in the local indexes. DynamoDB limits each to 10 GB and, when asked, reports the collections a write
 * touched with a size estimate in whole gigabytes.
 * Item collections and their size limit are described in [1].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LSI.html">Local secondary indexes (item collections)</a>
 */
final class ItemCollections {

    static final long LIMIT_BYTES = 10L * 1024 * 1024 * 1024;
    private static final double GIGABYTE = 1024.0 * 1024 * 1024;

    private ItemCollections() {}

    static boolean tracked(Table table) {
        return !table.definition().localIndexes().isEmpty();
    }

    /** Refuses a write that would grow its item collection beyond the limit. Call while holding the commit lock. */
    static void checkLimit(Table table, PrimaryKey key, @Nullable StoredItem oldItem, @Nullable StoredItem newItem) {
        checkLimit(table, key, oldItem, newItem, LIMIT_BYTES);
    }

    static void checkLimit(
            Table table, PrimaryKey key, @Nullable StoredItem oldItem, @Nullable StoredItem newItem, long limit) {
        if (newItem == null || !tracked(table)) {
            return;
        }
        long growth = newItem.size()
                - (oldItem == null ? 0 : oldItem.size())
                + localEntryBytes(table, key, newItem)
                - (oldItem == null ? 0 : localEntryBytes(table, key, oldItem));
        if (growth > 0 && table.data().collectionBytes(key.partition()) + growth > limit) {
            throw EngineErrors.itemCollectionSizeLimitExceeded();
        }
    }

    private static long localEntryBytes(Table table, PrimaryKey key, StoredItem item) {
        long bytes = 0;
        for (IndexDef index : table.definition().localIndexes()) {
            var data = table.data().index(index.name());
            if (data != null && data.keyOf(item.attributes(), key) != null) {
                bytes += AttributeValues.itemSize(
                        index.project(item.attributes(), table.definition().primaryKey()));
            }
        }
        return bytes;
    }

    /** The metrics of the collection holding {@code key}, or null when not asked for or the table has no LSI. */
    static @Nullable ItemCollectionMetrics metrics(
            Table table, PrimaryKey key, @Nullable ReturnItemCollectionMetrics mode) {
        if (mode != ReturnItemCollectionMetrics.SIZE || !tracked(table)) {
            return null;
        }
        double gigabytes = Math.floor(table.data().collectionBytes(key.partition()) / GIGABYTE);
        return ItemCollectionMetrics.builder()
                .itemCollectionKey(Map.of(
                        table.definition().primaryKey().hashName(),
                        key.partition().value()))
                .sizeEstimateRangeGB(List.of(gigabytes, gigabytes + 1))
                .build();
    }
}
