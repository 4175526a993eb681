package dev.singletable.engine.core;

import dev.singletable.engine.table.TableDefinition;
import java.util.List;

/**
 * Sees every committed unit of item changes, in commit order, while the commit lock is held: the seam where the
 * table streams, continuous backups and the like attach. A transaction arrives as one call. Catalog changes arrive
 * through the default methods, in the same order as the item changes around them; {@link Engine#sequence()} is the
 * sequence number of the unit being reported.
 */
public interface CommitListener {

    void committed(List<ItemChange> changes, long commitTimeMillis);

    default void tableCreated(Table table, long timeMillis) {
    }

    default void tableRedefined(Table table, TableDefinition previous, long timeMillis) {
    }

    default void tableDropped(Table table, long timeMillis) {
    }
}
