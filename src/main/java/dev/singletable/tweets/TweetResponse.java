package dev.singletable.tweets;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A tweet as the API shows it. */
record TweetResponse(
        @Schema(description = "Time-sortable id (ULID)", example = "01JD4X7R2M8Q9B3C5V6N7P8K9T")
        String id,

        @Schema(description = "The author's username", example = "ann_lee")
        String author,

        @Schema(example = "Single-table design, day 1 🚀") String text,
        @Schema(example = "2026-11-21T09:30:00Z") Instant createdAt,

        @Schema(
                description = "How many users like it (maintained from the table's stream; eventually consistent)",
                example = "3")
        long likes) {

    public static TweetResponse of(TweetItem tweet) {
        return new TweetResponse(
                tweet.getTweetId(),
                tweet.getAuthorUsername(),
                tweet.getText(),
                tweet.getCreatedAt(),
                tweet.getLikes() == null ? 0 : tweet.getLikes());
    }
}
