package dev.singletable.streams;

import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * A read model kept from the table's stream. The listener delivers every record at least once, so {@link #apply} must be
 * idempotent: a re-delivered record must change nothing (see {@link OnceOnly}).
 */
public interface Projector {

    /** A stable name: it keys the projector's applied-record markers and its dead letters. */
    String name();

    /** The {@code entityType} values whose changes this projector wants. */
    Set<String> entityTypes();

    /** Whether changes of items of this type reach {@link #apply}. */
    default boolean subscribes(@Nullable String entityType) {
        return entityType != null && entityTypes().contains(entityType);
    }

    /** Applies one change; throwing makes the listener retry with backoff, then park the record as a dead letter. */
    void apply(Record record);
}
