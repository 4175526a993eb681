package dev.singletable.sessions;

import dev.singletable.web.AuthenticatedUser;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * An authentication established from a session's bearer token; the token itself is not kept. Its authorities
 * ({@link CallerRoles}) are looked up the first time an authorization rule asks for them, and then kept for the request: a
 * request that only needs "signed in" costs no role lookup, and a role granted or revoked counts from the next request.
 */
class SessionAuthentication extends AbstractAuthenticationToken {

    private final AuthenticatedUser caller;
    private final Supplier<Collection<GrantedAuthority>> authorities;
    private @Nullable Collection<GrantedAuthority> resolved;

    SessionAuthentication(AuthenticatedUser caller, Supplier<Collection<GrantedAuthority>> authorities) {
        super(List.of());
        this.caller = caller;
        this.authorities = authorities;
        setAuthenticated(true);
    }

    @Override
    public Collection<GrantedAuthority> getAuthorities() {
        Collection<GrantedAuthority> known = resolved;
        if (known == null) {
            known = List.copyOf(authorities.get());
            resolved = known;
        }
        return known;
    }

    @Override
    public @Nullable Object getCredentials() {
        return null;
    }

    @Override
    public AuthenticatedUser getPrincipal() {
        return caller;
    }

    // equality and hash code of AbstractAuthenticationToken compare authorities: a session is its caller
    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof SessionAuthentication that && caller.equals(that.caller);
    }

    @Override
    public int hashCode() {
        return caller.hashCode();
    }
}
