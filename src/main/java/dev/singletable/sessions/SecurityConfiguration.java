package dev.singletable.sessions;

import dev.singletable.admin.AdminAccess;
import dev.singletable.web.ProblemSecurityHandlers;
import dev.singletable.web.Roles;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Who may call what. A stateless API authenticated by bearer tokens (sessions stored in the table,
 * {@link BearerTokenFilter}); a signed-in caller has the role {@code USER}, and {@code ADMIN} too when their admin item
 * exists ({@link CallerRoles}). Public: health (status only), API docs, Swagger UI, sign-up, log-in, and reading
 * profiles, follow lists, tweets and the catalog. Admins only: {@code /api/admin/**}, changing the catalog, moving an order
 * along its life, and the actuator beyond health (info, metrics, retries, breakers, limiters, health details).
 * Prometheus: admins, or the scraper's Basic credentials ({@link ScrapeProperties}). Everything else needs a session.
 * 401 and 403 are problem+json like every other error.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(ScrapeProperties.class)
class SecurityConfiguration {

    private static final String PROMETHEUS = "/actuator/prometheus";

    @Bean
    @Order(2)
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            SessionService sessions,
            AdminAccess admins,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems)
            throws Exception {
        stateless(http, sessions, admins, problems)
                .httpBasic(basic -> basic.disable())
                .authorizeHttpRequests(auth -> auth
                        // status for load balancers and probes; details only for admins (management.endpoint.health)
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole(Roles.ADMIN)
                        .requestMatchers(
                                "/v3/api-docs",
                                "/v3/api-docs/**",
                                "/v3/api-docs.yaml",
                                "/swagger-ui/**",
                                "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        // the table explorer's static page; the data it shows comes from /api/admin/explorer
                        .requestMatchers(HttpMethod.GET, "/explorer/**")
                        .permitAll()
                        .requestMatchers("/api/admin/**")
                        .hasRole(Roles.ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/products")
                        .hasRole(Roles.ADMIN)
                        .requestMatchers(HttpMethod.PATCH, "/api/products/*", "/api/orders/*/status")
                        .hasRole(Roles.ADMIN)
                        .requestMatchers("/api/timeline")
                        .authenticated() // the caller's own feed
                        .requestMatchers(HttpMethod.POST, "/api/users", "/api/sessions")
                        .permitAll()
                        // the caller's own lists: before the public GET /api/users/** ("me" is no username: 3+ chars)
                        .requestMatchers("/api/users/me/**")
                        .authenticated()
                        .requestMatchers(
                                HttpMethod.GET, "/api/users/**", "/api/tweets/**", "/api/products", "/api/products/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated());
        return http.build();
    }

    /**
     * {@code /actuator/prometheus}: an admin's bearer token, or HTTP Basic with the scraper's credentials when they are
     * configured. Basic is on for this path alone and knows only the scraper: users' passwords never work here.
     */
    @Bean
    @Order(1)
    SecurityFilterChain prometheusScrapes(
            HttpSecurity http,
            SessionService sessions,
            AdminAccess admins,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems,
            ScrapeProperties scrape)
            throws Exception {
        stateless(http.securityMatcher(PROMETHEUS), sessions, admins, problems)
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAnyRole(Roles.ADMIN, Roles.METRICS));
        if (scrape.enabled()) {
            // bcrypt, as for users' passwords, but an encoder of its own: the scraper is no user of the API
            PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();
            InMemoryUserDetailsManager scraper = new InMemoryUserDetailsManager(User.withUsername(scrape.username())
                    .password(passwords.encode(Objects.requireNonNull(scrape.password())))
                    .roles(Roles.METRICS)
                    .build());
            DaoAuthenticationProvider provider = new DaoAuthenticationProvider(scraper);
            provider.setPasswordEncoder(passwords);
            http.authenticationManager(new ProviderManager(provider))
                    .httpBasic(basic -> basic.authenticationEntryPoint(new ProblemSecurityHandlers(problems)));
        } else {
            http.httpBasic(basic -> basic.disable());
        }
        return http.build();
    }

    private static HttpSecurity stateless(
            HttpSecurity http, SessionService sessions, AdminAccess admins, HandlerExceptionResolver problems) {
        ProblemSecurityHandlers securityProblems = new ProblemSecurityHandlers(problems);
        return http.csrf(csrf ->
                        csrf.disable()) // no cookies: a bearer token cannot be sent by a forged cross-site request
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new BearerTokenFilter(sessions, admins, problems), AnonymousAuthenticationFilter.class)
                .exceptionHandling(
                        e -> e.authenticationEntryPoint(securityProblems).accessDeniedHandler(securityProblems));
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
