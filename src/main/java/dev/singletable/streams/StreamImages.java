package dev.singletable.streams;

import dev.singletable.table.SingleTable;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * A stream record's images as items. A projector decodes the images of the items it subscribes to with that item's
 * own {@link TableSchema}, the mapping its repository writes with, so no attribute name is spelled a second time.
 */
public final class StreamImages {

    /** The listener's own bookkeeping lives in the same table: its changes are never projected. */
    static final Set<String> INTERNAL_TYPES = Set.of(
            StreamKeys.CHECKPOINT_TYPE, StreamKeys.LEASE_TYPE, StreamKeys.APPLIED_TYPE, StreamKeys.DEAD_LETTER_TYPE);

    private StreamImages() {}

    /** The item the record is about: as it is after the change, or as it was before a REMOVE. */
    public static <T> T item(Record record, TableSchema<T> schema) {
        return schema.mapToItem(image(record));
    }

    /** The item before the change; null for an INSERT. */
    public static <T> @Nullable T oldItem(Record record, TableSchema<T> schema) {
        return record.dynamodb().hasOldImage()
                ? schema.mapToItem(record.dynamodb().oldImage())
                : null;
    }

    /** The item after the change; null for a REMOVE. */
    public static <T> @Nullable T newItem(Record record, TableSchema<T> schema) {
        return record.dynamodb().hasNewImage()
                ? schema.mapToItem(record.dynamodb().newImage())
                : null;
    }

    /** The changed item's {@value SingleTable#ENTITY_TYPE}, which projectors subscribe to. */
    public static @Nullable String entityType(Record record) {
        AttributeValue type = image(record).get(SingleTable.ENTITY_TYPE);
        return type == null ? null : type.s();
    }

    /** The image that describes the item: the new one, or the old one for a REMOVE. */
    static Map<String, AttributeValue> image(Record record) {
        var data = record.dynamodb();
        if (record.eventName() == OperationType.REMOVE || !data.hasNewImage()) {
            return data.hasOldImage() ? data.oldImage() : data.keys();
        }
        return data.newImage();
    }

    static boolean internal(Record record) {
        String type = entityType(record);
        return type != null && INTERNAL_TYPES.contains(type);
    }
}
