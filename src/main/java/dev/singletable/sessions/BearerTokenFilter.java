package dev.singletable.sessions;

import dev.singletable.admin.AdminAccess;
import dev.singletable.web.ApiException;
import dev.singletable.web.AuthenticatedUser;
import dev.singletable.web.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Authenticates requests that carry {@code Authorization: Bearer <token>} by looking the session up (one GetItem).
 * A token that is presented but unknown, logged out or expired is answered 401 at once, on every endpoint: a client
 * whose token died should learn it, not silently be served as anonymous. Requests without a bearer token pass on
 * unauthenticated; the authorization rules decide. The caller's roles are looked up when a rule first asks for them
 * ({@link SessionAuthentication}); a store failure then is answered like any other (503), not as a denial. Errors are
 * rendered by the MVC exception handlers, as problems.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "bearer ";

    private final SessionService sessions;
    private final AdminAccess admins;
    private final HandlerExceptionResolver problems;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    BearerTokenFilter(SessionService sessions, AdminAccess admins, HandlerExceptionResolver problems) {
        this.sessions = sessions;
        this.admins = admins;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(PREFIX.length()).trim();
        Optional<AuthenticatedUser> caller;
        try {
            caller = token.isEmpty() ? Optional.empty() : sessions.authenticate(token);
        } catch (RuntimeException storeFailed) {
            problems.resolveException(request, response, null, storeFailed);
            return;
        }
        if (caller.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            problems.resolveException(
                    request,
                    response,
                    null,
                    new ApiException(
                            ProblemType.UNAUTHENTICATED,
                            "The bearer token is unknown, expired or logged out; log in again"));
            return;
        }
        AuthenticatedUser authenticated = caller.get();
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(
                new SessionAuthentication(authenticated, () -> CallerRoles.of(authenticated, admins)));
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException roleLookupFailed) {
            // the filters after this one (the authorization decision, which may look the roles up) have no exception
            // handlers of their own; what a controller throws was answered by the MVC handlers already
            if (response.isCommitted()) {
                throw roleLookupFailed;
            }
            problems.resolveException(request, response, null, roleLookupFailed);
        } finally {
            contexts.clearContext();
        }
    }
}
