/**
 * Logging in and out, and the API's security: a session item per bearer token, keyed by the token's hash
 * ({@link SessionKeys}); {@link BearerTokenFilter} resolves the token on every request into a caller with roles
 * ({@link CallerRoles}: the admin item becomes the {@code ADMIN} authority), and {@link SecurityConfiguration} says which role
 * may call what.
 */
@NullMarked
@ApplicationModule(
        displayName = "Sessions",
        allowedDependencies = {"admin", "table", "users", "web"})
package dev.singletable.sessions;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
