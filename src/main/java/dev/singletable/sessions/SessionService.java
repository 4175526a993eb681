package dev.singletable.sessions;

import dev.singletable.users.Account;
import dev.singletable.web.ApiException;
import dev.singletable.web.AuthenticatedUser;
import dev.singletable.web.ProblemType;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Service;

/** Log in (password → session token), resolve a token to its caller, log out. */
@Service
@EnableConfigurationProperties(SessionProperties.class)
class SessionService {

    private final SessionRepository sessions;
    private final AuthenticationManager passwordAuthentication;
    private final SessionProperties properties;
    private final LoginThrottle throttle;
    private final Clock clock;

    SessionService(
            SessionRepository sessions,
            AuthenticationManager passwordAuthentication,
            SessionProperties properties,
            LoginThrottle throttle,
            Clock clock) {
        this.sessions = sessions;
        this.throttle = throttle;
        this.passwordAuthentication = passwordAuthentication;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Checks the password (Spring Security's DaoAuthenticationProvider) and opens a session; 401 when wrong, 429 when
     * the account or the client has failed too often lately ({@link LoginThrottle}).
     */
    public SessionResponse login(LoginRequest request, String client) {
        throttle.requireAllowed(request.username(), client);
        Account account;
        try {
            account = (Account) Objects.requireNonNull(
                    passwordAuthentication
                            .authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                                    request.username(), request.password()))
                            .getPrincipal(),
                    "an authenticated token has a principal");
        } catch (InternalAuthenticationServiceException storeFailed) {
            // The account lookup failed (throttled store...): report that, not "wrong password".
            throw storeFailed.getCause() instanceof RuntimeException cause ? cause : storeFailed;
        } catch (AuthenticationException wrong) {
            throttle.recordFailure(request.username(), client);
            throw new ApiException(ProblemType.INVALID_CREDENTIALS, "Unknown username or wrong password");
        }
        throttle.recordSuccess(request.username());
        String token = SessionTokens.newToken();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.ttl());
        SessionItem session = new SessionItem();
        session.setSessionId(SessionTokens.sessionId(token));
        session.setUserId(account.userId());
        session.setUsername(account.username());
        session.setCreatedAt(now);
        session.setExpiresAt(expiresAt);
        session.setTtl(expiresAt.getEpochSecond());
        sessions.create(session);
        return new SessionResponse(token, expiresAt);
    }

    /** The caller a token stands for; empty when unknown, logged out, or expired (even if TTL has not deleted it). */
    public Optional<AuthenticatedUser> authenticate(String token) {
        String sessionId = SessionTokens.sessionId(token);
        return sessions.find(sessionId)
                .filter(session ->
                        session.getExpiresAt() != null && session.getExpiresAt().isAfter(clock.instant()))
                .map(session -> new AuthenticatedUser(session.getUserId(), session.getUsername(), sessionId));
    }

    public void logout(AuthenticatedUser caller) {
        sessions.delete(caller.sessionId());
    }
}
