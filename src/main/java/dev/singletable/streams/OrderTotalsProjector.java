package dev.singletable.streams;

import dev.singletable.table.SingleTable;
import dev.singletable.users.UserItem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * A user's order count and total spent, on their profile item ({@code orders}, {@code spentCents}), from the order
 * header items: an order counts from its INSERT, and a status change <em>into</em> {@code CANCELLED} takes it back out
 * (its money was returned), so the totals are those of the orders that stand. Other status changes (paid, shipped…)
 * move nothing, and a removed header changes nothing either: orders are never deleted by the service, and purging old
 * ones must not rewrite what a customer spent. {@code ADD} through {@link OnceOnly}, like the social counters: a
 * re-delivered record moves nothing twice, and the profile's {@code version} (its ETag) is never touched.
 */
public class OrderTotalsProjector implements Projector {

    /** The order header's {@code entityType} (the commerce half writes it; its lines are {@code OrderLine}). */
    static final String ORDER = "Order";
    static final String CANCELLED = "CANCELLED";

    private final OnceOnly onceOnly;

    public OrderTotalsProjector(OnceOnly onceOnly) {
        this.onceOnly = onceOnly;
    }

    @Override
    public String name() {
        return "order-totals";
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of(ORDER);
    }

    @Override
    public void apply(Record record) {
        int sign = sign(record);
        if (sign == 0) {
            return;
        }
        Map<String, AttributeValue> order = record.dynamodb().newImage();
        long total = Long.parseLong(order.get("totalCents").n());
        onceOnly.apply(name(), record.dynamodb().sequenceNumber(), List.of(Update.builder()
                .key(Map.of(SingleTable.PK, AttributeValue.fromS(UserItem.partitionKey(order.get("ownerId").s())),
                        SingleTable.SK, AttributeValue.fromS(UserItem.SORT_KEY)))
                .updateExpression("ADD #orders :count, #spent :total")
                .expressionAttributeNames(Map.of("#orders", "orders", "#spent", "spentCents"))
                .expressionAttributeValues(Map.of(
                        ":count", AttributeValue.fromN(Integer.toString(sign)),
                        ":total", AttributeValue.fromN(Long.toString(sign * total))))
                .build()));
    }

    /** +1 for a new standing order, -1 for one just cancelled, 0 for anything else. */
    private static int sign(Record record) {
        var data = record.dynamodb();
        if (record.eventName() == OperationType.INSERT) {
            return cancelled(data.newImage()) ? 0 : 1;
        }
        if (record.eventName() == OperationType.MODIFY && data.hasOldImage() && data.hasNewImage()) {
            boolean was = cancelled(data.oldImage());
            boolean is = cancelled(data.newImage());
            return was == is ? 0 : (is ? -1 : 1);
        }
        return 0;
    }

    private static boolean cancelled(Map<String, AttributeValue> image) {
        AttributeValue status = image.get("status");
        return status != null && CANCELLED.equals(status.s());
    }
}
