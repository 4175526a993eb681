package dev.singletable.streams;

import java.util.List;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * A projector that counts the items of one type into counters on other items: an INSERT adds 1, a REMOVE subtracts 1,
 * a MODIFY changes no count. The item is decoded with its own schema, and each record's updates commit through
 * {@link OnceOnly}, so a re-delivered record moves no counter twice.
 *
 * @param <T> the counted item type
 */
public abstract class ItemCounter<T> implements Projector {

    private final String name;
    private final String entityType;
    private final TableSchema<T> schema;
    private final OnceOnly onceOnly;

    protected ItemCounter(String name, String entityType, TableSchema<T> schema, OnceOnly onceOnly) {
        this.name = name;
        this.entityType = entityType;
        this.schema = schema;
        this.onceOnly = onceOnly;
    }

    /** The counter updates ({@link Counters#add}) of one counted item appearing (+1) or going (-1). */
    protected abstract List<Update> count(T item, long delta);

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
        long delta =
                record.eventName() == OperationType.INSERT ? 1 : record.eventName() == OperationType.REMOVE ? -1 : 0;
        if (delta != 0) {
            onceOnly.apply(name, record.dynamodb().sequenceNumber(), count(StreamImages.item(record, schema), delta));
        }
    }
}
