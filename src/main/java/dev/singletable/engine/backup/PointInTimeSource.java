package dev.singletable.engine.backup;

import dev.singletable.engine.core.Table;
import dev.singletable.engine.durability.DurableStore;
import dev.singletable.engine.durability.SnapshotFile;
import org.jspecify.annotations.Nullable;

/** Where a table's past states come from: a durable engine's snapshots and log, or an in-memory history. */
interface PointInTimeSource {

    /** The table (this incarnation) as it was at that moment, or null if it did not exist then. */
    SnapshotFile.@Nullable TableImage tableAt(String tableName, String tableId, long timeMillis);

    /** Point-in-time recovery was just enabled for the table (called under the commit lock). */
    void enabled(Table table, PitrSetting setting);

    /** Point-in-time recovery was just disabled for the table (called under the commit lock). */
    void disabled(String tableId);

    /** The durable engine's log already holds every change: nothing to track. */
    static PointInTimeSource of(DurableStore store) {
        return new PointInTimeSource() {
            @Override
            public SnapshotFile.@Nullable TableImage tableAt(String tableName, String tableId, long timeMillis) {
                return store.tableAt(tableName, tableId, timeMillis);
            }

            @Override
            public void enabled(Table table, PitrSetting setting) {}

            @Override
            public void disabled(String tableId) {}
        };
    }
}
