package dev.singletable.orders;

import dev.singletable.streams.ConditionalOnStreams;
import dev.singletable.streams.Counters;
import dev.singletable.streams.ItemProjector;
import dev.singletable.streams.OnceOnly;
import dev.singletable.users.UserCounters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * A user's order count and total spent, on their profile ({@link UserCounters#ORDERS},
 * {@link UserCounters#SPENT_CENTS}), from the order headers ({@link OrderItem}): an order counts from its INSERT, and a status change <em>into</em> {@code CANCELLED} takes it back out
 * (its money was returned), so the totals are those of the orders that stand. Other status changes (paid, shipped…)
 * move nothing, and a removed header changes nothing either: orders are never deleted by the service, and purging old
 * ones must not rewrite what a customer spent. {@code ADD} through {@link OnceOnly}, like the social counters: a
 * re-delivered record moves nothing twice, and the profile's {@code version} (its ETag) is never touched. A batch's
 * orders commit together, one summed {@code ADD} per owner ({@link ItemProjector#applyAll}).
 */
@Component
@ConditionalOnStreams
class OrderTotalsProjector extends ItemProjector<OrderItem> {

    OrderTotalsProjector(OnceOnly onceOnly) {
        super("order-totals", OrderKeys.ORDER_TYPE, OrderItem.SCHEMA, onceOnly);
    }

    @Override
    protected List<Update> project(Record record) {
        int sign = sign(record);
        if (sign == 0) {
            return List.of();
        }
        OrderItem order = Objects.requireNonNull(after(record), "counted: a new image");
        Map<String, Long> deltas = new LinkedHashMap<>();
        deltas.put(UserCounters.ORDERS, (long) sign);
        deltas.put(UserCounters.SPENT_CENTS, sign * order.getTotalCents());
        return List.of(Counters.add(UserCounters.of(order.getOwnerId()), deltas));
    }

    /** +1 for a new standing order, -1 for one just cancelled, 0 for anything else. */
    private int sign(Record record) {
        OrderItem before = before(record);
        OrderItem after = after(record);
        if (record.eventName() == OperationType.INSERT && after != null) {
            return cancelled(after) ? 0 : 1;
        }
        if (record.eventName() == OperationType.MODIFY && before != null && after != null) {
            boolean was = cancelled(before);
            boolean is = cancelled(after);
            return was == is ? 0 : (is ? -1 : 1);
        }
        return 0;
    }

    private static boolean cancelled(OrderItem order) {
        return OrderStatus.CANCELLED.name().equals(order.getStatus());
    }
}
