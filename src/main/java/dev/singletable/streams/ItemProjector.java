package dev.singletable.streams;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * A projector of one item type whose reaction to a change is a set of counter updates on other items: the feature says
 * which updates a change makes ({@link #project}), this class decodes the images with the item's own schema on request
 * and commits the updates through {@link OnceOnly}, so a re-delivered record moves nothing twice; a batch's records
 * together ({@link #applyAll}). Counters ({@link ItemCounter}), a product's ratings and a user's order totals are made
 * this way.
 *
 * @param <T> the projected item type
 */
public abstract class ItemProjector<T> implements BatchProjector {

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

    /**
     * The updates ({@link Counters#add}) one change of an item makes; none when it changes nothing. Only
     * {@link Counters#add} updates: {@link #applyAll} sums a batch's updates of one item ({@link Counters#sum}).
     */
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

    /**
     * The batch's updates in as few transactions as {@link OnceOnly#MAX_ACTIONS} allows: every record's marker plus one
     * summed update per target item (issue 21: a burst of tweets by one author moved the author's count in one
     * transaction each, and a user's orders their totals likewise; each such transaction also wrote the profile once
     * more, a stream record and a history item each). A transaction cancelled because one of its records was applied
     * before (a restart re-reading a batch) or a target is gone is applied again record by record, each deciding for
     * itself, so every update still applies exactly once. Updates are {@code ADD}s, which commute, so summing the
     * records of one item changes no result.
     */
    @Override
    public final void applyAll(List<Record> records) {
        List<Record> chunk = new ArrayList<>();
        List<Update> updates = new ArrayList<>();
        Set<Map<String, AttributeValue>> targets = new HashSet<>();
        for (Record record : records) {
            List<Update> projected = project(record);
            if (projected.isEmpty()) {
                continue;
            }
            long newTargets = projected.stream()
                    .map(Update::key)
                    .filter(key -> !targets.contains(key))
                    .distinct()
                    .count();
            if (!chunk.isEmpty() && chunk.size() + 1 + targets.size() + newTargets > OnceOnly.MAX_ACTIONS) {
                commitChunk(chunk, updates);
                chunk.clear();
                updates.clear();
                targets.clear();
            }
            chunk.add(record);
            updates.addAll(projected);
            projected.forEach(update -> targets.add(update.key()));
        }
        if (!chunk.isEmpty()) {
            commitChunk(chunk, updates);
        }
    }

    /** A lone record commits with its own updates (projected once); several together, or else one by one. */
    private void commitChunk(List<Record> chunk, List<Update> updates) {
        if (chunk.size() == 1) {
            commit(chunk.get(0), updates);
        } else if (!commitTogether(chunk, Counters.sum(updates))) {
            chunk.forEach(this::apply);
        }
    }

    /** Commits one record's updates, already projected, once for this projector; nothing when there are none. */
    private void commit(Record record, List<Update> updates) {
        if (!updates.isEmpty()) {
            onceOnly.apply(name, record.dynamodb().sequenceNumber(), updates);
        }
    }

    /**
     * Commits several records' updates in one transaction with each record's marker ({@link OnceOnly#applyAll}).
     *
     * @return false when nothing was written because one record had been applied before or a target is gone
     */
    private boolean commitTogether(List<Record> records, List<Update> updates) {
        List<String> sequenceNumbers = records.stream()
                .map(record -> record.dynamodb().sequenceNumber())
                .toList();
        return onceOnly.applyAll(name, sequenceNumbers, updates);
    }
}
