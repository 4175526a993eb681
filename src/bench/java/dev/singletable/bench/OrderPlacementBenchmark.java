package dev.singletable.bench;

import dev.singletable.orders.OrderLine;
import dev.singletable.table.QueryPager;
import dev.singletable.table.SingleTable;
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

    private CatalogFixture catalog;
    private Object orders;
    private Method place;
    private Constructor<?> storedOrder;
    private final List<OrderLine> lines =
            List.of(new OrderLine("SKU-1", "Product 1", 1, 101), new OrderLine("SKU-8", "Product 8", 2, 108));
    private long placed;

    @Setup(Level.Trial)
    public void setUp() throws ReflectiveOperationException {
        // stock for every order the loop places
        catalog = CatalogFixture.withStock(Long.MAX_VALUE / 2);
        SingleTable table = catalog.table;
        QueryPager pager = catalog.pager;
        Class<?> shardsType = Class.forName("dev.singletable.orders.StatusShards");
        Object shards = CatalogFixture.construct(shardsType, new Class<?>[] {int.class}, 4);
        Object stock = CatalogFixture.construct(
                Class.forName("dev.singletable.catalog.ProductStock"), new Class<?>[] {SingleTable.class}, table);
        Class<?> repository = Class.forName("dev.singletable.orders.OrderRepository");
        orders = CatalogFixture.construct(
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

    @TearDown(Level.Trial)
    public void tearDown() {
        catalog.close();
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
