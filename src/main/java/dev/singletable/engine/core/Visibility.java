package dev.singletable.engine.core;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * What readers may see: a committed unit of item changes reaches the tables (and the listeners, so the streams) only
 * once the journal has acknowledged it, i.e. once it is as durable as its writer will be told. DynamoDB never shows
 * a strongly consistent reader a write it could still lose, so neither may we
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.ReadConsistency.html).
 * <p>
 * Units wait here in commit order; their items are meanwhile found by the writers that come after them through
 * {@link Table#current} (the next writer must see them: writes stay serializable). Whoever learns that the journal
 * acknowledged a sequence number publishes every waiting unit up to it, under the write half of a lock whose read
 * half a multi-item consistent read (TransactGetItems) holds, so such a read sees each unit whole or not at all.
 * Readers never wait on the disk, only on this brief publication.
 */
final class Visibility {

    private record Unit(long sequence, long timeMillis, List<ItemChange> changes, Table.Unpublished[] entries) {}

    private final Queue<Unit> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<CommitListener> listeners;
    /** Every mutation up to this sequence number is visible to readers. */
    private volatile long visible;

    Visibility(List<CommitListener> listeners) {
        this.listeners = listeners;
    }

    boolean visibleThrough(long sequence) {
        return visible >= sequence;
    }

    boolean anyWaiting() {
        return !waiting.isEmpty();
    }

    /** Direct mode (no journal to wait for): a mutation is visible as soon as it is made. Caller holds the commit lock. */
    void madeVisible(long sequence) {
        visible = sequence;
    }

    /** Applies a unit and reports it at once (an engine without a journal). Caller holds the commit lock. */
    void applyNow(long sequence, long timeMillis, List<ItemChange> changes) {
        lock.writeLock().lock();
        try {
            apply(changes);
            report(sequence, timeMillis, changes);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Holds a unit back until it is acknowledged; writers see it through {@link Table#current}. Caller holds the
     * commit lock and calls this BEFORE the journal records the unit: once recorded, another writer's flush may
     * acknowledge it and publish, and the unit must already be waiting then. Returns a handle for {@link #withdraw}.
     */
    Object hold(long sequence, long timeMillis, List<ItemChange> changes) {
        Table.Unpublished[] entries = new Table.Unpublished[changes.size()];
        for (int i = 0; i < entries.length; i++) {
            ItemChange c = changes.get(i);
            entries[i] = c.table().hold(c.key(), c.newItem());
        }
        Unit unit = new Unit(sequence, timeMillis, changes, entries);
        waiting.add(unit);
        return unit;
    }

    /** Takes back a unit the journal refused (it was never recorded, so nothing can have published it). */
    void withdraw(Object held) {
        Unit unit = (Unit) held;
        waiting.remove(unit);
        for (int i = 0; i < unit.entries().length; i++) {
            ItemChange c = unit.changes().get(i);
            c.table().withdraw(c.key(), unit.entries()[i]);
        }
    }

    /** Makes every waiting unit up to this acknowledged sequence number visible, in commit order. */
    void publish(long acknowledged) {
        if (visible >= acknowledged) {
            return;
        }
        lock.writeLock().lock();
        try {
            Unit unit;
            while ((unit = waiting.peek()) != null && unit.sequence() <= acknowledged) {
                apply(unit.changes());
                List<ItemChange> changes = unit.changes();
                for (int i = 0; i < changes.size(); i++) {
                    changes.get(i).table().release(changes.get(i).key(), unit.entries()[i]);
                }
                report(unit.sequence(), unit.timeMillis(), changes);
                waiting.poll();
            }
            if (acknowledged > visible) {
                visible = acknowledged;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Runs a multi-item read that must see every unit whole or not at all, without holding up writers. */
    <T> T consistentRead(Supplier<T> read) {
        lock.readLock().lock();
        try {
            return read.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private static void apply(List<ItemChange> changes) {
        for (ItemChange c : changes) {
            c.table().data().apply(c.key(), c.oldItem(), c.newItem());
        }
    }

    private void report(long sequence, long timeMillis, List<ItemChange> changes) {
        for (CommitListener l : listeners) {
            l.committed(sequence, changes, timeMillis);
        }
    }
}
