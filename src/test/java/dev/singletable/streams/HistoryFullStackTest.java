package dev.singletable.streams;

import dev.singletable.support.Api;
import dev.singletable.support.FullStackTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The history endpoint is for admins only (no account has the ADMIN role through the API yet). */
@FullStackTest
class HistoryFullStackTest {

    @Autowired
    RestTestClient http;

    @Test
    void historyNeedsAuthenticationAndTheAdminRole() {
        Api api = new Api(http);
        api.get("/api/admin/history?pk=USER%23x&sk=PROFILE").expectStatus().isUnauthorized();
        api.get("/api/admin/history?pk=USER%23x&sk=PROFILE", api.newUser("nosy")).expectStatus().isForbidden();
    }
}
