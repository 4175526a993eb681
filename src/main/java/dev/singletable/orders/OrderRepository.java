package dev.singletable.orders;

import dev.singletable.table.QueryPager;
import dev.singletable.table.SingleTable;
import dev.singletable.table.Slice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Repository;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Orders and idempotency records, on the low-level client: a stock decrement is an arithmetic UpdateItem with a
 * condition, which the bean mapper (and its version extension) cannot express. Layout:
 * <ul>
 *   <li>order header {@code PK = ORDER#<id>, SK = ORDER}; its lines {@code PK = ORDER#<id>, SK = LINE#<sku>}, one item
 *       collection, read with one consistent Query;</li>
 *   <li>the header also sits in its owner's GSI1 partition ({@code GSI1PK = USER#<ownerId>, GSI1SK = ORDER#<id>}: the
 *       owner's orders, newest first) and in the write-sharded status index on GSI2 ({@link StatusShards});</li>
 *   <li>idempotency record {@code PK = IDEMPOTENCY#<userId>#<key>, SK = IDEMPOTENCY} with {@code ttl} 24 h ahead.</li>
 * </ul>
 * Placing an order is one TransactWriteItems: per line {@code stock >= :qty} decrement, the header and lines with
 * {@code attribute_not_exists(PK)}, and the idempotency record with {@code attribute_not_exists(PK)}.
 */
@Repository
public class OrderRepository {

    static final String ORDER_SK = "ORDER";
    static final String LINE_PREFIX = "LINE#";
    static final String IDEMPOTENCY_SK = "IDEMPOTENCY";
    static final String GSI2 = "GSI2";
    static final String GSI2PK = "GSI2PK";
    static final String GSI2SK = "GSI2SK";
    static final String OWNER_PREFIX = "ORDER#";

    private final SingleTable table;
    private final QueryPager pager;
    private final StatusShards shards;

    public OrderRepository(SingleTable table, QueryPager pager, StatusShards shards) {
        this.table = table;
        this.pager = pager;
        this.shards = shards;
    }

    /** What a placed order stores. */
    public record StoredOrder(String orderId, String ownerId, String status, long totalCents, Instant createdAt,
                              List<OrderLine> lines) {
    }

    /** An idempotency record: which order a key made, and a hash of the request body that made it. */
    public record IdempotencyRecord(String orderId, String requestHash) {
    }

    /** Why a placement was refused: the SKUs short of stock, or a concurrent use of the same idempotency key. */
    public static final class PlacementRefused extends RuntimeException {
        private final List<String> shortSkus;
        private final boolean keyTaken;

        PlacementRefused(List<String> shortSkus, boolean keyTaken) {
            super(null, null, false, false);
            this.shortSkus = List.copyOf(shortSkus);
            this.keyTaken = keyTaken;
        }

        public List<String> shortSkus() {
            return shortSkus;
        }

        public boolean keyTaken() {
            return keyTaken;
        }
    }

    public static String orderPartition(String orderId) {
        return "ORDER#" + orderId;
    }

    static String idempotencyPartition(String userId, String key) {
        return "IDEMPOTENCY#" + userId + "#" + key;
    }

    /** @throws PlacementRefused when a stock condition or the idempotency key's condition failed */
    public void place(StoredOrder order, String idempotencyKey, String requestHash, long ttlEpochSeconds) {
        List<TransactWriteItem> actions = new ArrayList<>();
        for (OrderLine line : order.lines()) {
            actions.add(TransactWriteItem.builder().update(Update.builder()
                    .tableName(table.name())
                    .key(key("PRODUCT#" + line.sku(), "PRODUCT"))
                    .updateExpression("SET #stock = #stock - :qty")
                    .conditionExpression("attribute_exists(#pk) AND #stock >= :qty")
                    .expressionAttributeNames(Map.of("#stock", "stock", "#pk", SingleTable.PK))
                    .expressionAttributeValues(Map.of(":qty", n(line.quantity())))
                    .build()).build());
        }
        String pk = orderPartition(order.orderId());
        Map<String, AttributeValue> header = new java.util.HashMap<>(key(pk, ORDER_SK));
        header.put(SingleTable.ENTITY_TYPE, s("Order"));
        header.put("orderId", s(order.orderId()));
        header.put("ownerId", s(order.ownerId()));
        header.put("status", s(order.status()));
        header.put("totalCents", n(order.totalCents()));
        header.put("createdAt", s(order.createdAt().toString()));
        header.put(SingleTable.GSI1PK, s(ownerPartition(order.ownerId())));
        header.put(SingleTable.GSI1SK, s(OWNER_PREFIX + order.orderId()));
        header.put(GSI2PK, s(shards.partitionOf(OrderStatus.valueOf(order.status()), order.orderId())));
        header.put(GSI2SK, s(StatusShards.sortKey(order.orderId())));
        actions.add(putNew(header));
        for (OrderLine line : order.lines()) {
            Map<String, AttributeValue> item = new java.util.HashMap<>(key(pk, LINE_PREFIX + line.sku()));
            item.put(SingleTable.ENTITY_TYPE, s("OrderLine"));
            item.put("orderId", s(order.orderId()));
            item.put("sku", s(line.sku()));
            item.put("name", s(line.name()));
            item.put("quantity", n(line.quantity()));
            item.put("priceCents", n(line.priceCents()));
            actions.add(putNew(item));
        }
        Map<String, AttributeValue> record = new java.util.HashMap<>(
                key(idempotencyPartition(order.ownerId(), idempotencyKey), IDEMPOTENCY_SK));
        record.put(SingleTable.ENTITY_TYPE, s("IdempotencyRecord"));
        record.put("orderId", s(order.orderId()));
        record.put("requestHash", s(requestHash));
        record.put(SingleTable.TTL, n(ttlEpochSeconds));
        actions.add(putNew(record));
        try {
            table.dynamo().transactWriteItems(r -> r.transactItems(actions));
        } catch (TransactionCanceledException cancelled) {
            List<CancellationReason> reasons = cancelled.cancellationReasons();
            if (reasons == null || reasons.size() != actions.size()) {
                throw cancelled;
            }
            List<String> shortSkus = new ArrayList<>();
            for (int i = 0; i < order.lines().size(); i++) {
                if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                    shortSkus.add(order.lines().get(i).sku());
                }
            }
            boolean keyTaken = "ConditionalCheckFailed".equals(reasons.get(actions.size() - 1).code());
            if (shortSkus.isEmpty() && !keyTaken) {
                throw cancelled; // conflicts or throttling: not a business outcome
            }
            throw new PlacementRefused(shortSkus, keyTaken);
        }
    }

    /**
     * Moves the order from {@code from} to {@code to} in one transaction: the header's status and its status-index key
     * change on the condition that the status still is {@code from} (and, when {@code ownerId} is given, that the order
     * is that user's), so of two racing changes only one can commit. A move to CANCELLED also puts every line's
     * quantity back into stock in the same transaction, so stock comes back exactly once.
     *
     * @return false when the condition failed: the status changed meanwhile, or the order is not {@code ownerId}'s
     */
    public boolean transition(StoredOrder order, OrderStatus from, OrderStatus to, String ownerId) {
        Map<String, String> names = new java.util.HashMap<>(Map.of("#status", "status", "#gsi2pk", GSI2PK,
                "#gsi2sk", GSI2SK));
        Map<String, AttributeValue> values = new java.util.HashMap<>(Map.of(":from", s(from.name()),
                ":to", s(to.name()), ":shard", s(shards.partitionOf(to, order.orderId())),
                ":sort", s(StatusShards.sortKey(order.orderId()))));
        String condition = "#status = :from";
        if (ownerId != null) {
            condition += " AND #owner = :owner";
            names.put("#owner", "ownerId");
            values.put(":owner", s(ownerId));
        }
        List<TransactWriteItem> actions = new ArrayList<>();
        actions.add(TransactWriteItem.builder().update(Update.builder()
                .tableName(table.name())
                .key(key(orderPartition(order.orderId()), ORDER_SK))
                .updateExpression("SET #status = :to, #gsi2pk = :shard, #gsi2sk = :sort")
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build()).build());
        if (to == OrderStatus.CANCELLED) {
            for (OrderLine line : order.lines()) {
                actions.add(TransactWriteItem.builder().update(Update.builder()
                        .tableName(table.name())
                        .key(key("PRODUCT#" + line.sku(), "PRODUCT"))
                        .updateExpression("ADD #stock :qty")
                        .expressionAttributeNames(Map.of("#stock", "stock"))
                        .expressionAttributeValues(Map.of(":qty", n(line.quantity())))
                        .build()).build());
            }
        }
        try {
            table.dynamo().transactWriteItems(r -> r.transactItems(actions));
            return true;
        } catch (TransactionCanceledException cancelled) {
            List<CancellationReason> reasons = cancelled.cancellationReasons();
            if (reasons != null && !reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
                return false;
            }
            throw cancelled;
        }
    }

    /** A user's order headers, newest first, optionally only those in one status (a filter: see data-model.md). */
    public Slice<OrderSummary> byOwner(String ownerId, OrderStatus status, int limit,
                                       Map<String, AttributeValue> startKey) {
        Map<String, String> names = new java.util.HashMap<>(Map.of("#pk", SingleTable.GSI1PK, "#sk", SingleTable.GSI1SK));
        Map<String, AttributeValue> values = new java.util.HashMap<>(Map.of(
                ":pk", s(ownerPartition(ownerId)), ":prefix", s(OWNER_PREFIX)));
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(table.name())
                .indexName(SingleTable.GSI1)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .scanIndexForward(false);
        if (status != null) {
            names.put("#status", "status");
            values.put(":status", s(status.name()));
            query.filterExpression("#status = :status");
        }
        return pager.page(query.expressionAttributeNames(names).expressionAttributeValues(values).build(), limit,
                startKey, OrderRepository::summaryOf);
    }

    /** The order headers of one status shard, newest first (see {@link StatusIndexReader}). */
    public Slice<Map<String, AttributeValue>> byStatusShard(OrderStatus status, int shard, int limit,
                                                            Map<String, AttributeValue> startKey) {
        QueryRequest query = QueryRequest.builder()
                .tableName(table.name())
                .indexName(GSI2)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", GSI2PK, "#sk", GSI2SK))
                .expressionAttributeValues(Map.of(":pk", s(shards.partition(status, shard)),
                        ":prefix", s(StatusShards.SORT_PREFIX)))
                .scanIndexForward(false)
                .build();
        return pager.page(query, limit, startKey, item -> item);
    }

    static OrderSummary summaryOf(Map<String, AttributeValue> header) {
        return new OrderSummary(header.get("orderId").s(), header.get("ownerId").s(), header.get("status").s(),
                Long.parseLong(header.get("totalCents").n()), Instant.parse(header.get("createdAt").s()));
    }

    static String ownerPartition(String ownerId) {
        return "USER#" + ownerId;
    }

    public Optional<IdempotencyRecord> idempotencyRecord(String userId, String idempotencyKey) {
        Map<String, AttributeValue> item = table.dynamo().getItem(r -> r.tableName(table.name()).consistentRead(true)
                .key(key(idempotencyPartition(userId, idempotencyKey), IDEMPOTENCY_SK))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new IdempotencyRecord(item.get("orderId").s(), item.get("requestHash").s()));
    }

    /** The order with its lines: one consistent Query of its item collection. */
    public Optional<StoredOrder> find(String orderId) {
        QueryResponse response = table.dynamo().query(r -> r.tableName(table.name()).consistentRead(true)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", SingleTable.PK))
                .expressionAttributeValues(Map.of(":pk", s(orderPartition(orderId)))));
        Map<String, AttributeValue> header = null;
        List<OrderLine> lines = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) {
            String sk = item.get(SingleTable.SK).s();
            if (sk.equals(ORDER_SK)) {
                header = item;
            } else if (sk.startsWith(LINE_PREFIX)) {
                lines.add(new OrderLine(item.get("sku").s(), item.get("name").s(),
                        Long.parseLong(item.get("quantity").n()), Long.parseLong(item.get("priceCents").n())));
            }
        }
        if (header == null) {
            return Optional.empty();
        }
        lines.sort(Comparator.comparing(OrderLine::sku));
        return Optional.of(new StoredOrder(header.get("orderId").s(), header.get("ownerId").s(),
                header.get("status").s(), Long.parseLong(header.get("totalCents").n()),
                Instant.parse(header.get("createdAt").s()), lines));
    }

    private TransactWriteItem putNew(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table.name()).item(item)
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", SingleTable.PK)).build()).build();
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(SingleTable.PK, s(pk), SingleTable.SK, s(sk));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
