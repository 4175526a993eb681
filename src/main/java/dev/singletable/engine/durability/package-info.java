/**
 * The engine's durability: a write-ahead log of checksummed frames ({@link dev.singletable.engine.durability.WriteAheadLog}),
 * snapshots that let the log be cut ({@link dev.singletable.engine.durability.Snapshots}), recovery from the newest
 * snapshot plus the log after it ({@link dev.singletable.engine.durability.Recovery}), and the past images of a table
 * that point-in-time recovery reads ({@link dev.singletable.engine.durability.PointInTimeImages}), all behind
 * {@link dev.singletable.engine.durability.DurableStore}. Items and records are kept in the engine's own compact binary
 * encoding ({@link dev.singletable.engine.durability.ItemCodec}, {@link dev.singletable.engine.durability.LogRecordCodec}).
 */
@NullMarked
package dev.singletable.engine.durability;

import org.jspecify.annotations.NullMarked;
