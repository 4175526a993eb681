package dev.singletable.sessions;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.singletable.admin.AdminAccess;
import dev.singletable.web.SliceCallers;
import java.util.Optional;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The application's security for web slices ({@code ApiSlice}), over a session store that knows the
 * {@link SliceCallers} and nobody else; ann is an admin, bob is not.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityConfiguration.class)
public class SliceSessions {

    @Bean
    SessionService sessionService() {
        SessionService sessions = mock(SessionService.class);
        knowTheCallers(sessions);
        return sessions;
    }

    @Bean
    AdminAccess adminAccess() {
        AdminAccess admins = mock(AdminAccess.class);
        when(admins.isAdmin(SliceCallers.ANN.userId())).thenReturn(true);
        return admins;
    }

    /** Ann's and bob's tokens stand for them; any other token is unknown. */
    static void knowTheCallers(SessionService sessions) {
        when(sessions.authenticate(anyString())).thenReturn(Optional.empty());
        when(sessions.authenticate("ann-token")).thenReturn(Optional.of(SliceCallers.ANN));
        when(sessions.authenticate("bob-token")).thenReturn(Optional.of(SliceCallers.BOB));
    }
}
