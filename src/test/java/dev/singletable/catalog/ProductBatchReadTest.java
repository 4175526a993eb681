package dev.singletable.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.singletable.support.TestStores;
import dev.singletable.table.QueryPager;
import dev.singletable.table.RetryableStoreException;
import dev.singletable.table.SingleTable;
import dev.singletable.table.TableProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Issue 21: an order reads its products with one consistent BatchGetItem ({@link ProductRepository#findAll}). It must
 * answer exactly what a consistent GetItem per SKU ({@link ProductRepository#find}) answers, and ask again for the keys
 * DynamoDB leaves unprocessed.
 */
@SuppressWarnings("unchecked")
class ProductBatchReadTest {

    private final TestStores.Store store = TestStores.withTable("singletable");
    private final ProductRepository products = repository(store.dynamo());

    private static ProductRepository repository(DynamoDbClient dynamo) {
        SingleTable table = new SingleTable(
                DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build(),
                dynamo,
                new TableProperties("singletable"));
        return new ProductRepository(table, mock(QueryPager.class));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void answersAsAGetItemPerSkuOnSeededRandomOrders() {
        Random random = new Random(20261205);
        List<String> stored = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ProductItem product = ProductItem.withSku("SKU-" + i);
            product.setName("Product " + i);
            product.setCategory("cat-" + (i % 3));
            product.setPriceCents((long) random.nextInt(10_000));
            product.setStock((long) random.nextInt(50));
            product.setReviewCount(0L);
            product.setRatingTotal(0L);
            product.setCreatedAt(Instant.parse("2026-12-06T12:00:00Z").plusSeconds(i));
            products.create(product);
            stored.add(product.getSku());
        }
        for (int order = 0; order < 200; order++) {
            Set<String> skus = new LinkedHashSet<>();
            int lines = 1 + random.nextInt(25);
            while (skus.size() < lines) {
                // about one SKU in eight is unknown
                skus.add(random.nextInt(8) == 0 ? "NOPE-" + random.nextInt(10) : stored.get(random.nextInt(40)));
            }
            Map<String, Map<String, AttributeValue>> expected = new HashMap<>();
            for (String sku : skus) {
                Optional<ProductItem> one = products.find(sku);
                one.ifPresent(p -> expected.put(sku, ProductItem.SCHEMA.itemToMap(p, false)));
            }
            Map<String, Map<String, AttributeValue>> batch = new HashMap<>();
            products.findAll(skus).forEach((sku, p) -> batch.put(sku, ProductItem.SCHEMA.itemToMap(p, false)));
            assertThat(batch).as("order %d: %s", order, skus).isEqualTo(expected);
        }
    }

    @Test
    void asksAgainForWhatIsLeftUnprocessedAndGivesUpAfterTheRounds() {
        DynamoDbClient dynamo = mock(DynamoDbClient.class);
        List<List<Map<String, AttributeValue>>> asked = new ArrayList<>();
        when(dynamo.batchGetItem(any(Consumer.class))).thenAnswer(call -> {
            BatchGetItemRequest.Builder builder = BatchGetItemRequest.builder();
            ((Consumer<BatchGetItemRequest.Builder>) call.getArgument(0)).accept(builder);
            KeysAndAttributes keys = builder.build().requestItems().get("singletable");
            assertThat(keys.consistentRead()).isTrue();
            asked.add(keys.keys());
            // the first call answers the first key and leaves the others unprocessed, as a throttled table may
            Map<String, AttributeValue> first = new HashMap<>(keys.keys().get(0));
            first.put("sku", AttributeValue.fromS(first.get("PK").s().substring("PRODUCT#".length())));
            List<Map<String, AttributeValue>> rest =
                    keys.keys().subList(1, keys.keys().size());
            return BatchGetItemResponse.builder()
                    .responses(Map.of("singletable", List.of(first)))
                    .unprocessedKeys(
                            rest.isEmpty()
                                    ? Map.of()
                                    : Map.of(
                                            "singletable",
                                            KeysAndAttributes.builder()
                                                    .keys(rest)
                                                    .consistentRead(true)
                                                    .build()))
                    .build();
        });
        ProductRepository throttled = repository(dynamo);

        assertThat(throttled.findAll(List.of("A", "B", "C")).keySet()).containsExactlyInAnyOrder("A", "B", "C");
        assertThat(asked).extracting(List::size).containsExactly(3, 2, 1);

        asked.clear();
        List<String> many = new ArrayList<>();
        for (int i = 0; i < ProductRepository.BATCH_ROUNDS + 1; i++) {
            many.add("S" + i);
        }
        assertThatThrownBy(() -> throttled.findAll(many)).isInstanceOf(RetryableStoreException.class);
        assertThat(asked).hasSize(ProductRepository.BATCH_ROUNDS);
    }
}
