package dev.singletable.sessions;

import dev.singletable.web.AuthenticatedUser;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An authentication established from a session's bearer token; the token itself is not kept. */
class SessionAuthentication extends AbstractAuthenticationToken {

    private final AuthenticatedUser caller;

    SessionAuthentication(AuthenticatedUser caller) {
        super(List.of());
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public @Nullable Object getCredentials() {
        return null;
    }

    @Override
    public AuthenticatedUser getPrincipal() {
        return caller;
    }
}
