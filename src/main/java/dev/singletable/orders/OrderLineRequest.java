package dev.singletable.orders;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One line of a new order. */
public record OrderLineRequest(
        @Schema(example = "MUG-001") @NotNull @Size(min = 1, max = 40)
        String sku,

        @Schema(example = "2") @NotNull @Min(1) @Max(1000) Integer quantity) {}
