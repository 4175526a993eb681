/**
 * Placing orders exactly once and reading them. Key design: {@link OrderKeys} (an order and its lines in one item
 * collection; the header also under its owner on GSI1 and in the write-sharded status index {@code OrdersByStatus}, keyed by its own attributes; idempotency
 * records). Placing is one labelled transaction of the catalog's stock moves and the order's own items
 * ({@link OrderRepository}); {@link OrderTotalsProjector} keeps the owners' order totals from the table's stream.
 */
@NullMarked
@ApplicationModule(
        displayName = "Orders",
        allowedDependencies = {"catalog", "streams", "table", "users", "web"})
package dev.singletable.orders;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
