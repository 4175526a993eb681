package dev.singletable.orders;

import io.swagger.v3.oas.annotations.media.Schema;

/** A line of a placed order, with the price captured when it was placed. */
public record OrderLine(
        @Schema(example = "MUG-001") String sku,
        @Schema(example = "Single-table mug") String name,
        @Schema(example = "2") long quantity,

        @Schema(description = "Unit price in cents when the order was placed", example = "1299")
        long priceCents) {}
