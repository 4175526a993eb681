package dev.singletable.catalog;

import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * A product's review totals ({@link ProductItem#getReviewCount()}, {@link ProductItem#getRatingTotal()}), kept from
 * the table's stream by the {@code reviews} feature: written 0 when the product is created, then moved by {@code ADD}
 * only, never touching the product's {@code version} (its ETag). The API shows their quotient as the average.
 */
public final class ProductRatings {

    public static final String REVIEW_COUNT = "reviewCount";
    public static final String RATING_TOTAL = "ratingTotal";

    private ProductRatings() {}

    /** The product whose totals move. */
    public static Key of(String sku) {
        return ProductKeys.product(sku);
    }
}
