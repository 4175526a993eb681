package dev.singletable.catalog;

import dev.singletable.table.SingleTable;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * A product: {@code PK = PRODUCT#<sku>}, {@code SK = PRODUCT}. In GSI1 it sits in its category's partition
 * ({@code GSI1PK = CATEGORY#<category>}, {@code GSI1SK = PRODUCT#<sku>}), so a category's products are one Query in SKU
 * order. {@code version} is the optimistic-locking attribute behind the ETag. {@code stock} is decremented by order
 * transactions with a condition {@code stock >= :qty}, never read-modify-written. {@code reviewCount} and
 * {@code ratingTotal} are written 0 here and maintained by the stream listener; the average is their quotient.
 * All fields are boxed so a partial item updates only what it sets.
 */
@DynamoDbBean
public class ProductItem {

    public static final String ENTITY_TYPE = "Product";
    public static final String SORT_KEY = "PRODUCT";
    public static final String CATEGORY_PREFIX = "PRODUCT#";
    public static final String STOCK = "stock";

    private String pk;
    private String sk;
    private String entityType;
    private String gsi1pk;
    private String gsi1sk;
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

    public static String partitionKey(String sku) {
        return "PRODUCT#" + sku;
    }

    /** Whether a string can be a SKU at all: anything else names no product (and must not reach a key). */
    public static boolean validSku(String sku) {
        return sku != null && sku.matches(CatalogConstraints.SKU);
    }

    public static String categoryPartition(String category) {
        return "CATEGORY#" + category;
    }

    /** An item holding only the key, for partial updates. */
    public static ProductItem keyOnly(String sku) {
        ProductItem item = new ProductItem();
        item.setPk(partitionKey(sku));
        item.setSk(SORT_KEY);
        return item;
    }

    @DynamoDbPartitionKey
    @DynamoDbAttribute(SingleTable.PK)
    public String getPk() {
        return pk;
    }

    public void setPk(String pk) {
        this.pk = pk;
    }

    @DynamoDbSortKey
    @DynamoDbAttribute(SingleTable.SK)
    public String getSk() {
        return sk;
    }

    public void setSk(String sk) {
        this.sk = sk;
    }

    @DynamoDbAttribute(SingleTable.ENTITY_TYPE)
    public String getEntityType() {
        return entityType;
    }

    public void setEntityType(String entityType) {
        this.entityType = entityType;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = SingleTable.GSI1)
    @DynamoDbAttribute(SingleTable.GSI1PK)
    public String getGsi1pk() {
        return gsi1pk;
    }

    public void setGsi1pk(String gsi1pk) {
        this.gsi1pk = gsi1pk;
    }

    @DynamoDbSecondarySortKey(indexNames = SingleTable.GSI1)
    @DynamoDbAttribute(SingleTable.GSI1SK)
    public String getGsi1sk() {
        return gsi1sk;
    }

    public void setGsi1sk(String gsi1sk) {
        this.gsi1sk = gsi1sk;
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
