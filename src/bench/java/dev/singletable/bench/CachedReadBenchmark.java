package dev.singletable.bench;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.core.EngineOptions;
import dev.singletable.table.TableBootstrap;
import dev.singletable.table.TableLayoutLoader;
import dev.singletable.table.cache.CacheSettings;
import dev.singletable.table.cache.DaxStyleCache;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Product reads (an eventually consistent GetItem of one of {@value #PRODUCTS} catalogue items, uniformly at random,
 * as {@code GET /api/products/{sku}} does) without a cache ({@code cache=none}) and through the DAX-style cache
 * ({@code cache=local}, {@link DaxStyleCache} with DAX's default 5-minute TTL), on three stores: the bundled engine
 * in-process ({@code embedded}), and over HTTP on loopback the engine's wire server ({@code singletable}, what the
 * standalone engine runs) and DynamoDB Local's server ({@code dynamodb-local}). The hit ratio of each cached run is
 * printed at its end. Latency (SampleTime: p50, p99), which a loaded machine distorts less than throughput.
 * docs/benchmarks.md, "The read cache".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class CachedReadBenchmark {

    static final int PRODUCTS = 200;
    static final String TABLE = "bench-catalogue";

    @Param({"embedded", WireTargets.SINGLETABLE, WireTargets.DYNAMODB_LOCAL})
    public String store;

    @Param({"none", "local"})
    public String cache;

    private AutoCloseable server;
    private DynamoDbClient storeClient;
    private DynamoDbClient client;
    private DaxStyleCache local;

    @Setup(Level.Trial)
    public void start() throws Exception {
        if (store.equals("embedded")) {
            EmbeddedEngine engine = EmbeddedEngine.open(EngineOptions.inMemory().withThrottling(false));
            server = engine;
            storeClient = engine.dynamoDbClient();
        } else {
            WireTargets.quietLogging();
            int port = WireTargets.freePort();
            server = WireTargets.start(store, port);
            storeClient = DynamoDbClient.builder()
                    .endpointOverride(URI.create("http://127.0.0.1:" + port))
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .httpClient(ApacheHttpClient.create())
                    .build();
        }
        new TableBootstrap(storeClient, TABLE, TableLayoutLoader.load()).ensureTable();
        for (int i = 0; i < PRODUCTS; i++) {
            Map<String, AttributeValue> item = product(sku(i));
            storeClient.putItem(r -> r.tableName(TABLE).item(item));
        }
        if (cache.equals("local")) {
            local = DaxStyleCache.over(storeClient, CacheSettings.DEFAULTS, Ticker.systemTicker());
            client = local.client();
        } else {
            client = storeClient;
        }
    }

    @Benchmark
    public GetItemResponse productRead() {
        String sku = sku(ThreadLocalRandom.current().nextInt(PRODUCTS));
        return client.getItem(r -> r.tableName(TABLE)
                .key(Map.of("PK", AttributeValue.fromS("PRODUCT#" + sku), "SK", AttributeValue.fromS("PRODUCT"))));
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        if (local != null) {
            var stats = local.stats(DaxStyleCache.Kind.ITEM);
            System.out.printf(
                    "%n[cache] store=%s hit ratio %.4f (%d hits, %d misses)%n",
                    store, stats.hitRate(), stats.hitCount(), stats.missCount());
        }
        if (!store.equals("embedded")) {
            storeClient.close();
        }
        server.close();
    }

    static String sku(int i) {
        return String.format("SKU-%05d", i);
    }

    /** A catalogue item with the attributes the service's ProductItem writes. */
    static Map<String, AttributeValue> product(String sku) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", AttributeValue.fromS("PRODUCT#" + sku));
        item.put("SK", AttributeValue.fromS("PRODUCT"));
        item.put("GSI1PK", AttributeValue.fromS("CATEGORY#kitchen"));
        item.put("GSI1SK", AttributeValue.fromS("PRODUCT#" + sku));
        item.put("entityType", AttributeValue.fromS("PRODUCT"));
        item.put("sku", AttributeValue.fromS(sku));
        item.put("name", AttributeValue.fromS("Mug " + sku));
        item.put("category", AttributeValue.fromS("kitchen"));
        item.put("description", AttributeValue.fromS("A stoneware mug, 350 ml, dishwasher safe, in six glazes."));
        item.put("priceCents", AttributeValue.fromN("1299"));
        item.put("stock", AttributeValue.fromN("42"));
        item.put("reviewCount", AttributeValue.fromN("3"));
        item.put("ratingTotal", AttributeValue.fromN("13"));
        item.put("version", AttributeValue.fromN("1"));
        item.put("createdAt", AttributeValue.fromS("2026-12-05T20:00:00Z"));
        return item;
    }
}
