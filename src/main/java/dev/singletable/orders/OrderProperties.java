package dev.singletable.orders;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Orders settings. {@code statusShards} is how many partitions of the status index each status is spread over (write sharding). It
 * is part of every order's index key: changing it on a table that holds orders leaves their entries in shards the
 * reader no longer queries, so pick it once (or rewrite the index keys of existing orders when changing it).
 *
 * @param statusShards how many status-index partitions each order status is spread over (1-100); fixed once orders exist
 */
@ConfigurationProperties("singletable.orders")
record OrderProperties(@DefaultValue("4") Integer statusShards) {

    public static final int DEFAULT_STATUS_SHARDS = 4;

    public OrderProperties {
        if (statusShards == null) {
            statusShards = DEFAULT_STATUS_SHARDS;
        }
        if (statusShards < 1 || statusShards > 100) {
            throw new IllegalArgumentException(
                    "singletable.orders.status-shards must be 1 to 100, not " + statusShards);
        }
    }
}
