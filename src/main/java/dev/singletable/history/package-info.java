/**
 * The audit history: {@link HistoryProjector} copies every change of the service's items from the table's stream into
 * {@code <table>-history}, and {@link HistoryController} pages an item's history for admins.
 */
@NullMarked
@ApplicationModule(
        displayName = "Audit history",
        allowedDependencies = {"streams", "table", "timeline", "users", "web"})
package dev.singletable.history;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
