package dev.singletable.streams;

import dev.singletable.table.SingleTable;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** Reading a stream record: the changed item's type and attributes, whichever image carries them. */
final class StreamItems {

    /** The listener's own bookkeeping lives in the same table: its changes are never projected. */
    static final Set<String> INTERNAL_TYPES = Set.of(
            ShardCheckpoints.ENTITY_TYPE, ShardLeases.ENTITY_TYPE, OnceOnly.ENTITY_TYPE, DeadLetters.ENTITY_TYPE);

    private StreamItems() {
    }

    /** The image that describes the item: the new one, or the old one for a REMOVE. */
    static Map<String, AttributeValue> image(Record record) {
        var data = record.dynamodb();
        if (record.eventName() == OperationType.REMOVE || !data.hasNewImage()) {
            return data.hasOldImage() ? data.oldImage() : data.keys();
        }
        return data.newImage();
    }

    static String entityType(Record record) {
        AttributeValue type = image(record).get(SingleTable.ENTITY_TYPE);
        return type == null ? null : type.s();
    }

    static String string(Record record, String attribute) {
        AttributeValue value = image(record).get(attribute);
        return value == null ? null : value.s();
    }

    static boolean internal(Record record) {
        String type = entityType(record);
        return type != null && INTERNAL_TYPES.contains(type);
    }
}
