package dev.singletable.follows;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One entry of a follower or following list: the other user, and since when. */
record FollowResponse(
        @Schema(example = "bob") String username,

        @Schema(description = "When the follow began", example = "2026-11-21T09:30:00Z")
        Instant since) {}
