package dev.singletable.sessions;

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
 * unauthenticated; the authorization rules decide. Errors are rendered by the MVC exception handlers, as problems.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "bearer ";

    private final SessionService sessions;
    private final HandlerExceptionResolver problems;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    BearerTokenFilter(SessionService sessions, HandlerExceptionResolver problems) {
        this.sessions = sessions;
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
            problems.resolveException(request, response, null, new ApiException(ProblemType.UNAUTHENTICATED,
                    "The bearer token is unknown, expired or logged out; log in again"));
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new SessionAuthentication(caller.get()));
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }
}
