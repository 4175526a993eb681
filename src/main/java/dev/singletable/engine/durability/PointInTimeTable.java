package dev.singletable.engine.durability;

import dev.singletable.engine.storage.PrimaryKey;
import dev.singletable.engine.storage.StoredItem;
import dev.singletable.engine.table.KeyDef;
import dev.singletable.engine.table.TableDefinition;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One table followed through a stretch of the log: starting from its image in a snapshot (or from nothing), applying
 * the records that concern that incarnation of the table (same name and table id) in order.
 */
final class PointInTimeTable {

    private final String name;
    private final String tableId;
    /** Both null while the table does not exist (before its creation or after its drop), both set while it does. */
    private @Nullable TableDefinition definition;

    private @Nullable TreeMap<PrimaryKey, StoredItem> items;

    PointInTimeTable(String name, String tableId) {
        this.name = name;
        this.tableId = tableId;
    }

    void start(SnapshotFile.@Nullable TableImage image) {
        if (image != null && Objects.equals(image.definition().tableId(), tableId)) {
            TableDefinition d = image.definition();
            TreeMap<PrimaryKey, StoredItem> loaded = new TreeMap<>();
            for (StoredItem item : image.items()) {
                loaded.put(StoredKeys.of(d.primaryKey(), item.attributes()), item);
            }
            definition = d;
            items = loaded;
        }
    }

    void apply(LogRecord record) {
        if (record instanceof LogRecord.TableCreated created) {
            TableDefinition d = created.definition();
            if (d.name().equals(name) && Objects.equals(d.tableId(), tableId)) {
                definition = d;
                items = new TreeMap<>();
            }
        } else if (items == null || definition == null) {
            return;
        } else if (record instanceof LogRecord.TableRedefined redefined) {
            if (redefined.definition().name().equals(name)) {
                definition = redefined.definition();
            }
        } else if (record instanceof LogRecord.TableDropped dropped) {
            if (dropped.tableName().equals(name)) {
                definition = null;
                items = null;
            }
        } else if (record instanceof LogRecord.Items unit) {
            TreeMap<PrimaryKey, StoredItem> live = items;
            KeyDef key = definition.primaryKey();
            for (LogRecord.ItemWrite w : unit.writes()) {
                if (!w.tableName().equals(name)) {
                    continue;
                }
                StoredItem written = w.newItem();
                Map<String, AttributeValue> deleted = w.keyAttributes();
                if (written != null) {
                    live.put(StoredKeys.of(key, written.attributes()), written);
                } else if (deleted != null) {
                    live.remove(StoredKeys.of(key, deleted));
                }
            }
        }
    }

    /** The table at the last record applied, or null when it did not exist then. */
    SnapshotFile.@Nullable TableImage image() {
        TreeMap<PrimaryKey, StoredItem> live = items;
        TableDefinition d = definition;
        return live == null || d == null ? null : new SnapshotFile.TableImage(d, new ArrayList<>(live.values()));
    }
}
