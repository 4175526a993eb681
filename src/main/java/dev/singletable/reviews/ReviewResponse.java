package dev.singletable.reviews;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A review as the API shows it. */
record ReviewResponse(
        @Schema(example = "MUG-001") String sku,

        @Schema(description = "The reviewer's username", example = "ann_lee")
        String username,

        @Schema(example = "4") int rating,

        @Schema(example = "Holds coffee well.", nullable = true)
        String comment,

        @Schema(description = "When the review was last written", example = "2026-11-21T12:00:00Z")
        Instant reviewedAt) {

    static ReviewResponse of(ReviewItem item) {
        return new ReviewResponse(
                item.getSku(), item.getUsername(), item.getRating(), item.getComment(), item.getReviewedAt());
    }
}
