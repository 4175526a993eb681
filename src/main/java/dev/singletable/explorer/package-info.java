/**
 * The admin table explorer: a read-only page of every item's keys, grouped by partition key. {@link TableExplorer} is
 * the service's one Scan, and serves no access pattern (see {@code SocialArchitectureTest}).
 */
@NullMarked
@ApplicationModule(
        displayName = "Table explorer",
        allowedDependencies = {"table", "web"})
package dev.singletable.explorer;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
