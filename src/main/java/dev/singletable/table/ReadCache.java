package dev.singletable.table;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.singletable.table.cache.CacheSettings;
import dev.singletable.table.cache.DaxStyleCache;
import dev.singletable.table.cache.WriteThrough;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dax.ClusterDaxClient;
import software.amazon.dax.Configuration;

/**
 * The read cache {@code singletable.cache.mode} asks for, as the two clients {@link SingleTable} hands out: one for the
 * reads a cache may answer, and one for everything else, whose writes still go through the cache so that cached reads
 * see the service's own changes ({@link WriteThrough}). With mode none both are the store.
 */
final class ReadCache implements AutoCloseable {

    /** Opens AWS's DAX client; a seam so tests can check the wiring without a DAX cluster. */
    interface DaxClients {
        DaxClients AWS = configuration ->
                ClusterDaxClient.builder().overrideConfiguration(configuration).build();

        DynamoDbClient open(Configuration configuration) throws IOException;
    }

    private final CacheProperties.Mode mode;
    private final @Nullable DynamoDbClient cache;
    private final @Nullable DaxStyleCache local;
    private final @Nullable DynamoDbClient daxClient;

    private ReadCache(
            CacheProperties.Mode mode,
            @Nullable DynamoDbClient cache,
            @Nullable DaxStyleCache local,
            @Nullable DynamoDbClient daxClient) {
        this.mode = mode;
        this.cache = cache;
        this.local = local;
        this.daxClient = daxClient;
    }

    static ReadCache none() {
        return new ReadCache(CacheProperties.Mode.NONE, null, null, null);
    }

    /**
     * @param store   the store client the cache sits in front of (mode local)
     * @param guard   the retry and circuit breaker every store client gets (applied to the DAX client)
     * @param meters  where mode local's cache meters go, if anywhere
     */
    static ReadCache create(
            CacheProperties properties,
            StorageProperties storage,
            DynamoDbClient store,
            UnaryOperator<DynamoDbClient> guard,
            @Nullable MeterRegistry meters,
            Ticker ticker,
            DaxClients dax) {
        return switch (properties.mode()) {
            case NONE -> none();
            case LOCAL -> {
                DaxStyleCache local = DaxStyleCache.over(store, settings(properties), ticker);
                if (meters != null) {
                    local.bindTo(meters);
                }
                yield new ReadCache(CacheProperties.Mode.LOCAL, local.client(), local, null);
            }
            case DAX -> {
                Configuration configuration = daxConfiguration(properties, storage);
                DynamoDbClient client;
                try {
                    client = dax.open(configuration);
                } catch (IOException | RuntimeException e) {
                    throw CacheStartupException.daxUnreachable(configuration.url(), e);
                }
                yield new ReadCache(CacheProperties.Mode.DAX, guard.apply(client), null, client);
            }
        };
    }

    static CacheSettings settings(CacheProperties properties) {
        return new CacheSettings(
                properties.itemTtl(),
                properties.itemSize().toBytes(),
                properties.queryTtl(),
                properties.querySize().toBytes());
    }

    /** The DAX client's settings: the cluster's endpoint and the region (AWS's default chain in aws mode). */
    static Configuration daxConfiguration(CacheProperties properties, StorageProperties storage) {
        if (properties.daxEndpoint() == null) {
            throw CacheStartupException.missingDaxEndpoint();
        }
        String endpoint = properties.daxEndpoint().toString();
        try {
            // the DAX client signs with the service's credentials: AWS's default chain on AWS, the configured static
            // keys otherwise; it resolves them, and the region, when it is configured, so a gap shows at start-up
            boolean aws = storage.mode() == StorageProperties.Mode.AWS;
            Region region =
                    aws ? DefaultAwsRegionProviderChain.builder().build().getRegion() : Region.of(storage.region());
            AwsCredentialsProvider credentials = aws
                    ? DefaultCredentialsProvider.builder().build()
                    : StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(storage.accessKey(), storage.secretKey()));
            return Configuration.builder()
                    .url(endpoint)
                    .region(region)
                    .credentialsProvider(credentials)
                    .build();
        } catch (RuntimeException e) {
            throw CacheStartupException.daxUnreachable(endpoint, e);
        }
    }

    CacheProperties.Mode mode() {
        return mode;
    }

    /** The local cache, for its statistics (mode local only). */
    @Nullable
    DaxStyleCache local() {
        return local;
    }

    /** The client for reads a cache may answer: the cache, or {@code store} without one. */
    DynamoDbClient forCachedReads(DynamoDbClient store) {
        return cache == null ? store : cache;
    }

    /** The client for everything else: {@code store}, with its writes through the cache when there is one. */
    DynamoDbClient forEverythingElse(DynamoDbClient store) {
        return cache == null ? store : WriteThrough.route(store, cache);
    }

    @Override
    public void close() {
        if (daxClient != null) {
            daxClient.close();
        }
    }
}
