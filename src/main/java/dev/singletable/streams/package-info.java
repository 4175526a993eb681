/**
 * Infrastructure only: the listener that reads the table's stream ({@link StreamListener}: shards, leases and
 * checkpoints in the table, retries, dead letters, health, metrics) and hands each record to the {@link Projector}s
 * subscribed to its item type, plus what projectors share ({@link OnceOnly}, {@link Counters}, {@link ItemCounter},
 * {@link StreamImages}). It imports no feature: each feature owns the projectors of its read models.
 */
@NullMarked
@ApplicationModule(
        displayName = "Stream listener",
        allowedDependencies = {"table"})
package dev.singletable.streams;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
