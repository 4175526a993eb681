/**
 * The product catalog: anyone reads it, admins create and change products. Key design: {@link ProductKeys}
 * (a product in its own partition, and in its category's GSI1 partition in SKU order). What other features do to a
 * product goes through this module's public types: {@link ProductStock} (an order's stock moves, inside the order's
 * transaction), {@link ProductRatings} (the review totals the reviews feature keeps from the stream),
 * {@link ProductKeys#partition} (the product's item collection, where reviews live).
 */
@NullMarked
@ApplicationModule(
        displayName = "Catalog",
        allowedDependencies = {"table", "web"})
package dev.singletable.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
