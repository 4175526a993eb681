package dev.singletable.catalog;

import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * The key design of the catalog, the one place its prefixes are written:
 * <ul>
 *   <li>a product: {@code PK = PRODUCT#<sku>}, {@code SK = PRODUCT} ({@link ProductItem}). Its partition is an item
 *       collection: the {@code reviews} feature puts a product's reviews there;</li>
 *   <li>in GSI1 a product sits in its category's partition ({@code GSI1PK = CATEGORY#<category>},
 *       {@code GSI1SK = PRODUCT#<sku>}), so a category's products are one Query in SKU order.</li>
 * </ul>
 */
public final class ProductKeys {

    static final String ENTITY_TYPE = "Product";
    static final String PRODUCT = "PRODUCT";
    private static final String PRODUCT_PREFIX = "PRODUCT#";
    private static final String CATEGORY = "CATEGORY#";

    private ProductKeys() {}

    /** The product's partition: its item collection. */
    public static String partition(String sku) {
        return PRODUCT_PREFIX + sku;
    }

    /** The key of the product item. */
    public static Key product(String sku) {
        return Key.builder().partitionValue(partition(sku)).sortValue(PRODUCT).build();
    }

    /** GSI1's partition of a category's products. */
    static String category(String category) {
        return CATEGORY + category;
    }

    /** GSI1's sort key of a product in its category: by SKU. */
    static String inCategory(String sku) {
        return PRODUCT_PREFIX + sku;
    }

    /** What every {@link #inCategory} starts with. */
    static String inCategoryPrefix() {
        return PRODUCT_PREFIX;
    }
}
