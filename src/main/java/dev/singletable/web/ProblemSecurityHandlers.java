package dev.singletable.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Spring Security's 401 and 403, rendered by the same exception handlers as every other error, so they too are
 * problems with stable types.
 */
public class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final HandlerExceptionResolver problems;

    public ProblemSecurityHandlers(HandlerExceptionResolver problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) {
        problems.resolveException(
                request,
                response,
                null,
                new ApiException(ProblemType.UNAUTHENTICATED, "Log in and send 'Authorization: Bearer <token>'"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) {
        problems.resolveException(request, response, null, ApiException.forbidden("You may not do this"));
    }
}
