package dev.singletable.catalog;

import dev.singletable.table.CanonicalInstantConverters;
import dev.singletable.table.ItemKeys;
import dev.singletable.table.TableItem;
import java.lang.invoke.MethodHandles;
import java.time.Instant;
import org.jspecify.annotations.NullUnmarked;
import software.amazon.awssdk.enhanced.dynamodb.DefaultAttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/**
 * A product ({@link ProductKeys}: {@code PK = PRODUCT#<sku>}, {@code SK = PRODUCT}; in GSI1 under its category).
 * {@code version} is the optimistic-locking attribute behind the ETag. {@code stock} is decremented by order
 * transactions with a condition {@code stock >= :qty}, never read-modify-written ({@link ProductStock}).
 * {@code reviewCount} and {@code ratingTotal} are written 0 here and kept from the table's stream
 * ({@link ProductRatings}). All fields are boxed so a partial item updates only what it sets.
 */
@NullUnmarked
// Instants read without a DateTimeFormatter (CanonicalInstants: every order maps its products, and the SDK's
// Instant.parse was 6 % of an order's request thread in a loaded profile, issue 21); stored as before
@DynamoDbBean(converterProviders = {CanonicalInstantConverters.class, DefaultAttributeConverterProvider.class})
public class ProductItem extends TableItem {

    static final TableSchema<ProductItem> SCHEMA = schema(ProductItem.class, MethodHandles.lookup());

    private String sku;
    private String name;
    private String category;
    private String description;
    private Long priceCents;
    private Long stock;
    private Long reviewCount;
    private Long ratingTotal;
    private Instant createdAt;
    private Long version;

    /** A product with only the SKU set: the key of a partial update. */
    static ProductItem withSku(String sku) {
        ProductItem item = new ProductItem();
        item.setSku(sku);
        return item;
    }

    @Override
    protected ItemKeys keys() {
        ItemKeys keys = ItemKeys.of(ProductKeys.ENTITY_TYPE, ProductKeys.partition(sku), ProductKeys.PRODUCT);
        // a partial item without the category (a PATCH) leaves the category index entry as it is
        return category == null ? keys : keys.gsi1(ProductKeys.category(category), ProductKeys.inCategory(sku));
    }

    public String getSku() {
        return sku;
    }

    public void setSku(String sku) {
        this.sku = sku;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Long getPriceCents() {
        return priceCents;
    }

    public void setPriceCents(Long priceCents) {
        this.priceCents = priceCents;
    }

    public Long getStock() {
        return stock;
    }

    public void setStock(Long stock) {
        this.stock = stock;
    }

    public Long getReviewCount() {
        return reviewCount;
    }

    public void setReviewCount(Long reviewCount) {
        this.reviewCount = reviewCount;
    }

    public Long getRatingTotal() {
        return ratingTotal;
    }

    public void setRatingTotal(Long ratingTotal) {
        this.ratingTotal = ratingTotal;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    @DynamoDbVersionAttribute
    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
