package dev.singletable.orders;

import dev.singletable.table.ItemKeys;
import dev.singletable.table.TableItem;
import java.lang.invoke.MethodHandles;
import org.jspecify.annotations.NullUnmarked;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/** A line of an order ({@link OrderKeys}: {@code PK = ORDER#<orderId>}, {@code SK = LINE#<sku>}), price captured. */
@NullUnmarked
@DynamoDbBean
class OrderLineItem extends TableItem {

    static final TableSchema<OrderLineItem> SCHEMA = schema(OrderLineItem.class, MethodHandles.lookup());

    private String orderId;
    private String sku;
    private String name;
    private Long quantity;
    private Long priceCents;

    public OrderLineItem() {
        // the bean mapper needs a public constructor, even in a package-private class
    }

    static OrderLineItem of(String orderId, OrderLine line) {
        OrderLineItem item = new OrderLineItem();
        item.setOrderId(orderId);
        item.setSku(line.sku());
        item.setName(line.name());
        item.setQuantity(line.quantity());
        item.setPriceCents(line.priceCents());
        return item;
    }

    OrderLine line() {
        return new OrderLine(sku, name, quantity, priceCents);
    }

    @Override
    protected ItemKeys keys() {
        return ItemKeys.of(OrderKeys.LINE_TYPE, OrderKeys.partition(orderId), OrderKeys.line(sku));
    }

    public String getOrderId() {
        return orderId;
    }

    public void setOrderId(String orderId) {
        this.orderId = orderId;
    }

    public String getSku() {
        return sku;
    }

    public void setSku(String sku) {
        this.sku = sku;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Long getQuantity() {
        return quantity;
    }

    public void setQuantity(Long quantity) {
        this.quantity = quantity;
    }

    public Long getPriceCents() {
        return priceCents;
    }

    public void setPriceCents(Long priceCents) {
        this.priceCents = priceCents;
    }
}
