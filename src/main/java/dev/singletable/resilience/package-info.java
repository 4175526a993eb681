/**
 * The store's retry, circuit breaker and meters around the SDK client ({@link StoreResilience}), the one
 * classification of the store's errors ({@link StoreErrors}), and the per-user write limit ({@link WriteRateLimits}).
 */
@NullMarked
@ApplicationModule(
        displayName = "Resilience",
        allowedDependencies = {})
package dev.singletable.resilience;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
