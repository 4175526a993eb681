package dev.singletable.orders;

import dev.singletable.table.CanonicalInstantConverters;
import dev.singletable.table.ItemKeys;
import dev.singletable.table.SingleTable;
import dev.singletable.table.TableItem;
import java.lang.invoke.MethodHandles;
import java.time.Instant;
import org.jspecify.annotations.NullUnmarked;
import software.amazon.awssdk.enhanced.dynamodb.DefaultAttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.Order;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;

/**
 * An order's header ({@link OrderKeys}: {@code PK = ORDER#<orderId>}, {@code SK = ORDER}; in GSI1 under its owner and
 * in the status index {@value SingleTable#ORDERS_BY_STATUS} under its status shard). {@code statusShard} is the order's
 * shard of the status index, fixed at placement ({@link StatusShards}).
 *
 * <p>The status index has a multi-attribute key: its partition key is the pair ({@code status}, {@code statusShard})
 * and its sort key {@code orderId}, the header's own attributes, annotated below in key order. Nothing synthetic is
 * written for it, so a status change (a write of {@code status}) moves the index entry by itself.
 */
@NullUnmarked
// Instants read without a DateTimeFormatter (CanonicalInstants); stored as before
@DynamoDbBean(converterProviders = {CanonicalInstantConverters.class, DefaultAttributeConverterProvider.class})
class OrderItem extends TableItem {

    static final TableSchema<OrderItem> SCHEMA = schema(OrderItem.class, MethodHandles.lookup());

    private String orderId;
    private String ownerId;
    private String status;
    private Integer statusShard;
    private Long totalCents;
    private Instant createdAt;

    public OrderItem() {
        // the bean mapper needs a public constructor, even in a package-private class
    }

    @Override
    protected ItemKeys keys() {
        ItemKeys keys = ItemKeys.of(OrderKeys.ORDER_TYPE, OrderKeys.partition(orderId), OrderKeys.HEADER);
        // a status change is a partial item: without the owner, the owner's index entry stays as it is
        if (ownerId != null) {
            keys = keys.gsi1(OrderKeys.byOwner(ownerId), OrderKeys.byTime(orderId));
        }
        return keys;
    }

    OrderStatus status() {
        return OrderStatus.valueOf(status);
    }

    @DynamoDbSecondarySortKey(indexNames = SingleTable.ORDERS_BY_STATUS, order = Order.FIRST)
    public String getOrderId() {
        return orderId;
    }

    public void setOrderId(String orderId) {
        this.orderId = orderId;
    }

    public String getOwnerId() {
        return ownerId;
    }

    public void setOwnerId(String ownerId) {
        this.ownerId = ownerId;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = SingleTable.ORDERS_BY_STATUS, order = Order.FIRST)
    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = SingleTable.ORDERS_BY_STATUS, order = Order.SECOND)
    public Integer getStatusShard() {
        return statusShard;
    }

    public void setStatusShard(Integer statusShard) {
        this.statusShard = statusShard;
    }

    public Long getTotalCents() {
        return totalCents;
    }

    public void setTotalCents(Long totalCents) {
        this.totalCents = totalCents;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }
}
