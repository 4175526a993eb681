package dev.singletable.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What other features move on a product by name (ratings, stock) are attributes of the product item. */
class ProductCountersTest {

    @Test
    void ratingsAndStockAreProductAttributes() {
        assertThat(ProductItem.SCHEMA.attributeNames())
                .contains(ProductRatings.REVIEW_COUNT, ProductRatings.RATING_TOTAL, ProductStock.STOCK);
    }
}
