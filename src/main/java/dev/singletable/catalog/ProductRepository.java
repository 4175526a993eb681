package dev.singletable.catalog;

import dev.singletable.table.Conditions;
import dev.singletable.table.KeyQuery;
import dev.singletable.table.QueryPager;
import dev.singletable.table.SingleTable;
import dev.singletable.table.Slice;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Products ({@link ProductKeys}). Access patterns:
 * <ul>
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
