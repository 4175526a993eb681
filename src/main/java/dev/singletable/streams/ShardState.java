package dev.singletable.streams;

import org.jspecify.annotations.Nullable;

/**
 * What the listener knows of one shard while it reads it.
 *
 * @param lagMillis  age of the newest record of the last non-empty batch, 0 once a read comes back empty
 * @param lagRecords records fetched but not yet checkpointed
 */
record ShardState(String shardId, @Nullable String checkpoint, boolean finished, long lagMillis, long lagRecords) {}
