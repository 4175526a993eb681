package dev.singletable.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.support.Api;
import dev.singletable.support.FullStackTest;
import dev.singletable.users.UserDirectory;
import dev.singletable.users.UserService;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

@FullStackTest
class FirstAdminFullStackTest {

    @Autowired
    RestTestClient http;

    @Autowired
    UserService users;

    @Autowired
    UserDirectory directory;

    @Autowired
    AdminAccess admins;

    @Autowired
    Clock clock;

    private FirstAdminBootstrap bootstrap(AdminProperties properties) {
        return new FirstAdminBootstrap(properties, users, directory, admins, clock);
    }

    @Test
    void theConfiguredAdminIsCreatedOnceAndCanLogIn() {
        String name = Api.uniqueName("admin");
        AdminProperties configured = new AdminProperties(name, name + "@example.com", Api.PASSWORD);

        bootstrap(configured).ensureAdmin();
        String id = directory.findId(name).orElseThrow();
        assertThat(admins.isAdmin(id)).isTrue();

        bootstrap(configured).ensureAdmin(); // a second start changes nothing
        assertThat(directory.findId(name)).contains(id);
        assertThat(new Api(http).login(name, Api.PASSWORD)).isNotBlank();
    }

    @Test
    void aUsernameSomeoneElseTookIsNotMadeAdmin() {
        Api api = new Api(http);
        var squatter = api.newUser("admin");
        bootstrap(new AdminProperties(squatter.username(), "other@example.com", "another password"))
                .ensureAdmin();
        assertThat(admins.isAdmin(directory.findId(squatter.username()).orElseThrow()))
                .isFalse();
    }

    @Test
    void withoutConfigurationNoAdminIsCreated() {
        assertThat(new AdminProperties(null, null, null).configured()).isFalse();
        assertThat(new AdminProperties("a", "a@example.com", " ").configured()).isFalse();
    }
}
