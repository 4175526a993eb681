package dev.singletable.orders;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The status an admin moves an order to. */
record ChangeStatusRequest(
        @Schema(
                description = "PAID, SHIPPED, DELIVERED or CANCELLED",
                example = "PAID",
                allowableValues = {"PLACED", "PAID", "SHIPPED", "DELIVERED", "CANCELLED"})
        @NotNull
        @Pattern(regexp = OrderStatus.PATTERN, message = "must be one of " + OrderStatus.PATTERN)
        String status) {}
