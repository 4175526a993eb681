package dev.singletable.sessions;

import dev.singletable.web.ProblemSecurityHandlers;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * A stateless API authenticated by bearer tokens (sessions stored in the table, {@link BearerTokenFilter}). Public:
 * health, info, Prometheus metrics, API docs, Swagger UI, sign-up, log-in, and reading profiles, follow lists and
 * tweets. Everything else needs a valid token. 401 and 403 are problem+json like every other error.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, SessionService sessions,
                                    @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems)
            throws Exception {
        ProblemSecurityHandlers securityProblems = new ProblemSecurityHandlers(problems);
        http.csrf(csrf -> csrf.disable()) // no cookies: a bearer token cannot be sent by a forged cross-site request
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new BearerTokenFilter(sessions, problems), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(securityProblems).accessDeniedHandler(securityProblems))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        // scraped by Prometheus without a session; meters carry operation names, never user data
                        .requestMatchers("/actuator/prometheus").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/error").permitAll()
                        // the table explorer's static page; the data it shows comes from /api/admin/explorer
                        .requestMatchers(HttpMethod.GET, "/explorer/**").permitAll()
                        // admin endpoints check the caller's admin item themselves (AdminAccess): 401 here, 403 there
                        .requestMatchers("/api/admin/**").authenticated()
                        .requestMatchers("/api/timeline").authenticated() // the caller's own feed
                        .requestMatchers(HttpMethod.POST, "/api/users", "/api/sessions").permitAll()
                        // the caller's own lists: before the public GET /api/users/** ("me" is no username: 3+ chars)
                        .requestMatchers("/api/users/me/**").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/users/**", "/api/tweets/**", "/api/products",
                                "/api/products/**").permitAll()
                        .anyRequest().authenticated());
        return http.build();
    }

    /**
     * No Micrometer observations of Spring Security's own steps. By default every filter of the chain, the
     * authorization decision and each authentication is an observation: around thirty meter updates and a
     * long-task timer per request (docs/benchmarks.md, run 8). The request as a whole
     * is still observed ({@code http.server.requests}), and store calls are metered by the guarded client.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }
}
