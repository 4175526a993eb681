package dev.singletable.bench;

import dev.singletable.catalog.ProductItem;
import dev.singletable.catalog.ProductRepository;
import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.core.EngineOptions;
import dev.singletable.orders.OrderLine;
import dev.singletable.table.QueryPager;
import dev.singletable.table.SingleTable;
import dev.singletable.table.TableBootstrap;
import dev.singletable.table.TableLayoutLoader;
import dev.singletable.table.TableProperties;
import dev.singletable.table.Ulid;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.List;
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
 * Issue 21: what an order's placement costs on the embedded engine past its product reads: the repository's one
 * TransactWriteItems ({@code OrderRepository.place}: two stock decrements on their conditions, the header, two lines
 * and the idempotency record, each new item on {@code attribute_not_exists}), as {@code OrderService.place} makes it
 * for the benchmark service's order (SKU-1 x1, SKU-8 x2, among 200 products), a new order id and key each time. The
 * table grows by four items an operation, as in the service run. For {@link InterleavedAb}: the same class on two
 * builds compares what the repository, the enhanced client's translation and the engine's transaction cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OrderPlacementBenchmark {

    private EmbeddedEngine engine;
    private Object orders;
    private Method place;
    private Constructor<?> storedOrder;
    private final List<OrderLine> lines =
            List.of(new OrderLine("SKU-1", "Product 1", 1, 101), new OrderLine("SKU-8", "Product 8", 2, 108));
    private long placed;

    @Setup(Level.Trial)
    public void setUp() throws ReflectiveOperationException {
        // throttling off: the loop writes two products' partitions far above a partition's on-demand limit
        engine = EmbeddedEngine.open(EngineOptions.inMemory().withThrottling(false));
        DynamoDbClient dynamo = engine.dynamoDbClient();
        new TableBootstrap(dynamo, "singletable", TableLayoutLoader.load()).ensureTable();
        SingleTable table = new SingleTable(
                DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build(),
                dynamo,
                new TableProperties("singletable"));
        Object pager = construct(QueryPager.class, new Class<?>[] {SingleTable.class}, table);
        ProductRepository products = (ProductRepository)
                construct(ProductRepository.class, new Class<?>[] {SingleTable.class, QueryPager.class}, table, pager);
        for (int i = 0; i < 200; i++) {
            ProductItem product = new ProductItem();
            product.setSku("SKU-" + i);
            product.setName("Product " + i);
            product.setCategory("cat-" + (i % 10));
            product.setDescription("A product of the benchmark's catalogue");
            product.setPriceCents(100L + i);
            product.setStock(Long.MAX_VALUE / 2);
            product.setReviewCount(0L);
            product.setRatingTotal(0L);
            product.setCreatedAt(Instant.parse("2026-12-06T12:00:00Z"));
            products.create(product);
        }
        Class<?> shardsType = Class.forName("dev.singletable.orders.StatusShards");
        Object shards = construct(shardsType, new Class<?>[] {int.class}, 4);
        Object stock = construct(
                Class.forName("dev.singletable.catalog.ProductStock"), new Class<?>[] {SingleTable.class}, table);
        Class<?> repository = Class.forName("dev.singletable.orders.OrderRepository");
        orders = construct(
                repository,
                new Class<?>[] {SingleTable.class, QueryPager.class, shardsType, stock.getClass()},
                table,
                pager,
                shards,
                stock);
        Class<?> stored = Class.forName("dev.singletable.orders.OrderRepository$StoredOrder");
        storedOrder = stored.getDeclaredConstructor(
                String.class, String.class, String.class, long.class, Instant.class, List.class);
        storedOrder.setAccessible(true);
        place = repository.getDeclaredMethod("place", stored, String.class, String.class, long.class);
        place.setAccessible(true);
    }

    private static Object construct(Class<?> type, Class<?>[] parameters, Object... arguments)
            throws ReflectiveOperationException {
        Constructor<?> constructor = type.getDeclaredConstructor(parameters);
        constructor.setAccessible(true);
        return constructor.newInstance(arguments);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    public Object placeAnOrder() throws ReflectiveOperationException {
        long n = placed++;
        Instant now = Instant.now();
        Object order = storedOrder.newInstance(Ulid.next(), "user0", "PLACED", 317L, now, lines);
        place.invoke(orders, order, "key-" + n, "hash", now.getEpochSecond() + 86_400);
        return order;
    }
}
