package dev.singletable.orders;

import dev.singletable.users.UserKeys;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * The key design of orders, the one place its prefixes are written:
 * <ul>
 *   <li>an order's header {@code PK = ORDER#<orderId>}, {@code SK = ORDER} ({@link OrderItem}) and its lines
 *       {@code SK = LINE#<sku>} ({@link OrderLineItem}): one item collection, read with one consistent Query;</li>
 *   <li>the header also sits in its owner's GSI1 partition ({@code GSI1PK = USER#<ownerId>},
 *       {@code GSI1SK = ORDER#<orderId>}): the owner's orders, newest first;</li>
 *   <li>and in the write-sharded status index {@code OrdersByStatus}, whose key is made of the header's own
 *       attributes: partition key ({@code status}, {@code statusShard}), sort key {@code orderId} — a multi-attribute
 *       key, so no prefix is written for it here ({@link StatusShards} picks the shard). Only headers carry
 *       {@code statusShard}: the index is sparse;</li>
 *   <li>an idempotency record {@code PK = IDEMPOTENCY#<userId>#<key>}, {@code SK = IDEMPOTENCY}
 *       ({@link IdempotencyRecordItem}), with {@code ttl} 24 h ahead.</li>
 * </ul>
 * Order ids are ULIDs, so every sort key made of one reads newest first in a descending Query.
 */
final class OrderKeys {

    static final String ORDER_TYPE = "Order";
    static final String LINE_TYPE = "OrderLine";
    static final String IDEMPOTENCY_TYPE = "IdempotencyRecord";
    static final String HEADER = "ORDER";
    static final String IDEMPOTENCY = "IDEMPOTENCY";
    private static final String ORDER = "ORDER#";
    private static final String LINE = "LINE#";
    private static final String IDEMPOTENCY_PREFIX = "IDEMPOTENCY#";

    private OrderKeys() {}

    static String partition(String orderId) {
        return ORDER + orderId;
    }

    static Key header(String orderId) {
        return Key.builder()
                .partitionValue(partition(orderId))
                .sortValue(HEADER)
                .build();
    }

    static String line(String sku) {
        return LINE + sku;
    }

    /** GSI1's partition of a user's orders. */
    static String byOwner(String ownerId) {
        return UserKeys.partition(ownerId);
    }

    /** The order's sort key in GSI1: its id, so newest first. */
    static String byTime(String orderId) {
        return ORDER + orderId;
    }

    /** What every {@link #byTime} starts with. */
    static String byTimePrefix() {
        return ORDER;
    }

    static String idempotencyPartition(String userId, String idempotencyKey) {
        return IDEMPOTENCY_PREFIX + userId + "#" + idempotencyKey;
    }

    static Key idempotency(String userId, String idempotencyKey) {
        return Key.builder()
                .partitionValue(idempotencyPartition(userId, idempotencyKey))
                .sortValue(IDEMPOTENCY)
                .build();
    }
}
