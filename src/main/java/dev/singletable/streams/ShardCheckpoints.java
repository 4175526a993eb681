package dev.singletable.streams;

import dev.singletable.table.SingleTable;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where each shard's reading stopped, stored in the table itself ({@code PK = STREAM_SHARD#<shardId>},
 * {@code SK = CHECKPOINT}): the last sequence number whose records were all handed to the projectors, and whether the
 * shard is finished (closed and read to its end), which lets its children start.
 */
class ShardCheckpoints {

    private final DynamoDbClient dynamo;
    private final String tableName;

    ShardCheckpoints(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    public record Checkpoint(@Nullable String sequenceNumber, boolean finished) {}

    public Optional<Checkpoint> load(String shardId) {
        var item = dynamo.getItem(r -> r.tableName(tableName)
                        .key(StreamKeys.checkpoint(shardId))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        AttributeValue sequence = item.get("sequenceNumber");
        AttributeValue finished = item.get("finished");
        return Optional.of(new Checkpoint(
                sequence == null ? null : sequence.s(), finished != null && Boolean.TRUE.equals(finished.bool())));
    }

    public void save(String shardId, Checkpoint checkpoint) {
        var item = new java.util.HashMap<>(StreamKeys.checkpoint(shardId));
        item.put(SingleTable.ENTITY_TYPE, AttributeValue.fromS(StreamKeys.CHECKPOINT_TYPE));
        item.put("finished", AttributeValue.fromBool(checkpoint.finished()));
        if (checkpoint.sequenceNumber() != null) {
            item.put("sequenceNumber", AttributeValue.fromS(checkpoint.sequenceNumber()));
        }
        dynamo.putItem(r -> r.tableName(tableName).item(item));
    }
}
