package dev.singletable.table.cache;

import java.time.Duration;

/**
 * The two caches' bounds. DAX has one TTL per cache (both 5 minutes by default) and evicts the least recently used
 * entries when a node's memory is full; here memory is a weight in bytes ({@link ItemWeights}).
 *
 * @param itemTtl       how long an item (or its absence) stays in the item cache after it was read or written
 * @param itemMaxBytes  the item cache's size bound, in estimated bytes of items
 * @param queryTtl      how long a Query or Scan result stays in the query cache after it was read
 * @param queryMaxBytes the query cache's size bound, in estimated bytes of results
 */
public record CacheSettings(Duration itemTtl, long itemMaxBytes, Duration queryTtl, long queryMaxBytes) {

    /** DAX's defaults for the TTLs; 64 MB per cache. */
    public static final CacheSettings DEFAULTS =
            new CacheSettings(Duration.ofMinutes(5), 64L << 20, Duration.ofMinutes(5), 64L << 20);

    public CacheSettings {
        if (itemTtl.isNegative() || itemTtl.isZero() || queryTtl.isNegative() || queryTtl.isZero()) {
            throw new IllegalArgumentException("cache TTLs must be positive");
        }
        if (itemMaxBytes < 1 || queryMaxBytes < 1) {
            throw new IllegalArgumentException("cache sizes must be positive");
        }
    }
}
