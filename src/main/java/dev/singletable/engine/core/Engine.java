package dev.singletable.engine.core;

import dev.singletable.engine.capacity.CapacityGovernor;
import dev.singletable.engine.error.EngineErrors;
import dev.singletable.engine.table.IndexDef;
import dev.singletable.engine.table.TableDefinition;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * The catalog of tables and the single commit path. Every mutation, a whole transaction included, runs inside
 * {@link #exclusive} and lands through {@link #commit} as one unit, so it can be logged and streamed as one.
 * Reads need no lock: items and index entries are immutable values swapped atomically into concurrent maps.
 * <p>
 * Each mutation (item unit or catalog change) takes the next sequence number and is handed to the {@link Journal}
 * before it takes effect; the writer then waits for it to be durable only after leaving the lock. With a journal, a
 * unit of item changes reaches the tables that readers read (and the listeners) only once the journal acknowledged
 * it ({@link Visibility}): no reader sees a write that a crash could still take back. Writers inside the lock see
 * every committed change through {@link Table#current}. Catalog changes first make every waiting unit visible (they
 * are rare, and may then wait on the disk under the lock), so the tables and listeners see catalog and item changes
 * in commit order.
 */
public final class Engine {

    private final EngineOptions options;
    private final TableNames tableNames;
    private final CapacityGovernor capacity;
    private final NavigableMap<String, Table> tables = new ConcurrentSkipListMap<>();
    /** Deleted tables still shown as DELETING, by name, with the time until which they are (transient statuses). */
    private final Map<String, Deleting> deleting = new ConcurrentHashMap<>();

    private final ReentrantLock commitLock = new ReentrantLock();
    private final List<CommitListener> listeners = new CopyOnWriteArrayList<>();
    private final Visibility visibility = new Visibility(listeners);
    private volatile Journal journal = Journal.NONE;
    /** The last sequence number given to a mutation; guarded by the commit lock. */
    private volatile long sequence;
    /** During recovery, the logged time of the mutation being replayed replaces the clock; guarded by the lock. */
    private long replayTimeMillis = -1;

    private record Deleting(Table table, long untilMillis) {}

    public Engine(EngineOptions options) {
        this.options = options;
        this.tableNames = new TableNames(options.region(), options.accountId());
        this.capacity = new CapacityGovernor(options.clock(), options.throttling());
    }

    /** Throttling and capacity figures; every data-plane operation passes through it. */
    public CapacityGovernor capacity() {
        return capacity;
    }

    public EngineOptions options() {
        return options;
    }

    public long nowMillis() {
        return options.clock().millis();
    }

    public void addListener(CommitListener listener) {
        listeners.add(listener);
    }

    /**
     * Starts recording every later mutation in the journal (after recovery, before the engine is handed out), or
     * stops (Journal.NONE, at shutdown: whatever the old journal still held back is made durable and visible first).
     */
    public void attachJournal(Journal newJournal) {
        exclusive(() -> {
            quiesce();
            this.journal = newJournal;
            return null;
        });
    }

    /** Whether other threads are waiting to enter the commit path (a group commit may wait for them). */
    public boolean writersWaiting() {
        return commitLock.hasQueuedThreads();
    }

    /** The sequence number of the last mutation; inside a listener, that of the mutation being reported. */
    public long sequence() {
        return sequence;
    }

    /** Continues numbering after a restored state (recovery from a snapshot). */
    public void restoreSequence(long lastSequence) {
        exclusive(() -> {
            this.sequence = lastSequence;
            return null;
        });
    }

    /**
     * Replays one logged mutation with its original sequence number and time (recovery, point-in-time restore). The
     * work must perform exactly one mutation through the usual methods; nothing is journaled while replaying.
     */
    public void replay(long loggedSequence, long loggedTimeMillis, Runnable work) {
        exclusive(() -> {
            Journal saved = journal;
            journal = Journal.NONE;
            sequence = loggedSequence - 1;
            replayTimeMillis = loggedTimeMillis;
            try {
                work.run();
            } finally {
                replayTimeMillis = -1;
                journal = saved;
            }
            if (sequence != loggedSequence) {
                sequence = loggedSequence; // a logged mutation that no longer changes anything keeps its number
            }
            return null;
        });
    }

    /**
     * Records an opaque mutation of another subsystem (backups, continuous-backup settings) in the journal, under the
     * lock so it is ordered with the item changes; the caller then waits for it like any write. Returns its sequence.
     */
    public long journalExtension(int kind, byte[] payload) {
        return exclusive(() -> {
            long seq = sequence + 1;
            journal.extension(seq, mutationTime(), kind, payload);
            sequence = seq;
            return seq;
        });
    }

    /** The table, or null. */
    public @Nullable Table table(String name) {
        return tables.get(name);
    }

    /**
     * The table a data-plane request names (by name or ARN, see {@link TableNames}); a missing one is DynamoDB's
     * bare "Requested resource not found".
     */
    public Table requireTable(String nameOrArn) {
        Table t = tables.get(tableName(nameOrArn));
        // a table that is still being created is not there yet for reads and writes, as on AWS
        if (t == null || t.status(nowMillis()) == TableStatus.CREATING) {
            throw EngineErrors.resourceNotFound();
        }
        return t;
    }

    /**
     * The table a control-plane request names (DescribeTable, UpdateTable, DeleteTable, the TTL operations); a
     * missing one is "Requested resource not found: Table: &lt;name&gt; not found", the name taken out of an ARN.
     */
    public Table requireTableForControl(String nameOrArn) {
        String name = tableName(nameOrArn);
        Table t = tables.get(name);
        if (t == null) {
            t = deletingTable(name);
        }
        if (t == null) {
            throw EngineErrors.resourceNotFound("Requested resource not found: Table: " + name + " not found");
        }
        return t;
    }

    /**
     * The table's status: CREATING, UPDATING or DELETING while a transient status lasts (only when the options delay
     * them), else ACTIVE.
     */
    public TableStatus statusOf(Table table) {
        if (tables.get(table.name()) != table) {
            return TableStatus.DELETING;
        }
        return table.status(nowMillis());
    }

    /** A deleted table that is still shown as DELETING, or null. */
    public @Nullable Table deletingTable(String name) {
        Deleting d = deleting.get(name);
        if (d == null) {
            return null;
        }
        if (nowMillis() >= d.untilMillis() || tables.get(name) != null) {
            deleting.remove(name, d);
            return null;
        }
        return d.table();
    }

    /** The names of deleted tables still shown as DELETING. */
    public java.util.Set<String> deletingNames() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (String name : List.copyOf(deleting.keySet())) {
            if (deletingTable(name) != null) {
                names.add(name);
            }
        }
        return names;
    }

    /** Shows a new table CREATING for the transient-status delay (a no-op when statuses are not delayed). */
    public void creating(Table table) {
        long delay = options.transientStatusDelay().toMillis();
        if (delay > 0) {
            table.creatingUntil(nowMillis() + delay);
        }
    }

    /** Shows the table UPDATING for the transient-status delay (a no-op when statuses are not delayed). */
    public void updating(Table table) {
        long delay = options.transientStatusDelay().toMillis();
        if (delay > 0) {
            table.updatingUntil(nowMillis() + delay);
        }
    }

    /** Shows a dropped table DELETING for the transient-status delay (a no-op when statuses are not delayed). */
    public void deleting(Table table) {
        long delay = options.transientStatusDelay().toMillis();
        if (delay > 0 && tables.get(table.name()) != table) {
            deleting.put(table.name(), new Deleting(table, nowMillis() + delay));
        }
    }

    /** The plain table name a TableName member designates: itself, or the name inside a table ARN of this engine. */
    public String tableName(String nameOrArn) {
        return tableNames.resolve(nameOrArn);
    }

    /** Table names in DynamoDB's ListTables order (ascending). */
    public NavigableMap<String, Table> tables() {
        return tables;
    }

    /**
     * Runs work while holding the commit lock: read-check-write sequences. The outermost section returns (or throws)
     * only once everything committed before it left the lock is durable and visible, its own changes included,
     * waiting after the lock is released: whatever the work saw, a rejected condition included, is then durable.
     */
    public <T> T exclusive(Supplier<T> work) {
        Wait wait = new Wait();
        try {
            return exclusive(work, wait);
        } finally {
            await(wait); // an inner section observes nothing, so it does not wait
        }
    }

    /**
     * The durability wait that a run of {@link #exclusive(Supplier, Wait)} sections owes: the newest sequence number
     * they observed, waited for once by {@link #await(Wait)} after the last of them.
     */
    public static final class Wait {
        private long observed;
        private Journal journal = Journal.NONE;
    }

    /**
     * As {@link #exclusive(Supplier)}, except that the outermost section does not wait for what it observed to be
     * durable and visible: it adds that to {@code wait}, and the caller calls {@link #await(Wait)} once after its last
     * section (also when one throws). For a run of independent writes that need not be durable one by one, only all of
     * them before the caller answers (BatchWriteItem): each section still holds the lock alone, so other writers commit
     * between them and their group flushes and publications cover these writes as they would; but a writer alone
     * flushes once for the run, not once per write.
     */
    public <T> T exclusive(Supplier<T> work, Wait wait) {
        commitLock.lock();
        boolean outermost = commitLock.getHoldCount() == 1;
        try {
            return work.get();
        } finally {
            if (outermost) {
                long observed = sequence;
                Journal j = journal;
                if (j == Journal.NONE) {
                    visibility.madeVisible(observed);
                }
                if (observed > wait.observed) {
                    wait.observed = observed;
                    wait.journal = j;
                }
            }
            commitLock.unlock();
        }
    }

    /** Returns once everything the sections run with this wait observed is durable and visible (see above). */
    public void await(Wait wait) {
        long observed = wait.observed;
        if (observed > 0 && !visibility.visibleThrough(observed)) {
            wait.journal.awaitDurable(observed);
            visibility.publish(wait.journal.acknowledged());
        }
    }

    /**
     * Makes every committed change visible now, waiting on the disk if need be; inside {@link #exclusive}. For what
     * must see the tables whole and up to date: catalog changes, snapshots, backups.
     */
    public void quiesce() {
        if (!commitLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("quiesce outside the commit lock");
        }
        if (visibility.anyWaiting() || !visibility.visibleThrough(sequence)) {
            if (journal != Journal.NONE) {
                journal.awaitDurable(sequence);
                visibility.publish(journal.acknowledged());
            } else {
                visibility.madeVisible(sequence);
            }
        }
    }

    /**
     * Runs a read of several items that must see every committed unit whole or not at all (TransactGetItems), without
     * taking the commit lock: it holds up only the publication of newly durable units, never a writer or the disk.
     */
    public <T> T consistentRead(Supplier<T> read) {
        return visibility.consistentRead(read);
    }

    /**
     * Commits a unit of item changes, each computed from {@link Table#current}. Must be called inside
     * {@link #exclusive}; readers see the unit once the journal acknowledges it.
     */
    public void commit(List<ItemChange> changes) {
        if (!commitLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("commit outside the commit lock");
        }
        if (changes.isEmpty()) {
            return;
        }
        long now = mutationTime();
        long seq = sequence + 1;
        Journal j = journal;
        if (j == Journal.NONE) {
            sequence = seq;
            visibility.applyNow(seq, now, changes);
            return;
        }
        Object held = visibility.hold(seq, now, changes);
        try {
            j.items(seq, now, changes);
        } catch (RuntimeException | Error vetoed) {
            visibility.withdraw(held);
            throw vetoed;
        }
        sequence = seq;
    }

    /**
     * Recovery only: a replayed unit of item changes that the caller applies to the tables itself, in bulk, later
     * (see {@link #replay}). It takes its sequence number and reaches the listeners exactly as {@link #commit} would,
     * with the same old and new items, but touches no table.
     */
    public void commitReplayed(List<ItemChange> changes) {
        if (!commitLock.isHeldByCurrentThread() || replayTimeMillis < 0) {
            throw new IllegalStateException("a replayed commit outside replay");
        }
        if (changes.isEmpty()) {
            return;
        }
        long now = mutationTime();
        sequence = sequence + 1;
        for (CommitListener l : listeners) {
            l.committed(sequence, changes, now);
        }
    }

    public Table createTable(TableDefinition definition) {
        return exclusive(() -> {
            Table existing = tables.get(definition.name());
            if (existing != null && existing.status(nowMillis()) == TableStatus.CREATING) {
                throw EngineErrors.resourceInUse("Attempt to change a resource which is still in use: Table is being "
                        + "created: " + definition.name());
            }
            if (existing != null || deletingTable(definition.name()) != null) {
                throw EngineErrors.resourceInUse("Table already exists: " + definition.name());
            }
            quiesce();
            long now = mutationTime();
            long seq = sequence + 1;
            journal.tableCreated(seq, now, definition);
            sequence = seq;
            Table t = new Table(definition);
            tables.put(definition.name(), t);
            for (CommitListener l : listeners) {
                l.tableCreated(t, now);
            }
            return t;
        });
    }

    /** Replaces a table's definition, creating or dropping index data to match. */
    public void redefine(Table table, TableDefinition newDefinition) {
        exclusive(() -> {
            quiesce();
            TableDefinition old = table.definition();
            long now = mutationTime();
            long seq = sequence + 1;
            journal.tableRedefined(seq, now, newDefinition);
            sequence = seq;
            for (IndexDef index : indexes(old)) {
                if (newDefinition.index(index.name()) == null) {
                    table.data().dropIndex(index.name());
                }
            }
            table.definition(newDefinition);
            capacity.redefined(table);
            for (IndexDef index : indexes(newDefinition)) {
                if (old.index(index.name()) == null) {
                    table.data().addIndex(table.indexData(index));
                }
            }
            for (CommitListener l : listeners) {
                l.tableRedefined(table, old, now);
            }
            return null;
        });
    }

    public void dropTable(Table table) {
        exclusive(() -> {
            if (tables.get(table.name()) != table) {
                return null;
            }
            quiesce();
            long now = mutationTime();
            long seq = sequence + 1;
            journal.tableDropped(seq, now, table.name());
            sequence = seq;
            tables.remove(table.name(), table);
            capacity.dropped(table);
            for (CommitListener l : listeners) {
                l.tableDropped(table, now);
            }
            return null;
        });
    }

    /** The time stamped on a mutation: the clock, or the logged time while replaying. Caller holds the lock. */
    private long mutationTime() {
        return replayTimeMillis >= 0 ? replayTimeMillis : nowMillis();
    }

    private static Collection<IndexDef> indexes(TableDefinition d) {
        return java.util.stream.Stream.concat(d.globalIndexes().stream(), d.localIndexes().stream())
                .toList();
    }
}
