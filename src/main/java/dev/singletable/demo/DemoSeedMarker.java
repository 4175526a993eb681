package dev.singletable.demo;

import dev.singletable.table.SingleTable;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The item that records that the demo data was seeded: {@code PK = SK = DEMO#SEED}, {@code entityType = DemoSeed},
 * {@code state} {@code SEEDING} then {@code DONE}. It is claimed with {@code attribute_not_exists(PK)} before the first
 * demo write, so two instances starting on one table cannot both seed, and a restart never seeds twice.
 */
class DemoSeedMarker {

    public static final String KEY = "DEMO#SEED";
    public static final String ENTITY_TYPE = "DemoSeed";
    public static final String SEEDING = "SEEDING";
    public static final String DONE = "DONE";

    private final SingleTable table;

    DemoSeedMarker(SingleTable table) {
        this.table = table;
    }

    /** The marker's state, or empty when the demo data was never seeded into this table. */
    public Optional<String> state() {
        Map<String, AttributeValue> item = table.dynamo()
                .getItem(r -> r.tableName(table.name()).key(key()).consistentRead(true))
                .item();
        return item == null || item.isEmpty()
                ? Optional.empty()
                : Optional.ofNullable(item.get("state")).map(AttributeValue::s);
    }

    /** Creates the marker in state SEEDING; false when it exists already (seeded, or being seeded, elsewhere). */
    public boolean claim(Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key());
        item.put(SingleTable.ENTITY_TYPE, AttributeValue.fromS(ENTITY_TYPE));
        item.put("state", AttributeValue.fromS(SEEDING));
        item.put("startedAt", AttributeValue.fromS(now.toString()));
        try {
            table.dynamo().putItem(r -> r.tableName(table.name())
                    .item(item)
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", SingleTable.PK)));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    public void complete(Instant now) {
        table.dynamo().updateItem(r -> r.tableName(table.name())
                .key(key())
                .updateExpression("SET #state = :done, finishedAt = :now")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(
                        Map.of(":done", AttributeValue.fromS(DONE), ":now", AttributeValue.fromS(now.toString()))));
    }

    private static Map<String, AttributeValue> key() {
        return Map.of(SingleTable.PK, AttributeValue.fromS(KEY), SingleTable.SK, AttributeValue.fromS(KEY));
    }
}
