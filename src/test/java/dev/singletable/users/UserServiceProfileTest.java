package dev.singletable.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.singletable.web.ApiException;
import dev.singletable.web.AuthenticatedUser;
import dev.singletable.web.RepresentationTags;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/users/{username}} resolves the name through {@link UserDirectory} (issue 21): a profile read costs
 * one store call (the profile), not two (the username marker, then the profile), while the answer stays what the
 * marker says: the same profile and tag on every read, a name nobody has 404 on every read, asked of the store each
 * time (it may be signed up next).
 */
class UserServiceProfileTest {

    private final UserRepository users = mock(UserRepository.class);
    private final UserService service = new UserService(
            users,
            new UserDirectory(users),
            NoOpPasswordEncoder.getInstance(),
            RepresentationTags.forBenchmark(JsonMapper.builder().build()),
            Clock.systemUTC());

    private static UserItem ann() {
        UserItem ann = UserItem.withId("U1");
        ann.setUsername("Ann");
        ann.setDisplayName("Ann Lee");
        ann.setEmail("ann@example.com");
        ann.setCreatedAt(Instant.parse("2026-11-21T09:30:00Z"));
        ann.setFollowers(2L);
        return ann;
    }

    @Test
    void aProfileReadsTheUsernameMarkerOncePerNameNotOncePerRequest() {
        when(users.findIdByUsername(anyString())).thenReturn(Optional.of("U1"));
        when(users.findPublicProfile("U1")).thenReturn(Optional.of(ann()));

        Profile first = service.profile("ann", null);
        Profile second = service.profile("ANN", null);

        assertThat(second).isEqualTo(first);
        assertThat(first.body().username()).isEqualTo("Ann");
        assertThat(first.body().email()).as("another user's view").isNull();
        verify(users, times(1)).findIdByUsername(anyString());
        verify(users, times(2)).findPublicProfile("U1");
    }

    @Test
    void theOwnerStillReadsTheirProfileConsistently() {
        when(users.findIdByUsername("ann")).thenReturn(Optional.of("U1"));
        when(users.findById("U1")).thenReturn(Optional.of(ann()));

        Profile own = service.profile("ann", new AuthenticatedUser("U1", "Ann", "S1"));

        assertThat(own.body().email()).isEqualTo("ann@example.com");
        verify(users, times(1)).findById("U1");
    }

    @Test
    void anUnknownNameIs404EveryTimeAndAskedEveryTime() {
        when(users.findIdByUsername("bob")).thenReturn(Optional.empty());

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> service.profile("bob", null))
                    .isInstanceOf(ApiException.class)
                    .hasMessage("No user named bob");
        }
        verify(users, times(2)).findIdByUsername("bob");
    }
}
