package dev.singletable.streams;

import dev.singletable.table.SingleTable;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Records a projector could not apply after all its attempts, parked in the table ({@code PK = STREAM_DEAD_LETTER},
 * {@code SK = <projector>#<sequenceNumber>}) with the changed item's key and the last error, so the shard can move on
 * and an operator can see (through actuator health) and replay what was skipped.
 */
class DeadLetters {

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final Clock clock;

    DeadLetters(DynamoDbClient dynamo, String tableName, Clock clock) {
        this.dynamo = dynamo;
        this.tableName = tableName;
        this.clock = clock;
    }

    public void park(String projector, Record record, int attempts, Exception error) {
        String sequenceNumber = record.dynamodb().sequenceNumber();
        Map<String, AttributeValue> item = new HashMap<>(StreamKeys.deadLetter(projector, sequenceNumber));
        item.put(SingleTable.ENTITY_TYPE, AttributeValue.fromS(StreamKeys.DEAD_LETTER_TYPE));
        item.put("projector", AttributeValue.fromS(projector));
        item.put("eventName", AttributeValue.fromS(record.eventNameAsString()));
        item.put("itemKeys", AttributeValue.fromM(record.dynamodb().keys()));
        item.put("attempts", AttributeValue.fromN(Integer.toString(attempts)));
        item.put("error", AttributeValue.fromS(String.valueOf(error)));
        item.put("parkedAt", AttributeValue.fromS(clock.instant().toString()));
        dynamo.putItem(r -> r.tableName(tableName).item(item));
    }

    /** The parked records, oldest projector/sequence first (one page is enough for a health view). */
    public List<Map<String, AttributeValue>> list(int limit) {
        return dynamo.query(r -> r.tableName(tableName)
                        .keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", SingleTable.PK))
                        .expressionAttributeValues(
                                Map.of(":pk", AttributeValue.fromS(StreamKeys.DEAD_LETTER_PARTITION)))
                        .limit(limit))
                .items();
    }
}
