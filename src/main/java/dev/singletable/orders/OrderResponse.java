package dev.singletable.orders;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** An order as the API shows it. */
public record OrderResponse(
        @Schema(description = "Time-sortable id (ULID)", example = "01JD4X7R2M8Q9B3C5V6N7P8K9T")
        String id,

        @Schema(description = "PLACED, PAID, SHIPPED, DELIVERED or CANCELLED", example = "PLACED")
        String status,

        @Schema(description = "Sum of quantity × captured price, in cents", example = "2598")
        long totalCents,

        @Schema(example = "2026-11-21T09:30:00Z") Instant createdAt,
        List<OrderLine> lines) {}
