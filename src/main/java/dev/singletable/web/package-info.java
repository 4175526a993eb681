/**
 * API plumbing shared by the controllers: RFC 9457 problems with stable types, {@code {items, nextCursor}} pages with
 * signed cursors, ETags, the OpenAPI document's shared parts ({@link ApiDocs}), and the per-user write limit in front
 * of the API.
 */
@NullMarked
@ApplicationModule(
        displayName = "Web",
        allowedDependencies = {"resilience", "table"})
package dev.singletable.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
