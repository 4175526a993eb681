package dev.singletable.orders;

import dev.singletable.catalog.ProductStock;
import dev.singletable.table.Conditions;
import dev.singletable.table.ConditionsFailedException;
import dev.singletable.table.ItemTypes;
import dev.singletable.table.KeyQuery;
import dev.singletable.table.LabelledTransaction;
import dev.singletable.table.QueryPager;
import dev.singletable.table.SingleTable;
import dev.singletable.table.Slice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactUpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Orders and idempotency records ({@link OrderKeys}). Access patterns:
 * <ul>
 *   <li>place: one TransactWriteItems of, per line, the product's stock decrement on {@code stock >= :qty}
 *       ({@link ProductStock}, label {@code stock:<sku>}), the header ({@value #ORDER}) and lines with
 *       {@code attribute_not_exists(PK)}, and the idempotency record with {@code attribute_not_exists(PK)}
 *       ({@value #IDEMPOTENCY}): the labels of the failed conditions name the short SKUs and a key used
 *       concurrently;</li>
 *   <li>a status change: one transaction updating the header's status (which is its status-index key) on the condition that the
 *       status still is the one it was decided on, plus, for a cancellation, every line's stock given back;</li>
 *   <li>an order with its lines: one consistent Query of its item collection, each item mapped by its type;</li>
 *   <li>a user's orders, newest first: Query GSI1 {@code GSI1PK = USER#owner AND begins_with(GSI1SK, "ORDER#")};</li>
 *   <li>one status shard, newest first: Query {@value SingleTable#ORDERS_BY_STATUS}
 *       {@code status = :status AND statusShard = :shard}, the index's two-attribute partition key
 *       ({@link StatusIndexReader}).</li>
 * </ul>
 */
@Repository
class OrderRepository implements StatusIndexReader.Shards {

    static final String ORDER = "order";
    static final String IDEMPOTENCY = "idempotency";
    private static final String STOCK = "stock:";
    private static final String LINE = "line:";

    private static final ItemTypes COLLECTION = ItemTypes.builder()
            .add(OrderKeys.ORDER_TYPE, OrderItem.SCHEMA)
            .add(OrderKeys.LINE_TYPE, OrderLineItem.SCHEMA)
            .build();

    private final SingleTable table;
    private final QueryPager pager;
    private final StatusShards shards;
    private final ProductStock stock;
    private final DynamoDbTable<OrderItem> orders;
    private final DynamoDbTable<IdempotencyRecordItem> records;

    OrderRepository(SingleTable table, QueryPager pager, StatusShards shards, ProductStock stock) {
        this.table = table;
        this.pager = pager;
        this.shards = shards;
        this.stock = stock;
        this.orders = table.of(OrderItem.SCHEMA);
        this.records = table.of(IdempotencyRecordItem.SCHEMA);
    }

    /** What a placed order stores. */
    record StoredOrder(
            String orderId, String ownerId, String status, long totalCents, Instant createdAt, List<OrderLine> lines) {}

    /** An idempotency record: which order a key made, and a hash of the request body that made it. */
    record IdempotencyRecord(String orderId, String requestHash) {}

    /** Why a placement was refused: the SKUs short of stock, or a concurrent use of the same idempotency key. */
    static final class PlacementRefused extends RuntimeException {
        private final List<String> shortSkus;
        private final boolean keyTaken;

        PlacementRefused(List<String> shortSkus, boolean keyTaken) {
            super(null, null, false, false);
            this.shortSkus = List.copyOf(shortSkus);
            this.keyTaken = keyTaken;
        }

        List<String> shortSkus() {
            return shortSkus;
        }

        boolean keyTaken() {
            return keyTaken;
        }
    }

    /** @throws PlacementRefused when a stock condition or the idempotency key's condition failed */
    void place(StoredOrder order, String idempotencyKey, String requestHash, long ttlEpochSeconds) {
        LabelledTransaction transaction = new LabelledTransaction();
        for (OrderLine line : order.lines()) {
            transaction.write(STOCK + line.sku(), stock.take(line.sku(), line.quantity()));
        }
        NewItems items = newItems(order, idempotencyKey, requestHash, ttlEpochSeconds);
        transaction.write(ORDER, newItem(OrderItem.SCHEMA, items.header()));
        for (int i = 0; i < items.lines().size(); i++) {
            transaction.write(
                    LINE + order.lines().get(i).sku(),
                    newItem(OrderLineItem.SCHEMA, items.lines().get(i)));
        }
        transaction.write(IDEMPOTENCY, newItem(IdempotencyRecordItem.SCHEMA, items.record()));
        try {
            transaction.commit(table.dynamo());
        } catch (ConditionsFailedException failed) {
            List<String> shortSkus = order.lines().stream()
                    .map(OrderLine::sku)
                    .filter(sku -> failed.failed(STOCK + sku))
                    .toList();
            if (shortSkus.isEmpty() && !failed.failed(IDEMPOTENCY)) {
                throw failed; // a new order's own items clashed: not a business outcome
            }
            throw new PlacementRefused(shortSkus, failed.failed(IDEMPOTENCY));
        }
    }

    /** The items a placement creates: the header, a line per SKU (in the order's line order), the idempotency record. */
    record NewItems(OrderItem header, List<OrderLineItem> lines, IdempotencyRecordItem record) {}

    NewItems newItems(StoredOrder order, String idempotencyKey, String requestHash, long ttlEpochSeconds) {
        IdempotencyRecordItem record = new IdempotencyRecordItem();
        record.setUserId(order.ownerId());
        record.setIdempotencyKey(idempotencyKey);
        record.setOrderId(order.orderId());
        record.setRequestHash(requestHash);
        record.setTtl(ttlEpochSeconds);
        return new NewItems(
                header(order),
                order.lines().stream()
                        .map(line -> OrderLineItem.of(order.orderId(), line))
                        .toList(),
                record);
    }

    /**
     * A new item as a transaction's Put on {@link Conditions#NEW_ITEM}: exactly the action the enhanced client's
     * {@code TransactWriteItemsEnhancedRequest.addPutItem} makes of these items (they have no version or counter
     * attribute, so its extensions add nothing; {@code OrderRepositoryTest} compares the two), without building a
     * whole enhanced request per action around it (issue 21: that wrapping was about a tenth of an order's
     * allocation).
     */
    <T> TransactWriteItem newItem(TableSchema<T> schema, T item) {
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table.name())
                        .item(schema.itemToMap(item, true))
                        .conditionExpression(Conditions.NEW_ITEM.expression())
                        .expressionAttributeNames(Conditions.NEW_ITEM.expressionNames())
                        .build())
                .build();
    }

    private OrderItem header(StoredOrder order) {
        OrderItem header = new OrderItem();
        header.setOrderId(order.orderId());
        header.setOwnerId(order.ownerId());
        header.setStatus(order.status());
        header.setStatusShard(shards.shardOf(order.orderId()));
        header.setTotalCents(order.totalCents());
        header.setCreatedAt(order.createdAt());
        return header;
    }

    /**
     * Moves the order from {@code from} to {@code to} in one transaction: the header's status (and with it its place in
     * the status index, whose key it is part of) changes on the condition that the status still is {@code from} (and, when {@code ownerId} is given, that the order
     * is that user's), so of two racing changes only one can commit. A move to CANCELLED also puts every line's
     * quantity back into stock in the same transaction, so stock comes back exactly once.
     *
     * @return false when the condition failed: the status changed meanwhile, or the order is not {@code ownerId}'s
     */
    boolean transition(StoredOrder order, OrderStatus from, OrderStatus to, @Nullable String ownerId) {
        OrderItem changes = new OrderItem();
        changes.setOrderId(order.orderId());
        changes.setStatus(to.name());
        changes.setStatusShard(shards.shardOf(order.orderId()));
        Map<String, String> names = new HashMap<>(Map.of("#status", "status"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":from", AttributeValue.fromS(from.name())));
        String condition = "#status = :from";
        if (ownerId != null) {
            condition += " AND #owner = :owner";
            names.put("#owner", "ownerId");
            values.put(":owner", AttributeValue.fromS(ownerId));
        }
        LabelledTransaction transaction = new LabelledTransaction()
                .update(
                        ORDER,
                        orders,
                        TransactUpdateItemEnhancedRequest.builder(OrderItem.class)
                                .item(changes)
                                .ignoreNulls(true)
                                .conditionExpression(Expression.builder()
                                        .expression(condition)
                                        .expressionNames(names)
                                        .expressionValues(values)
                                        .build())
                                .build());
        if (to == OrderStatus.CANCELLED) {
            for (OrderLine line : order.lines()) {
                transaction.write(STOCK + line.sku(), stock.giveBack(line.sku(), line.quantity()));
            }
        }
        try {
            transaction.commit(table.dynamo());
            return true;
        } catch (ConditionsFailedException failed) {
            if (failed.failed(ORDER)) {
                return false;
            }
            throw failed;
        }
    }

    /** A user's order headers, newest first, optionally only those in one status (a filter: see data-model.md). */
    Slice<OrderSummary> byOwner(
            String ownerId, @Nullable OrderStatus status, int limit, @Nullable Map<String, AttributeValue> startKey) {
        KeyQuery query = table.query(KeyQuery.Index.GSI1, OrderKeys.byOwner(ownerId))
                .sortKeyStartsWith(OrderKeys.byTimePrefix())
                .newestFirst();
        if (status != null) {
            query.filter(
                    "#status = :status",
                    Map.of("#status", "status"),
                    Map.of(":status", AttributeValue.fromS(status.name())));
        }
        return pager.page(query.build(), limit, startKey, item -> OrderSummary.of(OrderItem.SCHEMA.mapToItem(item)));
    }

    /** The order headers of one status shard, newest first (see {@link StatusIndexReader}). */
    @Override
    public Slice<OrderItem> byStatusShard(
            OrderStatus status, int shard, int limit, @Nullable Map<String, AttributeValue> startKey) {
        // The enhanced client knows the index's key parts from OrderItem's annotations (their order is the key
        // schema's)
        // and writes the key condition: #status = :status AND #statusShard = :statusShard.
        Expression key = QueryConditional.keyEqualTo(
                        k -> k.addPartitionValue(status.name()).addPartitionValue(shard))
                .expression(OrderItem.SCHEMA, SingleTable.ORDERS_BY_STATUS);
        QueryRequest query = QueryRequest.builder()
                .tableName(table.name())
                .indexName(SingleTable.ORDERS_BY_STATUS)
                .keyConditionExpression(key.expression())
                .expressionAttributeNames(key.expressionNames())
                .expressionAttributeValues(key.expressionValues())
                .scanIndexForward(false)
                .build();
        return pager.page(query, limit, startKey, OrderItem.SCHEMA::mapToItem);
    }

    Optional<IdempotencyRecord> idempotencyRecord(String userId, String idempotencyKey) {
        IdempotencyRecordItem record = records.getItem(
                r -> r.key(OrderKeys.idempotency(userId, idempotencyKey)).consistentRead(true));
        return Optional.ofNullable(record).map(r -> new IdempotencyRecord(r.getOrderId(), r.getRequestHash()));
    }

    /** The order with its lines: one consistent Query of its item collection. */
    Optional<StoredOrder> find(String orderId) {
        List<Object> items = COLLECTION.mapAll(table.dynamo()
                .query(table.query(KeyQuery.Index.TABLE, OrderKeys.partition(orderId))
                        .consistent()
                        .build())
                .items());
        OrderItem header = null;
        List<OrderLine> orderLines = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof OrderItem order) {
                header = order;
            } else if (item instanceof OrderLineItem line) {
                orderLines.add(line.line());
            }
        }
        if (header == null) {
            return Optional.empty();
        }
        orderLines.sort(Comparator.comparing(OrderLine::sku));
        return Optional.of(new StoredOrder(
                header.getOrderId(),
                header.getOwnerId(),
                header.getStatus(),
                header.getTotalCents(),
                header.getCreatedAt(),
                orderLines));
    }
}
