package dev.singletable.streams;

import dev.singletable.table.SingleTable;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The key design of the listener's own bookkeeping, kept in the service's table:
 * <ul>
 *   <li>a shard's checkpoint {@code PK = STREAM_SHARD#<shardId>}, {@code SK = CHECKPOINT};</li>
 *   <li>its lease {@code PK = STREAM_SHARD#<shardId>}, {@code SK = LEASE};</li>
 *   <li>an applied-record marker {@code PK = STREAM_APPLIED#<projector>#<sequenceNumber>}, {@code SK = APPLIED};</li>
 *   <li>a dead letter {@code PK = STREAM_DEAD_LETTER}, {@code SK = <projector>#<sequenceNumber>}.</li>
 * </ul>
 * Their entity types are never delivered to projectors ({@link StreamImages#internal}).
 */
final class StreamKeys {

    static final String CHECKPOINT_TYPE = "StreamCheckpoint";
    static final String LEASE_TYPE = "StreamLease";
    static final String APPLIED_TYPE = "StreamApplied";
    static final String DEAD_LETTER_TYPE = "StreamDeadLetter";
    static final String DEAD_LETTER_PARTITION = "STREAM_DEAD_LETTER";

    private StreamKeys() {}

    static Map<String, AttributeValue> checkpoint(String shardId) {
        return key("STREAM_SHARD#" + shardId, "CHECKPOINT");
    }

    static Map<String, AttributeValue> lease(String shardId) {
        return key("STREAM_SHARD#" + shardId, "LEASE");
    }

    static Map<String, AttributeValue> applied(String projector, String sequenceNumber) {
        return key("STREAM_APPLIED#" + projector + "#" + sequenceNumber, "APPLIED");
    }

    static Map<String, AttributeValue> deadLetter(String projector, String sequenceNumber) {
        return key(DEAD_LETTER_PARTITION, projector + "#" + sequenceNumber);
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(SingleTable.PK, AttributeValue.fromS(pk), SingleTable.SK, AttributeValue.fromS(sk));
    }
}
