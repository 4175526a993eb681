package dev.singletable.engine.global;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The writes made to one table in one region that another region has not received yet, oldest first. Writes join at
 * the tail as they become durable in their region; the replicator takes them from the head once the destination has
 * applied them durably. While the destination replica is being created the queue is held: it fills, and is
 * delivered once the backfill is done.
 */
final class PeerQueue {

    final NamespaceReplication source;
    final String table;
    final String destination;
    final ReplicationStats.Counters counters = new ReplicationStats.Counters();
    /** Set while a drain of this queue is scheduled or running: at most one at a time, which keeps commit order. */
    final AtomicBoolean scheduled = new AtomicBoolean();

    private final ArrayDeque<Replicated> entries = new ArrayDeque<>();
    private boolean held;
    private boolean closed;

    PeerQueue(NamespaceReplication source, String table, String destination, boolean held) {
        this.source = source;
        this.table = table;
        this.destination = destination;
        this.held = held;
    }

    synchronized void add(Replicated entry) {
        if (!closed) {
            entries.addLast(entry);
        }
    }

    /** Up to {@code max} entries from the head that are due by {@code dueBefore} (commit time), without removing them. */
    synchronized List<Replicated> due(long dueBefore, int max) {
        List<Replicated> out = new ArrayList<>();
        if (held) {
            return out;
        }
        for (Replicated e : entries) {
            if (out.size() == max || e.commitMillis() > dueBefore) {
                break;
            }
            out.add(e);
        }
        return out;
    }

    /** The commit time of the oldest entry, or -1 when empty (or held). */
    synchronized long oldestCommitMillis() {
        return held || entries.isEmpty() ? -1 : entries.peekFirst().commitMillis();
    }

    /** Removes the first {@code n} entries (they were applied). */
    synchronized void removeFirst(int n) {
        for (int i = 0; i < n && !entries.isEmpty(); i++) {
            entries.pollFirst();
        }
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized List<Replicated> copy() {
        return new ArrayList<>(entries);
    }

    synchronized boolean held() {
        return held;
    }

    synchronized void release() {
        held = false;
    }

    /** No more entries, and those waiting are dropped (the destination left the group). */
    synchronized void close() {
        closed = true;
        entries.clear();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    ReplicationStats stats() {
        return counters.snapshot(table, source.region(), destination, size());
    }
}
