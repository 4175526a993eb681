package dev.singletable.streams;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * A projector of one item type whose reaction to a change is a set of counter updates on other items: the feature says
 * which updates a change makes ({@link #project}), this class decodes the images with the item's own schema on request
 * and commits the updates through {@link OnceOnly}, so a re-delivered record moves nothing twice. Counters
 * ({@link ItemCounter}), a product's ratings and a user's order totals are made this way.
 *
 * @param <T> the projected item type
 */
public abstract class ItemProjector<T> implements Projector {

    private final String name;
    private final String entityType;
    private final TableSchema<T> schema;
    private final OnceOnly onceOnly;

    protected ItemProjector(String name, String entityType, TableSchema<T> schema, OnceOnly onceOnly) {
        this.name = name;
        this.entityType = entityType;
        this.schema = schema;
        this.onceOnly = onceOnly;
    }

    /** The updates ({@link Counters#add}) one change of an item makes; none when it changes nothing. */
    protected abstract List<Update> project(Record record);

    /** The changed item: the new image, or the old one for a REMOVE. */
    protected final T item(Record record) {
        return StreamImages.item(record, schema);
    }

    /** The item before the change; null for an INSERT. */
    protected final @Nullable T before(Record record) {
        return StreamImages.oldItem(record, schema);
    }

    /** The item after the change; null for a REMOVE. */
    protected final @Nullable T after(Record record) {
        return StreamImages.newItem(record, schema);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Set<String> entityTypes() {
        return Set.of(entityType);
    }

    @Override
    public final void apply(Record record) {
        commit(record, project(record));
    }

    /** Commits one record's updates, already projected, once for this projector; nothing when there are none. */
    protected final void commit(Record record, List<Update> updates) {
        if (!updates.isEmpty()) {
            onceOnly.apply(name, record.dynamodb().sequenceNumber(), updates);
        }
    }

    /**
     * Commits several records' updates in one transaction with each record's marker ({@link OnceOnly#applyAll}).
     *
     * @return false when nothing was written because one record had been applied before or a target is gone
     */
    protected final boolean commitTogether(List<Record> records, List<Update> updates) {
        List<String> sequenceNumbers = records.stream()
                .map(record -> record.dynamodb().sequenceNumber())
                .toList();
        return onceOnly.applyAll(name, sequenceNumbers, updates);
    }
}
