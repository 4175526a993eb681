/**
 * singletable: a reference service for DynamoDB single-table design, and the engine it runs on. Each sub-package is a
 * Spring Modulith application module (docs/modules.md) but the engine, which is a product of its own.
 */
@NullMarked
package dev.singletable;

import org.jspecify.annotations.NullMarked;
