package dev.singletable.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.singletable.web.ApiException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The username → id cache of {@link UserDirectory}: a taken name costs one store call for the life of the instance,
 * in any spelling of its case; a name nobody has is asked of the store every time (it may be signed up next); the
 * profile itself is never cached.
 */
class UserDirectoryTest {

    private final UserRepository users = mock(UserRepository.class);
    private final UserDirectory directory = new UserDirectory(users);

    @Test
    void aTakenUsernameIsReadFromTheStoreOnceInAnyCase() {
        when(users.findIdByUsername(anyString())).thenReturn(Optional.of("U1"));

        assertThat(directory.requireId("ann")).isEqualTo("U1");
        assertThat(directory.requireId("Ann")).isEqualTo("U1");
        assertThat(directory.findId("ANN")).contains("U1");

        verify(users, times(1)).findIdByUsername(anyString());
    }

    @Test
    void anUnknownUsernameIsAskedEveryTimeAndFoundOnceSignedUp() {
        when(users.findIdByUsername("bob")).thenReturn(Optional.empty(), Optional.empty(), Optional.of("U2"));

        assertThat(directory.findId("bob")).isEmpty();
        assertThatThrownBy(() -> directory.requireId("bob")).isInstanceOf(ApiException.class)
                .hasMessageContaining("No user named bob");
        assertThat(directory.requireId("bob")).isEqualTo("U2");
        assertThat(directory.requireId("bob")).isEqualTo("U2");

        verify(users, times(3)).findIdByUsername("bob");
    }

    @Test
    void requireReadsTheProfileEveryTimeButTheMarkerOnce() {
        UserItem ann = new UserItem();
        ann.setUserId("U1");
        ann.setUsername("Ann");
        when(users.findIdByUsername(anyString())).thenReturn(Optional.of("U1"));
        when(users.findById("U1")).thenReturn(Optional.of(ann));

        assertThat(directory.require("ann")).isEqualTo(new UserRef("U1", "Ann"));
        assertThat(directory.require("ann")).isEqualTo(new UserRef("U1", "Ann"));

        verify(users, times(1)).findIdByUsername(anyString());
        verify(users, times(2)).findById("U1");
    }
}
