/**
 * Logging in and out, and the API's security: a session item per bearer token, keyed by the token's hash
 * ({@link SessionKeys}); {@link BearerTokenFilter} resolves the token on every request, and {@link SecurityConfiguration}
 * says which endpoints are public.
 */
@NullMarked
@ApplicationModule(displayName = "Sessions", allowedDependencies = {"table", "users", "web"})
package dev.singletable.sessions;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
