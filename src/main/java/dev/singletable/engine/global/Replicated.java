package dev.singletable.engine.global;

import dev.singletable.engine.core.WriteStamp;
import dev.singletable.engine.storage.PrimaryKey;
import dev.singletable.engine.storage.StoredItem;
import org.jspecify.annotations.Nullable;

/**
 * One item's new state on its way to another region: the whole item (or its deletion) with the stamp of the write
 * that made it, never a delta, so applying it twice, or late, changes nothing the last writer did not decide.
 *
 * @param newItem      the item as written, or null for a deletion
 * @param commitMillis when the write was committed in its region (replication latency is measured from it)
 */
record Replicated(
        PrimaryKey key, @Nullable StoredItem newItem, boolean byService, WriteStamp stamp, long commitMillis) {}
