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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The username → id cache of {@link UserDirectory}: a taken name costs one store call for the life of the instance,
 * in any spelling of its case; a name nobody has is asked of the store every time (it may be signed up next); the
 * profile itself is never cached; an id is read again after {@value UserDirectory#CACHED_SECONDS} s (a marker replaced by
 * a global table's conflict resolution).
 */
class UserDirectoryTest {

    private final UserRepository users = mock(UserRepository.class);
    private final AtomicLong nanos = new AtomicLong();
    private final UserDirectory directory = new UserDirectory(users, nanos::get);

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
        assertThatThrownBy(() -> directory.requireId("bob"))
                .isInstanceOf(ApiException.class)
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

    @Test
    void anIdIsReadAgainOnceItsEntryExpires() {
        when(users.findIdByUsername("ann")).thenReturn(Optional.of("U1"), Optional.of("U9"));

        assertThat(directory.requireId("ann")).isEqualTo("U1");
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(UserDirectory.CACHED_SECONDS - 1));
        assertThat(directory.requireId("ann")).isEqualTo("U1");
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(2));
        assertThat(directory.requireId("ann"))
                .as("the marker a conflict left behind")
                .isEqualTo("U9");

        verify(users, times(2)).findIdByUsername("ann");
    }
}
