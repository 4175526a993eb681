package dev.singletable.timeline;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A tweet in the caller's home timeline: a copy made when it was posted (its like count lives on the tweet). */
record TimelineEntryResponse(
        @Schema(description = "The tweet's id (ULID)", example = "01JD4X7R2M8Q9B3C5V6N7P8K9T")
        String id,

        @Schema(description = "The author's username", example = "ann_lee")
        String author,

        @Schema(example = "Single-table design, day 1 🚀") String text,
        @Schema(example = "2026-11-21T09:30:00Z") Instant createdAt) {

    public static TimelineEntryResponse of(FeedEntry entry) {
        return new TimelineEntryResponse(entry.tweetId(), entry.authorUsername(), entry.text(), entry.createdAt());
    }
}
