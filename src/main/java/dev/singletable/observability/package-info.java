/**
 * Health of the table for readiness, and a request id on every request and log line (docs/operations.md).
 */
@NullMarked
@ApplicationModule(
        displayName = "Observability",
        allowedDependencies = {"table"})
package dev.singletable.observability;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
