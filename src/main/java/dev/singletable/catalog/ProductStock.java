package dev.singletable.catalog;

import dev.singletable.table.SingleTable;
import java.util.Map;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The stock moves an order makes inside its own transaction, as actions on the product item. They are arithmetic
 * ({@code SET stock = stock - :qty}), which the enhanced client's item mapping cannot express, so they are built for
 * the low-level client here, where the product's key and its {@code stock} attribute are known; the order's
 * {@code LabelledTransaction} commits them together with its own items.
 */
@Component
public class ProductStock {

    static final String STOCK = "stock";

    private final String tableName;

    ProductStock(SingleTable table) {
        this.tableName = table.name();
    }

    /** Takes {@code quantity} out of stock; the condition fails when the product is gone or has fewer left. */
    public TransactWriteItem take(String sku, long quantity) {
        return action(Update.builder()
                .tableName(tableName)
                .key(SingleTable.keyMap(ProductKeys.product(sku)))
                .updateExpression("SET #stock = #stock - :qty")
                .conditionExpression("attribute_exists(#pk) AND #stock >= :qty")
                .expressionAttributeNames(Map.of("#stock", STOCK, "#pk", SingleTable.PK))
                .expressionAttributeValues(Map.of(":qty", quantity(quantity)))
                .build());
    }

    /** Puts {@code quantity} back (a cancelled order); unconditional, so stock comes back even when it has run out. */
    public TransactWriteItem giveBack(String sku, long quantity) {
        return action(Update.builder()
                .tableName(tableName)
                .key(SingleTable.keyMap(ProductKeys.product(sku)))
                .updateExpression("ADD #stock :qty")
                .expressionAttributeNames(Map.of("#stock", STOCK))
                .expressionAttributeValues(Map.of(":qty", quantity(quantity)))
                .build());
    }

    private static TransactWriteItem action(Update update) {
        return TransactWriteItem.builder().update(update).build();
    }

    private static AttributeValue quantity(long quantity) {
        return AttributeValue.fromN(Long.toString(quantity));
    }
}
