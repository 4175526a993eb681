package dev.singletable.streams;

import dev.singletable.table.SingleTable;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * One reader per shard when several instances run: a lease item ({@code PK = STREAM_SHARD#<shardId>}, {@code SK = LEASE})
 * is taken or renewed with a conditional write that succeeds only if nobody holds it, the caller already holds it, or the
 * holder let it expire. A crashed instance therefore blocks its shards for at most one lease duration.
 */
class ShardLeases {

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final String owner;
    private final Duration duration;
    private final Clock clock;
    private final Map<String, Long> heldSince = new java.util.concurrent.ConcurrentHashMap<>();

    ShardLeases(DynamoDbClient dynamo, String tableName, String owner, Duration duration, Clock clock) {
        this.dynamo = dynamo;
        this.tableName = tableName;
        this.owner = owner;
        this.duration = duration;
        this.clock = clock;
    }

    public String owner() {
        return owner;
    }

    /**
     * Takes or renews the lease; false when another live instance holds it. A lease held for less than half its duration
     * is not written again: every write is also a stream record, and renewing on each poll would keep the stream busy.
     */
    public boolean acquire(String shardId) {
        long now = clock.millis();
        Long held = heldSince.get(shardId);
        if (held != null && now - held < duration.toMillis() / 2) {
            return true;
        }
        var item = new java.util.HashMap<>(StreamKeys.lease(shardId));
        item.put(SingleTable.ENTITY_TYPE, AttributeValue.fromS(StreamKeys.LEASE_TYPE));
        item.put("owner", AttributeValue.fromS(owner));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(now + duration.toMillis())));
        try {
            dynamo.putItem(r -> r.tableName(tableName)
                    .item(item)
                    .conditionExpression("attribute_not_exists(#pk) OR #owner = :me OR #expires < :now")
                    .expressionAttributeNames(Map.of("#pk", SingleTable.PK, "#owner", "owner", "#expires", "expiresAt"))
                    .expressionAttributeValues(Map.of(
                            ":me", AttributeValue.fromS(owner), ":now", AttributeValue.fromN(Long.toString(now)))));
            heldSince.put(shardId, now);
            return true;
        } catch (ConditionalCheckFailedException taken) {
            heldSince.remove(shardId);
            return false;
        }
    }

    /** Gives the lease back on a clean stop, so another instance need not wait for it to expire. */
    public void release(String shardId) {
        heldSince.remove(shardId);
        try {
            dynamo.deleteItem(r -> r.tableName(tableName)
                    .key(StreamKeys.lease(shardId))
                    .conditionExpression("#owner = :me")
                    .expressionAttributeNames(Map.of("#owner", "owner"))
                    .expressionAttributeValues(Map.of(":me", AttributeValue.fromS(owner))));
        } catch (ConditionalCheckFailedException notOurs) {
            // taken over after it expired: nothing to give back
        }
    }
}
