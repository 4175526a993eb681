package dev.singletable.engine.durability;

import dev.singletable.engine.core.WriteStamp;
import dev.singletable.engine.storage.StoredItem;
import dev.singletable.engine.table.TableDefinition;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One decoded record of the write-ahead log: a mutation with its sequence number and commit time. */
public sealed interface LogRecord {

    long sequence();

    long timeMillis();

    /**
     * One item of a committed unit: its new state, or for a deletion its key attributes.
     *
     * @param keyAttributes the key attributes when deleted (newItem null); null otherwise (the key is in the item)
     * @param replicated    the stamp of the other region's write this change copies (global tables), or null
     */
    record ItemWrite(
            String tableName,
            @Nullable Map<String, AttributeValue> keyAttributes,
            @Nullable StoredItem newItem,
            boolean byService,
            @Nullable WriteStamp replicated) {}

    /** A committed unit of item changes: a single write, a batch entry or a whole transaction. */
    record Items(long sequence, long timeMillis, List<ItemWrite> writes) implements LogRecord {}

    record TableCreated(long sequence, long timeMillis, TableDefinition definition) implements LogRecord {}

    record TableRedefined(long sequence, long timeMillis, TableDefinition definition) implements LogRecord {}

    record TableDropped(long sequence, long timeMillis, String tableName) implements LogRecord {}

    /** A record of another subsystem (backups, continuous backups), replayed by whoever registered its kind. */
    record Extension(long sequence, long timeMillis, int kind, byte[] payload) implements LogRecord {}
}
