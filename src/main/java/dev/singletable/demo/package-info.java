/**
 * The {@code demo} profile: on the first start against a table, {@link DemoSeeder} writes {@link DemoData} through the
 * features' services, exactly as API calls would, once per table ({@link DemoSeedMarker}). It depends on every feature
 * and nothing depends on it.
 */
@NullMarked
@ApplicationModule(
        displayName = "Demo data",
        allowedDependencies = {
            "admin", "catalog", "follows", "likes", "orders", "reviews", "table", "tweets", "users", "web"
        })
package dev.singletable.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
