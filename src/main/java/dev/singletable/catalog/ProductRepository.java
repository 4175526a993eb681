package dev.singletable.catalog;

import dev.singletable.table.Conditions;
import dev.singletable.table.KeyQuery;
import dev.singletable.table.QueryPager;
import dev.singletable.table.RetryableStoreException;
import dev.singletable.table.SingleTable;
import dev.singletable.table.Slice;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Products ({@link ProductKeys}). Access patterns:
 * <ul>
 *   <li>an order's products: one strongly consistent BatchGetItem (the order's up to 25 SKUs, under its limit of
 *       100 keys), asking again for what it leaves unprocessed;</li>
 *   <li>a product by SKU: GetItem {@code PK = PRODUCT#sku, SK = PRODUCT} &mdash; strongly consistent where the answer
 *       decides a write (a change's version check, an order's price), eventually consistent and through the read cache
 *       for the product page ({@link #findForDisplay});</li>
 *   <li>a category's products, in SKU order: Query GSI1
 *       {@code GSI1PK = CATEGORY#c AND begins_with(GSI1SK, "PRODUCT#")}, through the read cache;</li>
 *   <li>create: PutItem {@code attribute_not_exists(PK)}; change: UpdateItem on {@code version} (the enhanced client's
 *       VersionedRecordExtension), ignoring nulls.</li>
 * </ul>
 * The catalogue is read far more than it is written, and a product page or a listing a few minutes old harms nobody:
 * the read-heavy, staleness-tolerant pattern DAX is made for, so these two reads go through
 * {@link SingleTable#cachedOf} when {@code singletable.cache.mode} turns a cache on (docs/caching.md). Stock checks are
 * not among them: an order checks stock inside its transaction.
 */
@Repository
public class ProductRepository {

    /** BatchGetItem's limit is 100 keys; an order has at most 25 lines. */
    static final int MAX_BATCH_GET = 100;

    static final int BATCH_ROUNDS = 6;

    private final SingleTable table;
    private final QueryPager pager;
    private final DynamoDbTable<ProductItem> products;
    private final DynamoDbTable<ProductItem> cachedProducts;

    ProductRepository(SingleTable table, QueryPager pager) {
        this.table = table;
        this.pager = pager;
        this.products = table.of(ProductItem.SCHEMA);
        this.cachedProducts = table.cachedOf(ProductItem.SCHEMA);
    }

    /** @throws software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException when the SKU exists */
    public void create(ProductItem product) {
        products.putItem(r -> r.item(product).conditionExpression(Conditions.NEW_ITEM));
    }

    /** The product as it is now (a strongly consistent GetItem, never cached): for a decision that writes. */
    public Optional<ProductItem> find(String sku) {
        return Optional.ofNullable(
                products.getItem(r -> r.key(ProductKeys.product(sku)).consistentRead(true)));
    }

    /**
     * The products of these SKUs as they are now, by SKU (an unknown SKU is absent): one strongly consistent
     * BatchGetItem instead of a GetItem each, as each call through the client pays its own fixed cost (issue 21: the
     * product reads were 14 % of an order's CPU). One SKU is a plain {@link #find}. DynamoDB may leave keys
     * unprocessed without failing the call, under throttling: they are asked for again with a growing pause, for a
     * few rounds, as {@link dev.singletable.table.BatchWrites} does for writes.
     *
     * @throws RetryableStoreException when some keys stayed unprocessed through every round
     */
    public Map<String, ProductItem> findAll(Collection<String> skus) {
        if (skus.size() > MAX_BATCH_GET) {
            throw new IllegalArgumentException("at most " + MAX_BATCH_GET + " SKUs in one read");
        }
        Map<String, ProductItem> found = new HashMap<>();
        if (skus.size() == 1) {
            String sku = skus.iterator().next();
            find(sku).ifPresent(product -> found.put(sku, product));
            return found;
        }
        List<Map<String, AttributeValue>> pending = new ArrayList<>();
        Map<String, String> skuOfPartition = new HashMap<>();
        for (String sku : skus) {
            pending.add(SingleTable.keyMap(ProductKeys.product(sku)));
            skuOfPartition.put(ProductKeys.partition(sku), sku);
        }
        for (int round = 1; !pending.isEmpty(); round++) {
            if (round > BATCH_ROUNDS) {
                throw new RetryableStoreException(pending.size() + " product reads stayed unprocessed", null);
            }
            if (round > 1) {
                pause(round);
            }
            KeysAndAttributes keys = KeysAndAttributes.builder()
                    .keys(pending)
                    .consistentRead(true)
                    .build();
            BatchGetItemResponse response =
                    table.dynamo().batchGetItem(r -> r.requestItems(Map.of(table.name(), keys)));
            for (Map<String, AttributeValue> item : response.responses().getOrDefault(table.name(), List.of())) {
                // by the key asked for, as find() answers a SKU with the item at its key
                AttributeValue partition = item.get(SingleTable.PK);
                String sku = partition == null ? null : skuOfPartition.get(partition.s());
                if (sku == null) {
                    throw new IllegalStateException("BatchGetItem answered a key it was not asked for");
                }
                found.put(sku, ProductItem.SCHEMA.mapToItem(item));
            }
            KeysAndAttributes unprocessed =
                    response.hasUnprocessedKeys() ? response.unprocessedKeys().get(table.name()) : null;
            pending = unprocessed == null ? List.of() : new ArrayList<>(unprocessed.keys());
        }
        return found;
    }

    private static void pause(int round) {
        try {
            Thread.sleep(Math.min(1_000L, 10L << round));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading products", e);
        }
    }

    /**
     * The product for its page: an eventually consistent GetItem the read cache may answer, up to the item TTL old
     * when another writer changed it around the cache (docs/caching.md). Never the basis of a write.
     */
    public Optional<ProductItem> findForDisplay(String sku) {
        return Optional.ofNullable(
                cachedProducts.getItem(r -> r.key(ProductKeys.product(sku)).consistentRead(false)));
    }

    /**
     * Writes the non-null fields of {@code changes} if the stored version is still {@code changes.version}.
     *
     * @throws software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException when stale or gone
     */
    public ProductItem update(ProductItem changes) {
        return products.updateItem(r -> r.item(changes).ignoreNulls(true));
    }

    public Slice<ProductItem> byCategory(String category, int limit, @Nullable Map<String, AttributeValue> startKey) {
        QueryRequest query = table.query(KeyQuery.Index.GSI1, ProductKeys.category(category))
                .sortKeyStartsWith(ProductKeys.inCategoryPrefix())
                .build();
        // cached: a listing may lag the catalogue by the query TTL; writes never refresh a cached page (as on DAX)
        return pager.cached().page(query, limit, startKey, ProductItem.SCHEMA::mapToItem);
    }
}
