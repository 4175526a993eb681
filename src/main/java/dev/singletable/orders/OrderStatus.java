package dev.singletable.orders;

import java.util.Arrays;
import java.util.Optional;

/** The life of an order: PLACED → PAID → SHIPPED → DELIVERED, or CANCELLED from PLACED or PAID. */
enum OrderStatus {
    PLACED,
    PAID,
    SHIPPED,
    DELIVERED,
    CANCELLED;

    /** The statuses as a regular expression, for validating request values. */
    public static final String PATTERN = "PLACED|PAID|SHIPPED|DELIVERED|CANCELLED";

    /** Whether an order in this status may move to {@code next}; staying put is not a transition. */
    public boolean canBecome(OrderStatus next) {
        return switch (this) {
            case PLACED -> next == PAID || next == CANCELLED;
            case PAID -> next == SHIPPED || next == CANCELLED;
            case SHIPPED -> next == DELIVERED;
            case DELIVERED, CANCELLED -> false;
        };
    }

    public static Optional<OrderStatus> parse(String value) {
        return Arrays.stream(values())
                .filter(status -> status.name().equals(value))
                .findFirst();
    }
}
