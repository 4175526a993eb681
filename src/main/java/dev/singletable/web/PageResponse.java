package dev.singletable.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of a list: the items, and the cursor for the next page ({@code null} on the last page). */
public record PageResponse<T>(
        List<T> items,

        @Schema(
                description =
                        "Pass as ?cursor= to get the next page; null on the last page. Opaque: do not parse or edit.",
                nullable = true,
                example = "eyJleHAiOjE3NjQ0NTk2MDAsImtleSI6e319.c2lnbmF0dXJl")
        @Nullable
        String nextCursor) {}
