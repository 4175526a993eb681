package dev.singletable.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** A merge patch of a product: absent fields stay as they are. SKU, name and category cannot change here. */
record UpdateProductRequest(
        @Schema(description = "New price in cents", example = "1499", nullable = true) @PositiveOrZero @Max(100_000_000)
        Long priceCents,

        @Schema(description = "New number of units in stock", example = "40", nullable = true)
        @PositiveOrZero
        @Max(1_000_000_000)
        Long stock,

        @Schema(description = "New description", example = "Now dishwasher-safe.", nullable = true) @Size(max = 2000)
        String description) {}
