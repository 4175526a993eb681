package dev.singletable.engine.ops;

import dev.singletable.engine.capacity.CapacityMeter;
import dev.singletable.engine.core.Table;
import dev.singletable.engine.storage.IndexData;
import dev.singletable.engine.storage.PrimaryKey;
import dev.singletable.engine.storage.StoredItem;
import dev.singletable.engine.table.IndexDef;
import dev.singletable.engine.table.TableDefinition;
import dev.singletable.engine.value.AttributeValues;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a base-table write costs in each secondary index: an entry that appears or disappears is one write, an entry
 * whose index key changes is a delete plus a put, an entry whose projected attributes change is one write, and an
 * index the change does not touch costs nothing.
 * The rules are those of [1] and [2] (their throughput considerations).
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html">Global secondary indexes</a>
 * <br>[2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LSI.html">Local secondary indexes</a>
 */
final class IndexWriteCost {

    private IndexWriteCost() {}

    static void charge(
            CapacityMeter meter,
            Table table,
            PrimaryKey key,
            @Nullable StoredItem oldItem,
            @Nullable StoredItem newItem,
            double multiplier) {
        TableDefinition def = table.definition();
        for (IndexData index : table.data().indexes()) {
            IndexDef indexDef = def.index(index.name());
            if (indexDef == null) {
                continue;
            }
            Map<String, AttributeValue> oldProjected = projected(index, key, oldItem);
            Map<String, AttributeValue> newProjected = projected(index, key, newItem);
            double units = 0;
            // a projection exists only for an item that is in the index
            if (oldItem != null && oldProjected != null && newItem != null && newProjected != null) {
                boolean keyChanged =
                        !Objects.equals(index.keyOf(oldItem.attributes(), key), index.keyOf(newItem.attributes(), key));
                if (keyChanged) {
                    units = CapacityMeter.writeUnits(size(oldProjected, oldItem))
                            + CapacityMeter.writeUnits(size(newProjected, newItem));
                } else if (!oldProjected.equals(newProjected)) {
                    units = CapacityMeter.writeUnits(
                            Math.max(size(oldProjected, oldItem), size(newProjected, newItem)));
                }
            } else if (oldItem != null && oldProjected != null) {
                units = CapacityMeter.writeUnits(size(oldProjected, oldItem));
            } else if (newItem != null && newProjected != null) {
                units = CapacityMeter.writeUnits(size(newProjected, newItem));
            }
            if (units > 0) {
                meter.addIndex(index.name(), indexDef.global(), units * multiplier);
            }
        }
    }

    /** An ALL projection is the item's own map (see IndexDef.project), whose size the item already knows. */
    private static long size(Map<String, AttributeValue> projected, StoredItem item) {
        return projected == item.attributes() ? item.size() : AttributeValues.itemSize(projected);
    }

    private static @Nullable Map<String, AttributeValue> projected(
            IndexData index, PrimaryKey key, @Nullable StoredItem item) {
        if (item == null || index.keyOf(item.attributes(), key) == null) {
            return null;
        }
        return index.shape().project(item.attributes());
    }
}
