package dev.singletable.bench;

import dev.singletable.catalog.ProductItem;
import dev.singletable.catalog.ProductRepository;
import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.core.EngineOptions;
import dev.singletable.table.QueryPager;
import dev.singletable.table.SingleTable;
import dev.singletable.table.TableBootstrap;
import dev.singletable.table.TableLayoutLoader;
import dev.singletable.table.TableProperties;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Issue 21: what reading an order's products costs on the embedded engine, through the enhanced client and the
 * repository as {@code OrderService.place} reads them: the benchmark service's order (SKU-1 and SKU-8, among 200
 * products), a consistent GetItem per SKU. A build with {@code ProductRepository.findAll} (commit {@code 5c0eff8}, one
 * consistent BatchGetItem; reverted, as it cost more: docs/benchmarks.md, "The writes' CPU") reads them with it, so
 * that {@link InterleavedAb} compares such a build with this one class.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OrderProductsBenchmark {

    private EmbeddedEngine engine;
    private ProductRepository products;
    private Method findAll;
    private final Collection<String> skus = new TreeSet<>(List.of("SKU-1", "SKU-8"));

    @Setup(Level.Trial)
    public void setUp() throws ReflectiveOperationException {
        // throttling off: the loop reads one partition far above a partition's on-demand limit
        engine = EmbeddedEngine.open(EngineOptions.inMemory().withThrottling(false));
        DynamoDbClient dynamo = engine.dynamoDbClient();
        new TableBootstrap(dynamo, "singletable", TableLayoutLoader.load()).ensureTable();
        SingleTable table = new SingleTable(
                DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build(),
                dynamo,
                new TableProperties("singletable"));
        Constructor<QueryPager> pager = QueryPager.class.getDeclaredConstructor(SingleTable.class);
        pager.setAccessible(true);
        Constructor<ProductRepository> repository =
                ProductRepository.class.getDeclaredConstructor(SingleTable.class, QueryPager.class);
        repository.setAccessible(true);
        products = repository.newInstance(table, pager.newInstance(table));
        for (int i = 0; i < 200; i++) {
            ProductItem product = new ProductItem();
            product.setSku("SKU-" + i);
            product.setName("Product " + i);
            product.setCategory("cat-" + (i % 10));
            product.setDescription("A product of the benchmark's catalogue");
            product.setPriceCents(100L + i);
            product.setStock(1_000_000L);
            product.setReviewCount(0L);
            product.setRatingTotal(0L);
            product.setCreatedAt(Instant.parse("2026-12-06T12:00:00Z"));
            products.create(product);
        }
        try {
            findAll = ProductRepository.class.getMethod("findAll", Collection.class);
        } catch (NoSuchMethodException before) {
            findAll = null;
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    public Object productsOfAnOrder() throws ReflectiveOperationException {
        if (findAll != null) {
            return findAll.invoke(products, skus);
        }
        List<ProductItem> found = new ArrayList<>();
        for (String sku : skus) {
            products.find(sku).ifPresent(found::add);
        }
        return found;
    }
}
