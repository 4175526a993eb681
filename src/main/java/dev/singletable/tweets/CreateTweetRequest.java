package dev.singletable.tweets;

import dev.singletable.web.CodePointLength;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** A new tweet. */
record CreateTweetRequest(
        @Schema(
                description = "1 to 280 characters (an emoji counts as one)",
                example = "Single-table design, day 1 🚀",
                minLength = 1,
                maxLength = 280)
        @NotNull
        @CodePointLength(min = 1, max = 280)
        String text) {}
