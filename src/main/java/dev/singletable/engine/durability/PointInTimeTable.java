package dev.singletable.engine.durability;

import dev.singletable.engine.storage.PrimaryKey;
import dev.singletable.engine.storage.StoredItem;
import dev.singletable.engine.table.TableDefinition;
import java.util.ArrayList;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One table followed through a stretch of the log: starting from its image in a snapshot (or from nothing), applying
 * the records that concern that incarnation of the table (same name and table id) in order.
 */
final class PointInTimeTable {

    private final String name;
    private final String tableId;
    private TableDefinition definition;
    private TreeMap<PrimaryKey, StoredItem> items;

    PointInTimeTable(String name, String tableId) {
        this.name = name;
        this.tableId = tableId;
    }

    void start(SnapshotFile.TableImage image) {
        if (image != null && Objects.equals(image.definition().tableId(), tableId)) {
            definition = image.definition();
            items = new TreeMap<>();
            for (StoredItem item : image.items()) {
                items.put(StoredKeys.of(definition.primaryKey(), item.attributes()), item);
            }
        }
    }

    void apply(LogRecord record) {
        if (record instanceof LogRecord.TableCreated created) {
            TableDefinition d = created.definition();
            if (d.name().equals(name) && Objects.equals(d.tableId(), tableId)) {
                definition = d;
                items = new TreeMap<>();
            }
        } else if (items == null) {
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
            for (LogRecord.ItemWrite w : unit.writes()) {
                if (!w.tableName().equals(name)) {
                    continue;
                }
                if (w.newItem() != null) {
                    items.put(StoredKeys.of(definition.primaryKey(), w.newItem().attributes()), w.newItem());
                } else {
                    items.remove(StoredKeys.of(definition.primaryKey(), w.keyAttributes()));
                }
            }
        }
    }

    /** The table at the last record applied, or null when it did not exist then. */
    SnapshotFile.TableImage image() {
        return items == null ? null : new SnapshotFile.TableImage(definition, new ArrayList<>(items.values()));
    }
}
