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
 *   <li>a product by SKU: GetItem {@code PK = PRODUCT#sku, SK = PRODUCT};</li>
 *   <li>a category's products, in SKU order: Query GSI1
 *       {@code GSI1PK = CATEGORY#c AND begins_with(GSI1SK, "PRODUCT#")};</li>
 *   <li>create: PutItem {@code attribute_not_exists(PK)}; change: UpdateItem on {@code version} (the enhanced client's
 *       VersionedRecordExtension), ignoring nulls.</li>
 * </ul>
 */
@Repository
public class ProductRepository {

    private final SingleTable table;
    private final QueryPager pager;
    private final DynamoDbTable<ProductItem> products;

    ProductRepository(SingleTable table, QueryPager pager) {
        this.table = table;
        this.pager = pager;
        this.products = table.of(ProductItem.SCHEMA);
    }

    /** @throws software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException when the SKU exists */
    public void create(ProductItem product) {
        products.putItem(r -> r.item(product).conditionExpression(Conditions.NEW_ITEM));
    }

    public Optional<ProductItem> find(String sku) {
        return Optional.ofNullable(products.getItem(r -> r.key(ProductKeys.product(sku)).consistentRead(true)));
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
                .sortKeyStartsWith(ProductKeys.inCategoryPrefix()).build();
        return pager.page(query, limit, startKey, ProductItem.SCHEMA::mapToItem);
    }
}
