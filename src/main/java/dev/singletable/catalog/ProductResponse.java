package dev.singletable.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A product as the API shows it. */
record ProductResponse(
        @Schema(example = "MUG-001") String sku,
        @Schema(example = "Single-table mug") String name,
        @Schema(example = "kitchen") String category,

        @Schema(example = "Holds 350 ml of coffee and one partition key.", nullable = true)
        String description,

        @Schema(description = "Price in cents", example = "1299")
        long priceCents,

        @Schema(description = "Units in stock", example = "25")
        long stock,

        @Schema(
                description = "How many reviews (maintained from the table's stream; eventually consistent)",
                example = "4")
        long reviewCount,

        @Schema(
                description = "Mean rating of the reviews, null without reviews (eventually consistent)",
                example = "4.25",
                nullable = true)
        @Nullable
        Double averageRating,

        @Schema(example = "2026-11-21T09:30:00Z") Instant createdAt) {

    static ProductResponse of(ProductItem product) {
        long reviews = zeroIfNull(product.getReviewCount());
        Double average = reviews == 0 ? null : (double) zeroIfNull(product.getRatingTotal()) / reviews;
        return new ProductResponse(
                product.getSku(),
                product.getName(),
                product.getCategory(),
                product.getDescription(),
                zeroIfNull(product.getPriceCents()),
                zeroIfNull(product.getStock()),
                reviews,
                average,
                product.getCreatedAt());
    }

    private static long zeroIfNull(Long value) {
        return value == null ? 0 : value;
    }
}
