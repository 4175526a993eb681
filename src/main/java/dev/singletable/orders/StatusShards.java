package dev.singletable.orders;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The write-sharded status index ({@code OrdersByStatus}). All orders of one status would share one partition key, and
 * a popular status (PLACED during a sale) would be a hot partition; so each status is spread over {@code count}
 * partition keys, the pairs ({@code status}, {@code statusShard}) of the index's multi-attribute partition key, the
 * shard being a hash of the order id. The hash depends on the id only, so an order keeps its shard when its status
 * changes, and any reader can recompute it. Within a shard the sort key {@code orderId} (a ULID) orders entries by
 * creation time.
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
}
