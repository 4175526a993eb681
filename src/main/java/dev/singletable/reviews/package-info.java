/**
 * One review per user and product, in the product's item collection ({@link ReviewKeys}), newest first on LSI1;
 * {@link ReviewProjector} keeps the products' review counts and rating totals from the table's stream.
 */
@NullMarked
@ApplicationModule(
        displayName = "Reviews",
        allowedDependencies = {"catalog", "streams", "table", "web"})
package dev.singletable.reviews;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
