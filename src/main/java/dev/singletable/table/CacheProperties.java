package dev.singletable.table;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The read cache in front of the table (docs/caching.md): off, the service's own DAX-style cache, or a DAX cluster.
 * Only the reads that may be stale use it (product pages, category listings, other users' profiles); every write goes
 * through it so those reads see the service's own changes.
 *
 * @param mode        none (no cache, the default), local (a DAX-style cache in this process, on any store) or dax
 *                    (an Amazon DynamoDB Accelerator cluster, through AWS's DAX client; AWS only)
 * @param daxEndpoint the DAX cluster's endpoint for mode dax, e.g. dax://my-cluster.abc123.dax-clusters.us-east-1.amazonaws.com
 * @param itemTtl     mode local: how long GetItem results (and absent items) stay in the item cache; DAX's default is
 *                    5 minutes
 * @param itemSize    mode local: the item cache's bound, in estimated bytes of cached items
 * @param queryTtl    mode local: how long Query and Scan results stay in the query cache, which writes never
 *                    invalidate; DAX's default is 5 minutes
 * @param querySize   mode local: the query cache's bound, in estimated bytes of cached results
 */
@ConfigurationProperties("singletable.cache")
public record CacheProperties(
        @DefaultValue("none") Mode mode,
        @Nullable URI daxEndpoint,
        @DefaultValue("5m") Duration itemTtl,
        @DefaultValue("64MB") DataSize itemSize,
        @DefaultValue("5m") Duration queryTtl,
        @DefaultValue("64MB") DataSize querySize) {

    public enum Mode {
        NONE,
        LOCAL,
        DAX
    }
}
