package dev.singletable.engine.core;

import dev.singletable.engine.table.TableDefinition;
import java.util.List;

/**
 * Sees every committed unit of item changes, in commit order, once it is visible to readers (so once durable, for a
 * durable engine; see {@link Visibility}): the seam where the table streams, continuous backups and the like attach.
 * A transaction arrives as one call; calls never overlap. Catalog changes arrive through the default methods, under
 * the commit lock, in the same order as the item changes around them; there {@link Engine#sequence()} is the
 * sequence number of the change being reported.
 */
public interface CommitListener {

    void committed(long sequence, List<ItemChange> changes, long commitTimeMillis);

    default void tableCreated(Table table, long timeMillis) {}

    default void tableRedefined(Table table, TableDefinition previous, long timeMillis) {}

    default void tableDropped(Table table, long timeMillis) {}
}
