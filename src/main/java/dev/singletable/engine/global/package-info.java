/**
 * Global tables, version 2019.11.21 (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GlobalTables.html),
 * across the regions of one engine: {@link dev.singletable.engine.global.GlobalTables} coordinates the replication
 * groups ({@link dev.singletable.engine.global.ReplicaGroups}), each region's stamps and queues of writes for the
 * others ({@link dev.singletable.engine.global.NamespaceReplication}), their asynchronous delivery with
 * last-writer-wins ({@code Replicator}), and UpdateTable's ReplicaUpdates ({@code ReplicaChanges}), all reached
 * through a region's client ({@code GlobalTablesClient}).
 *
 * <p>AWS's rules and messages come from its documentation and from answers recorded from AWS by the AWS Controllers
 * for Kubernetes' API-quirks lab; where AWS's behaviour is unknown or cannot be modelled (auto scaling, multi-Region
 * strong consistency, the tie-break of simultaneous writes), docs/global-tables.md and docs/fidelity.md say what the
 * engine does instead.
 */
@NullMarked
package dev.singletable.engine.global;

import org.jspecify.annotations.NullMarked;
