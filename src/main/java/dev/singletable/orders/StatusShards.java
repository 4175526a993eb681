package dev.singletable.orders;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The write-sharded status index on GSI2. All orders of one status would share one partition key, and a popular status
 * (PLACED during a sale) would be a hot partition; so each status is spread over {@code count} partition keys
 * {@code ORDER_STATUS#<status>#<shard>} ({@link OrderKeys#statusShard}), the shard being a hash of the order id. The
 * hash depends on the id only, so an order keeps its shard when its status changes, and any reader can recompute it.
 * Within a shard the sort key {@code ORDER#<ulid>} orders entries by creation time.
 */
record StatusShards(int count) {

    StatusShards {
        if (count < 1) {
            throw new IllegalArgumentException("at least one shard");
        }
    }

    int shardOf(String orderId) {
        CRC32 crc = new CRC32();
        crc.update(orderId.getBytes(StandardCharsets.US_ASCII));
        return (int) (crc.getValue() % count);
    }

    String partition(OrderStatus status, int shard) {
        return OrderKeys.statusShard(status, shard);
    }

    String partitionOf(OrderStatus status, String orderId) {
        return partition(status, shardOf(orderId));
    }
}
