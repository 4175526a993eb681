package dev.singletable.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Requests Spring Security's firewall refuses before any controller (an empty path segment {@code //}, an encoded
 * slash or dot segment, a control character in the URL) are answered as a 400 {@code malformed-request} problem, where
 * by default the container's error page answered (Spring Boot's JSON error, or its HTML "Whitelabel" page). Spring
 * Security uses a {@link RequestRejectedHandler} bean when there is one.
 */
@Configuration(proxyBeanMethods = false)
class RejectedRequestProblems {

    @Bean
    RequestRejectedHandler requestRejectedHandler(
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        return (HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected) ->
                problems.resolveException(
                        request,
                        response,
                        null,
                        new ApiException(ProblemType.MALFORMED_REQUEST, "The request URL is not acceptable"));
    }
}
