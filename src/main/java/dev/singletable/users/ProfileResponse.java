package dev.singletable.users;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A user's public profile. The counters are maintained asynchronously from the table's stream, so they trail the
 * latest follows and tweets by a moment (eventually consistent); they are never counted on read.
 */
record ProfileResponse(
        @Schema(example = "ann_lee") String username,
        @Schema(example = "Ann Lee") String displayName,

        @Schema(description = "Only shown to the user themself", example = "ann@example.com", nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Nullable
        String email,

        @Schema(example = "2026-11-21T09:30:00Z") Instant createdAt,

        @Schema(description = "How many users follow this one (eventually consistent)", example = "42")
        long followers,

        @Schema(description = "How many users this one follows (eventually consistent)", example = "7")
        long following,

        @Schema(description = "How many tweets this user has posted (eventually consistent)", example = "128")
        long tweets,

        @Schema(
                description =
                        "Only shown to the user themself: orders placed and not cancelled (eventually consistent)",
                example = "3",
                nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Nullable
        Long orders,

        @Schema(
                description =
                        "Only shown to the user themself: what those orders cost, in cents (eventually consistent)",
                example = "7497",
                nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Nullable
        Long spentCents) {

    /** A profile without the private order totals. */
    ProfileResponse(
            String username,
            String displayName,
            @Nullable String email,
            Instant createdAt,
            long followers,
            long following,
            long tweets) {
        this(username, displayName, email, createdAt, followers, following, tweets, null, null);
    }

    static ProfileResponse of(UserItem user, boolean includePrivate) {
        return new ProfileResponse(
                user.getUsername(),
                user.getDisplayName(),
                includePrivate ? user.getEmail() : null,
                user.getCreatedAt(),
                zeroIfNull(user.getFollowers()),
                zeroIfNull(user.getFollowing()),
                zeroIfNull(user.getTweets()),
                includePrivate ? zeroIfNull(user.getOrders()) : null,
                includePrivate ? zeroIfNull(user.getSpentCents()) : null);
    }

    private static long zeroIfNull(Long count) {
        return count == null ? 0 : count;
    }
}
