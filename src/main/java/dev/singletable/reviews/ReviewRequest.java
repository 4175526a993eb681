package dev.singletable.reviews;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The caller's review of a product. */
public record ReviewRequest(
        @Schema(description = "1 (poor) to 5 (excellent)", example = "4") @NotNull @Min(1) @Max(5)
        Integer rating,

        @Schema(
                description = "Up to " + ReviewRequest.MAX_COMMENT + " characters",
                example = "Holds coffee well.",
                nullable = true)
        @Size(max = ReviewRequest.MAX_COMMENT)
        String comment) {

    public static final int MAX_COMMENT = 1000;
}
