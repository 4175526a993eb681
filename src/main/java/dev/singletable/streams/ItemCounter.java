package dev.singletable.streams;

import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * A projector that counts the items of one type into counters on other items: an INSERT adds 1, a REMOVE subtracts 1,
 * a MODIFY changes no count. The item is decoded with its own schema, and the records' updates commit through
 * {@link OnceOnly} ({@link ItemProjector}; a batch of them together, {@link ItemProjector#applyAll}), so a
 * re-delivered record moves no counter twice.
 *
 * @param <T> the counted item type
 */
public abstract class ItemCounter<T> extends ItemProjector<T> {

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
}
