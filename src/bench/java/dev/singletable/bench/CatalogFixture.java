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
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The order benchmarks' set-up: an in-memory engine (throttling off: their loops hit a few products' partitions far
 * above a partition's on-demand limit) with the service's table, its repositories, and 200 products SKU-0..SKU-199.
 * The repositories' constructors are package-private in their features, so they are reached by reflection.
 */
final class CatalogFixture implements AutoCloseable {

    final EmbeddedEngine engine;
    final SingleTable table;
    final QueryPager pager;
    final ProductRepository products;

    private CatalogFixture(long stock) throws ReflectiveOperationException {
        engine = EmbeddedEngine.open(EngineOptions.inMemory().withThrottling(false));
        DynamoDbClient dynamo = engine.dynamoDbClient();
        new TableBootstrap(dynamo, "singletable", TableLayoutLoader.load()).ensureTable();
        table = new SingleTable(
                DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build(),
                dynamo,
                new TableProperties("singletable"));
        pager = construct(QueryPager.class, new Class<?>[] {SingleTable.class}, table);
        products =
                construct(ProductRepository.class, new Class<?>[] {SingleTable.class, QueryPager.class}, table, pager);
        for (int i = 0; i < 200; i++) {
            ProductItem product = new ProductItem();
            product.setSku("SKU-" + i);
            product.setName("Product " + i);
            product.setCategory("cat-" + (i % 10));
            product.setDescription("A product of the benchmark's catalogue");
            product.setPriceCents(100L + i);
            product.setStock(stock);
            product.setReviewCount(0L);
            product.setRatingTotal(0L);
            product.setCreatedAt(Instant.parse("2026-12-06T12:00:00Z"));
            products.create(product);
        }
    }

    /** The engine, the table and the catalogue, each product with {@code stock} in stock. */
    static CatalogFixture withStock(long stock) throws ReflectiveOperationException {
        return new CatalogFixture(stock);
    }

    /** A feature's package-private constructor, called. */
    static <T> T construct(Class<T> type, Class<?>[] parameters, Object... arguments)
            throws ReflectiveOperationException {
        Constructor<T> constructor = type.getDeclaredConstructor(parameters);
        constructor.setAccessible(true);
        return constructor.newInstance(arguments);
    }

    @Override
    public void close() {
        engine.close();
    }
}
