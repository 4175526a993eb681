package dev.singletable.sessions;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A new session's bearer token; the token is shown once and cannot be recovered. */
record SessionResponse(
        @Schema(
                description = "Send as 'Authorization: Bearer <token>'",
                example = "q1V3x6cW0mS9tY2zN8bK4rP7dF5hJ1gL0aE3uC6iO9w")
        String token,

        @Schema(description = "When the token stops working", example = "2026-11-22T09:30:00Z")
        Instant expiresAt) {}
