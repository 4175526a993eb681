package dev.singletable.orders;

/** The life of an order: PLACED → PAID → SHIPPED → DELIVERED, or CANCELLED from PLACED or PAID. */
public enum OrderStatus {
    PLACED, PAID, SHIPPED, DELIVERED, CANCELLED
}
