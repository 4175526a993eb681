package dev.singletable.engine.core;

import dev.singletable.engine.capacity.GovernedTable;
import dev.singletable.engine.storage.IndexData;
import dev.singletable.engine.storage.PrimaryKey;
import dev.singletable.engine.storage.StoredItem;
import dev.singletable.engine.storage.TableData;
import dev.singletable.engine.table.IndexDef;
import dev.singletable.engine.table.KeyDef;
import dev.singletable.engine.table.TableDefinition;
import dev.singletable.engine.value.AttributeValues;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * A table of the catalog: its current definition (replaced whole on every control-plane change), its data as readers
 * see it, and the item states committed but not yet visible (see {@link Visibility}), which writers must see.
 */
public final class Table implements GovernedTable {

    private volatile TableDefinition definition;
    private final TableData data = new TableData();
    /** Until when (epoch ms) the table shows CREATING / UPDATING; kept in memory only (see Engine#statusOf). */
    private volatile long creatingUntil;

    private volatile long updatingUntil;
    /** The newest committed state of each item whose latest change is not yet visible (a null item: deleted). */
    private final Map<PrimaryKey, Unpublished> unpublished = new ConcurrentHashMap<>();

    /** An item state waiting to be published, and the waiting state it replaced (restored if it is withdrawn). */
    static final class Unpublished {
        /** Null when the change deleted the item. */
        final @Nullable StoredItem item;
        /** Cleared on release, so a key written again and again does not chain every earlier state. */
        volatile @Nullable Unpublished previous;

        volatile boolean released;

        Unpublished(@Nullable StoredItem item, @Nullable Unpublished previous) {
            this.item = item;
            this.previous = previous;
        }
    }

    Table(TableDefinition definition) {
        this.definition = definition;
        for (IndexDef index : definition.globalIndexes()) {
            data.addIndex(indexData(index));
        }
        for (IndexDef index : definition.localIndexes()) {
            data.addIndex(indexData(index));
        }
    }

    @Override
    public TableDefinition definition() {
        return definition;
    }

    void definition(TableDefinition newDefinition) {
        this.definition = newDefinition;
    }

    public TableData data() {
        return data;
    }

    @Override
    public String name() {
        return definition.name();
    }

    /** CREATING or UPDATING while a transient status lasts, else ACTIVE (a deleted table's is the engine's to say). */
    TableStatus status(long nowMillis) {
        if (nowMillis < creatingUntil) {
            return TableStatus.CREATING;
        }
        return nowMillis < updatingUntil ? TableStatus.UPDATING : TableStatus.ACTIVE;
    }

    void creatingUntil(long millis) {
        this.creatingUntil = millis;
    }

    void updatingUntil(long millis) {
        this.updatingUntil = millis;
    }

    /**
     * The item as the next write must see it: its newest committed state, visible to readers yet or not. Only for
     * read-check-write sequences inside {@link Engine#exclusive}; readers use {@link #data()}.
     */
    public @Nullable StoredItem current(PrimaryKey key) {
        Unpublished waiting = unpublished.get(key);
        return waiting != null ? waiting.item : data.get(key);
    }

    /** Records a committed state that readers do not see yet. Caller holds the commit lock. */
    Unpublished hold(PrimaryKey key, @Nullable StoredItem item) {
        Unpublished entry = new Unpublished(item, unpublished.get(key));
        unpublished.put(key, entry);
        return entry;
    }

    /** The state is now in {@link #data()} (published before this call): writers read it there, unless newer waits. */
    void release(PrimaryKey key, Unpublished entry) {
        entry.released = true;
        entry.previous = null;
        unpublished.remove(key, entry);
    }

    /** A held state that was never recorded: the state it replaced is current again (if still waiting). */
    void withdraw(PrimaryKey key, Unpublished entry) {
        Unpublished previous = entry.previous;
        unpublished.compute(
                key, (k, now) -> now != entry ? now : previous != null && !previous.released ? previous : null);
    }

    IndexData indexData(IndexDef index) {
        KeyDef tableKey = definition.primaryKey();
        return new IndexData(
                index.name(),
                new IndexData.Shape() {
                    @Override
                    public List<String> hashNames() {
                        return index.key().hashNames();
                    }

                    @Override
                    public List<ScalarAttributeType> hashTypes() {
                        return index.key().hashParts().stream()
                                .map(KeyDef.KeyPart::type)
                                .toList();
                    }

                    @Override
                    public List<String> rangeNames() {
                        return index.key().rangeNames();
                    }

                    @Override
                    public List<ScalarAttributeType> rangeTypes() {
                        return index.key().rangeParts().stream()
                                .map(KeyDef.KeyPart::type)
                                .toList();
                    }

                    @Override
                    public Map<String, AttributeValue> project(Map<String, AttributeValue> item) {
                        return index.project(item, tableKey);
                    }

                    @Override
                    public boolean projectsAll() {
                        return index.projection() == ProjectionType.ALL;
                    }

                    @Override
                    public boolean local() {
                        return !index.global();
                    }
                },
                AttributeValues::itemSize);
    }
}
