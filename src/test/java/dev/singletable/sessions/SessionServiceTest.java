package dev.singletable.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.singletable.users.Account;
import dev.singletable.web.ApiException;
import dev.singletable.web.AuthenticatedUser;
import dev.singletable.web.ProblemType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

class SessionServiceTest {

    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    static final String CLIENT = "192.0.2.7";
    static final Account ANN = new Account("01JANN", "Ann", "{bcrypt}hash");

    final SessionRepository repository = mock(SessionRepository.class);
    final AuthenticationManager passwords = mock(AuthenticationManager.class);
    final LoginThrottle throttle = mock(LoginThrottle.class);
    final SessionService service = new SessionService(
            repository,
            passwords,
            new SessionProperties(
                    Duration.ofHours(24), new SessionProperties.LoginLimits(10, 100, Duration.ofMinutes(15))),
            throttle,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void loginStoresTheTokensHashWithExpiryAndTtl() {
        when(passwords.authenticate(any()))
                .thenReturn(UsernamePasswordAuthenticationToken.authenticated(ANN, null, ANN.getAuthorities()));

        SessionResponse session = service.login(new LoginRequest("ann", "pw"), CLIENT);

        ArgumentCaptor<SessionItem> stored = ArgumentCaptor.forClass(SessionItem.class);
        verify(repository).create(stored.capture());
        assertThat(session.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(stored.getValue().getPk())
                .isEqualTo("SESSION#" + SessionTokens.sessionId(session.token()))
                .doesNotContain(session.token());
        assertThat(stored.getValue().getTtl()).isEqualTo(session.expiresAt().getEpochSecond());
        assertThat(stored.getValue().getUserId()).isEqualTo("01JANN");
        assertThat(stored.getValue().getUsername()).isEqualTo("Ann");
    }

    @Test
    void badCredentialsAre401() {
        when(passwords.authenticate(any())).thenThrow(new BadCredentialsException("Bad credentials"));

        assertThatThrownBy(() -> service.login(new LoginRequest("ann", "wrong"), CLIENT))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.INVALID_CREDENTIALS));
    }

    @Test
    void aFailureIsCountedForTheAccountAndTheClientAndASuccessClearsTheAccount() {
        when(passwords.authenticate(any())).thenThrow(new BadCredentialsException("Bad credentials"));
        assertThatThrownBy(() -> service.login(new LoginRequest("ann", "wrong"), CLIENT));
        verify(throttle).recordFailure("ann", CLIENT);

        org.mockito.Mockito.doReturn(UsernamePasswordAuthenticationToken.authenticated(ANN, null, ANN.getAuthorities()))
                .when(passwords)
                .authenticate(any());
        service.login(new LoginRequest("ann", "pw"), CLIENT);
        verify(throttle).recordSuccess("ann");
    }

    @Test
    void aThrottledLoginIsRefusedBeforeAnyPasswordIsChecked() {
        ApiException tooMany = new ApiException(ProblemType.TOO_MANY_REQUESTS, "later");
        org.mockito.Mockito.doThrow(tooMany).when(throttle).requireAllowed("ann", CLIENT);

        assertThatThrownBy(() -> service.login(new LoginRequest("ann", "pw"), CLIENT))
                .isSameAs(tooMany);
        org.mockito.Mockito.verifyNoInteractions(passwords, repository);
    }

    @Test
    void aStoreFailureDuringLoginIsNotABadPassword() {
        ProvisionedThroughputExceededException throttled =
                ProvisionedThroughputExceededException.builder().build();
        when(passwords.authenticate(any())).thenThrow(new InternalAuthenticationServiceException("x", throttled));

        assertThatThrownBy(() -> service.login(new LoginRequest("ann", "pw"), CLIENT))
                .isSameAs(throttled);
    }

    @Test
    void onlyUnexpiredSessionsAuthenticate() {
        String token = SessionTokens.newToken();
        String id = SessionTokens.sessionId(token);
        when(repository.find(id)).thenReturn(Optional.of(session(NOW.plusSeconds(1))));
        assertThat(service.authenticate(token)).contains(new AuthenticatedUser("01JANN", "Ann", id));

        when(repository.find(id)).thenReturn(Optional.of(session(NOW)));
        assertThat(service.authenticate(token)).isEmpty();

        when(repository.find(id)).thenReturn(Optional.empty());
        assertThat(service.authenticate(token)).isEmpty();
    }

    @Test
    void logoutDeletesTheCallersSession() {
        service.logout(new AuthenticatedUser("01JANN", "Ann", "abc"));
        verify(repository).delete("abc");
    }

    private static SessionItem session(Instant expiresAt) {
        SessionItem item = new SessionItem();
        item.setUserId("01JANN");
        item.setUsername("Ann");
        item.setExpiresAt(expiresAt);
        return item;
    }
}
