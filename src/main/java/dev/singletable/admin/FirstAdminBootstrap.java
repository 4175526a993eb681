package dev.singletable.admin;

import dev.singletable.users.SignUpRequest;
import dev.singletable.users.UserDirectory;
import dev.singletable.users.UserService;
import dev.singletable.web.ApiException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin account from {@code singletable.admin.*} once the table is ready. Runs on every start but
 * acts once: when the username already exists nothing is created, and the role is granted only to the user this
 * bootstrap itself signed up (never to someone who registered the configured name first).
 */
@Component
@EnableConfigurationProperties(AdminProperties.class)
class FirstAdminBootstrap {

    private static final Logger log = LoggerFactory.getLogger(FirstAdminBootstrap.class);

    private final AdminProperties properties;
    private final UserService users;
    private final UserDirectory directory;
    private final AdminAccess admins;
    private final Clock clock;

    FirstAdminBootstrap(
            AdminProperties properties, UserService users, UserDirectory directory, AdminAccess admins, Clock clock) {
        this.properties = properties;
        this.users = users;
        this.directory = directory;
        this.admins = admins;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void createFirstAdmin() {
        if (!properties.configured()) {
            log.info("No admin account is configured, so none exists. To create one, start the service once with "
                    + "singletable.admin.username, singletable.admin.email and singletable.admin.password set "
                    + "(e.g. --singletable.admin.username=admin --singletable.admin.email=admin@example.com "
                    + "--singletable.admin.password=...).");
            return;
        }
        ensureAdmin();
    }

    /** Signs the configured admin up and grants the role; does nothing when the username exists. */
    void ensureAdmin() {
        String username = properties.username();
        if (directory.findId(username).isPresent()) {
            log.info("Admin account '{}' exists already; singletable.admin.* is ignored", username);
            return;
        }
        try {
            users.signUp(new SignUpRequest(username, properties.email(), "Administrator", properties.password()));
        } catch (ApiException taken) {
            log.warn("Could not create admin account '{}': {}", username, taken.getMessage());
            return;
        }
        String userId = directory
                .findId(username)
                .orElseThrow(() -> new IllegalStateException("admin " + username + " vanished after sign-up"));
        admins.grant(userId, clock.instant());
        log.info("Created admin account '{}'", username);
    }
}
