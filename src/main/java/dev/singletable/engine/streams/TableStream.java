package dev.singletable.engine.streams;

import dev.singletable.engine.table.KeyDef;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * One stream of a table: created when the table's stream is enabled, disabled (its open shard closed) when the stream
 * is turned off or the table deleted, readable until its records age out. Turning the stream on again makes a new
 * stream with a new ARN and label [1]. Guarded by the {@link StreamStore}'s monitor.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html">Change data capture for DynamoDB Streams</a>
 */
final class TableStream {

    final String arn;
    final @Nullable String label;
    final String tableName;
    final KeyDef keySchema;
    final StreamViewType viewType;
    final long createdMillis;
    private long disabledMillis = -1;
    final List<Shard> shards = new ArrayList<>();

    TableStream(
            String arn,
            @Nullable String label,
            String tableName,
            KeyDef keySchema,
            StreamViewType viewType,
            long createdMillis) {
        this.arn = arn;
        this.label = label;
        this.tableName = tableName;
        this.keySchema = keySchema;
        this.viewType = viewType;
        this.createdMillis = createdMillis;
    }

    boolean enabled() {
        return disabledMillis < 0;
    }

    long disabledMillis() {
        return disabledMillis;
    }

    void disable(long timeMillis) {
        if (enabled()) {
            disabledMillis = timeMillis;
            Shard open = openShard();
            if (open != null) {
                open.close(timeMillis);
            }
        }
    }

    void restoreDisabled(long timeMillis) {
        disabledMillis = timeMillis;
    }

    @Nullable
    Shard openShard() {
        if (shards.isEmpty()) {
            return null;
        }
        Shard last = shards.get(shards.size() - 1);
        return last.isOpen() ? last : null;
    }

    @Nullable
    Shard shard(String shardId) {
        for (Shard s : shards) {
            if (s.id.equals(shardId)) {
                return s;
            }
        }
        return null;
    }
}
