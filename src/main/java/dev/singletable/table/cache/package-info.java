/**
 * A read cache in front of the table with the semantics of Amazon DynamoDB Accelerator (DAX), on any store:
 * {@link DaxStyleCache}, a {@code DynamoDbClient} decorator with DAX's item cache and query cache, and
 * {@link WriteThrough}, which sends a client's writes through a cache and everything else straight to the store. The
 * service chooses it with {@code singletable.cache.mode} (docs/caching.md).
 */
@NullMarked
package dev.singletable.table.cache;

import org.jspecify.annotations.NullMarked;
