package dev.singletable.web;

/**
 * The caller of an authenticated request, as established from its bearer token: controllers receive it with
 * {@code @AuthenticationPrincipal}.
 *
 * @param userId    the caller's immutable id
 * @param username  the caller's username as chosen at sign-up
 * @param sessionId the id of the session the token opened (the token's SHA-256), for logging out
 */
public record AuthenticatedUser(String userId, String username, String sessionId) {

    /** Whether this caller is the user a path names; usernames compare case-insensitively. */
    public boolean is(String otherUsername) {
        return username.equalsIgnoreCase(otherUsername);
    }
}
