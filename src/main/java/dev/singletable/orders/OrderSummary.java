package dev.singletable.orders;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** An order in a list: its header, without the lines (one index entry per order, no further reads per item). */
record OrderSummary(
        @Schema(description = "Time-sortable id (ULID)", example = "01JD4X7R2M8Q9B3C5V6N7P8K9T")
        String id,

        @Schema(description = "The id of the user who placed it", example = "01JD4WZ8X3M2K7Q9R5T1V6B8NC")
        String ownerId,

        @Schema(description = "PLACED, PAID, SHIPPED, DELIVERED or CANCELLED", example = "PAID")
        String status,

        @Schema(description = "Sum of quantity × captured price, in cents", example = "2598")
        long totalCents,

        @Schema(example = "2026-11-21T09:30:00Z") Instant createdAt) {

    static OrderSummary of(OrderItem header) {
        return new OrderSummary(
                header.getOrderId(),
                header.getOwnerId(),
                header.getStatus(),
                header.getTotalCents(),
                header.getCreatedAt());
    }
}
