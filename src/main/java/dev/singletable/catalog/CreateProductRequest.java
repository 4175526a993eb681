package dev.singletable.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** A new product. */
public record CreateProductRequest(
        @Schema(description = "Stock-keeping unit: the product's immutable id", example = "MUG-001")
        @NotNull
        @Pattern(regexp = CatalogConstraints.SKU, message = CatalogConstraints.SKU_MESSAGE)
        String sku,

        @Schema(example = "Single-table mug")
        @NotNull
        @Size(max = 100)
        @Pattern(regexp = CatalogConstraints.NOT_BLANK, message = "must not be blank")
        String name,

        @Schema(description = "Lower-case slug; products are listed by category", example = "kitchen")
        @NotNull
        @Pattern(regexp = CatalogConstraints.CATEGORY, message = CatalogConstraints.CATEGORY_MESSAGE)
        String category,

        @Schema(example = "Holds 350 ml of coffee and one partition key.") @Size(max = 2000)
        String description,

        @Schema(description = "Price in cents", example = "1299") @NotNull @PositiveOrZero @Max(100_000_000)
        Long priceCents,

        @Schema(description = "Units in stock", example = "25") @NotNull @PositiveOrZero @Max(1_000_000_000)
        Long stock) {}
