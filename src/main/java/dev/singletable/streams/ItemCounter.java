package dev.singletable.streams;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * A projector that counts the items of one type into counters on other items: an INSERT adds 1, a REMOVE subtracts 1,
 * a MODIFY changes no count. The item is decoded with its own schema, and the records' updates commit through
 * {@link OnceOnly} ({@link ItemProjector}; a batch of them together, {@link #applyAll}), so a re-delivered record moves
 * no counter twice.
 *
 * @param <T> the counted item type
 */
public abstract class ItemCounter<T> extends ItemProjector<T> implements BatchProjector {

    protected ItemCounter(String name, String entityType, TableSchema<T> schema, OnceOnly onceOnly) {
        super(name, entityType, schema, onceOnly);
    }

    /** The counter updates ({@link Counters#add}) of one counted item appearing (+1) or going (-1). */
    protected abstract List<Update> count(T item, long delta);

    @Override
    protected final List<Update> project(Record record) {
        long delta =
                record.eventName() == OperationType.INSERT ? 1 : record.eventName() == OperationType.REMOVE ? -1 : 0;
        return delta == 0 ? List.of() : count(item(record), delta);
    }

    /**
     * The batch's counts in as few transactions as {@link OnceOnly#MAX_ACTIONS} allows: every record's marker plus one
     * summed update per counted item (issue 21: a burst of tweets by one author moved the author's count in one
     * transaction each). A transaction cancelled because one of its records was applied before (a restart re-reading
     * a batch) or a target is gone is applied again record by record, each deciding for itself, so every count still
     * moves exactly once.
     */
    @Override
    public final void applyAll(List<Record> records) {
        List<Record> chunk = new ArrayList<>();
        List<Update> updates = new ArrayList<>();
        Set<Map<String, AttributeValue>> targets = new HashSet<>();
        for (Record record : records) {
            List<Update> counted = project(record);
            if (counted.isEmpty()) {
                continue;
            }
            long newTargets = counted.stream()
                    .map(Update::key)
                    .filter(key -> !targets.contains(key))
                    .distinct()
                    .count();
            if (!chunk.isEmpty() && chunk.size() + 1 + targets.size() + newTargets > OnceOnly.MAX_ACTIONS) {
                commit(chunk, updates);
                chunk.clear();
                updates.clear();
                targets.clear();
            }
            chunk.add(record);
            updates.addAll(counted);
            counted.forEach(update -> targets.add(update.key()));
        }
        if (!chunk.isEmpty()) {
            commit(chunk, updates);
        }
    }

    /** A lone record commits with its own updates (decoded once); several together, or else one by one. */
    private void commit(List<Record> chunk, List<Update> updates) {
        if (chunk.size() == 1) {
            commit(chunk.get(0), updates);
        } else if (!commitTogether(chunk, Counters.sum(updates))) {
            chunk.forEach(this::apply);
        }
    }
}
