package dev.singletable.engine.capacity;

import dev.singletable.engine.table.TableDefinition;

/**
 * A table as the capacity governor sees it: a name, and the current version of its definition (which sets its
 * provisioned rates). The governor keeps a table's buckets for as long as it is handed the same object, so a table
 * deleted and created again under the same name starts with fresh buckets. The catalog's tables implement it, which
 * lets throttling sit below the catalog instead of beside it.
 */
public interface GovernedTable {

    String name();

    TableDefinition definition();
}
