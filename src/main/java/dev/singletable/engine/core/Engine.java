package dev.singletable.engine.core;

import dev.singletable.engine.EngineOptions;
import dev.singletable.engine.error.EngineErrors;
import dev.singletable.engine.table.IndexDef;
import dev.singletable.engine.table.TableDefinition;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The catalog of tables and the single commit path. Every mutation, a whole transaction included, runs inside
 * {@link #exclusive} and lands through {@link #commit} as one unit, so it can be logged and streamed as one.
 * Reads need no lock: items and index entries are immutable values swapped atomically into concurrent maps.
 */
public final class Engine {

    private final EngineOptions options;
    private final NavigableMap<String, Table> tables = new ConcurrentSkipListMap<>();
    private final ReentrantLock commitLock = new ReentrantLock();
    private final List<CommitListener> listeners = new CopyOnWriteArrayList<>();

    public Engine(EngineOptions options) {
        this.options = options;
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

    /** The table, or null. */
    public Table table(String name) {
        return tables.get(name);
    }

    public Table requireTable(String name) {
        Table t = tables.get(name);
        if (t == null) {
            throw EngineErrors.resourceNotFound();
        }
        return t;
    }

    /** Table names in DynamoDB's ListTables order (ascending). */
    public NavigableMap<String, Table> tables() {
        return tables;
    }

    /** Runs work while holding the commit lock: read-check-write sequences and consistent multi-item reads. */
    public <T> T exclusive(Supplier<T> work) {
        commitLock.lock();
        try {
            return work.get();
        } finally {
            commitLock.unlock();
        }
    }

    /** Applies a unit of item changes. Must be called inside {@link #exclusive}. */
    public void commit(List<ItemChange> changes) {
        if (!commitLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("commit outside the commit lock");
        }
        if (changes.isEmpty()) {
            return;
        }
        long now = nowMillis();
        for (ItemChange c : changes) {
            c.table().data().apply(c.key(), c.oldItem(), c.newItem());
        }
        for (CommitListener l : listeners) {
            l.committed(changes, now);
        }
    }

    public Table createTable(TableDefinition definition) {
        return exclusive(() -> {
            if (tables.containsKey(definition.name())) {
                throw EngineErrors.resourceInUse("Table already exists: " + definition.name());
            }
            Table t = new Table(definition);
            tables.put(definition.name(), t);
            return t;
        });
    }

    /** Replaces a table's definition, creating or dropping index data to match. */
    public void redefine(Table table, TableDefinition newDefinition) {
        exclusive(() -> {
            TableDefinition old = table.definition();
            for (IndexDef index : indexes(old)) {
                if (newDefinition.index(index.name()) == null) {
                    table.data().dropIndex(index.name());
                }
            }
            table.definition(newDefinition);
            for (IndexDef index : indexes(newDefinition)) {
                if (old.index(index.name()) == null) {
                    table.data().addIndex(table.indexData(index));
                }
            }
            return null;
        });
    }

    public void dropTable(Table table) {
        exclusive(() -> tables.remove(table.name(), table));
    }

    private static Collection<IndexDef> indexes(TableDefinition d) {
        return java.util.stream.Stream.concat(d.globalIndexes().stream(), d.localIndexes().stream()).toList();
    }
}
