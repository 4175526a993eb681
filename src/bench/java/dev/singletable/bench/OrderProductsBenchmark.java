package dev.singletable.bench;

import dev.singletable.catalog.ProductItem;
import dev.singletable.catalog.ProductRepository;
import java.lang.reflect.Method;
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

    private CatalogFixture catalog;
    private ProductRepository products;
    private Method findAll;
    private final Collection<String> skus = new TreeSet<>(List.of("SKU-1", "SKU-8"));

    @Setup(Level.Trial)
    public void setUp() throws ReflectiveOperationException {
        catalog = CatalogFixture.withStock(1_000_000L);
        products = catalog.products;
        try {
            findAll = ProductRepository.class.getMethod("findAll", Collection.class);
        } catch (NoSuchMethodException before) {
            findAll = null;
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        catalog.close();
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
