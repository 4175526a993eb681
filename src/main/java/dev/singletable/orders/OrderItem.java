package dev.singletable.orders;

import dev.singletable.table.CanonicalInstantConverters;
import dev.singletable.table.ItemKeys;
import dev.singletable.table.TableItem;
import java.lang.invoke.MethodHandles;
import java.time.Instant;
import org.jspecify.annotations.NullUnmarked;
import software.amazon.awssdk.enhanced.dynamodb.DefaultAttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/**
 * An order's header ({@link OrderKeys}: {@code PK = ORDER#<orderId>}, {@code SK = ORDER}; in GSI1 under its owner and
 * in GSI2 under its status shard). {@code statusShard} is the order's shard of the status index, fixed at placement
 * ({@link StatusShards}); a status change moves the GSI2 entry to the same shard of the new status.
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
        return status == null || statusShard == null ? keys
                : keys.gsi2(OrderKeys.statusShard(status(), statusShard), OrderKeys.byTime(orderId));
    }

    OrderStatus status() {
        return OrderStatus.valueOf(status);
    }

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

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

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
