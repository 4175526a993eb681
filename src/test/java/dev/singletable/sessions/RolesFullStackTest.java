package dev.singletable.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.admin.AdminAccess;
import dev.singletable.support.Api;
import dev.singletable.support.FullStackTest;
import dev.singletable.support.TestUser;
import dev.singletable.users.UserDirectory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Who may call what, as SecurityConfiguration says, over HTTP: the admin item is the ADMIN role of a signed-in caller
 * from the next request on; admin calls answer 401 without a session and 403 to other users; the actuator beyond
 * health status is for admins; Prometheus also takes the scraper's own Basic credentials, and only those.
 */
@FullStackTest
class RolesFullStackTest {

    static final String FORBIDDEN = "https://singletable.dev/problems/forbidden";
    static final String UNAUTHENTICATED = "https://singletable.dev/problems/unauthenticated";

    @Autowired
    RestTestClient http;

    @Autowired
    AdminAccess admins;

    @Autowired
    UserDirectory users;

    Api api;
    TestUser user;
    TestUser admin;

    record Call(HttpMethod method, String path, @Nullable Object body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeEach
    void setUp() {
        api = new Api(http);
        user = api.newUser("plain");
        admin = api.newUser("boss");
        grantAdmin(admin);
    }

    @Test
    void theAdminItemIsTheAdminRoleFromTheNextRequestOn() {
        TestUser soon = api.newUser("soon");
        api.get("/api/admin/orders?status=PLACED", soon).expectStatus().isForbidden();
        grantAdmin(soon);
        api.get("/api/admin/orders?status=PLACED", soon).expectStatus().isOk(); // the same session, no new log-in
    }

    @Test
    void adminCallsAre401WithoutASessionAnd403ForOtherUsers() {
        String sku = Api.uniqueName("ROLE").toUpperCase().replace('_', '-');
        List<Call> adminCalls = List.of(
                new Call(
                        HttpMethod.POST,
                        "/api/products",
                        Map.of("sku", sku, "name", "Role", "category", "roles", "priceCents", 1, "stock", 1)),
                new Call(HttpMethod.PATCH, "/api/products/" + sku, Map.of("stock", 2)),
                new Call(HttpMethod.PATCH, "/api/orders/01JD4X7R2M8Q9B3C5V6N7P8K9T/status", Map.of("status", "PAID")),
                new Call(HttpMethod.GET, "/api/admin/orders?status=PLACED", null),
                new Call(HttpMethod.GET, "/api/admin/explorer?limit=1", null),
                new Call(HttpMethod.GET, "/api/admin/history?pk=USER%23x&sk=PROFILE", null));
        for (Call call : adminCalls) {
            send(call, null)
                    .expectStatus()
                    .isUnauthorized()
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo(UNAUTHENTICATED);
            send(call, user.bearer())
                    .expectStatus()
                    .isForbidden()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo(FORBIDDEN);
            int status = send(call, admin.bearer())
                    .returnResult(String.class)
                    .getStatus()
                    .value();
            assertThat(status).as("%s as an admin", call).isNotIn(401, 403);
        }
    }

    @Test
    void theActuatorBeyondHealthIsForAdmins() {
        List<String> adminOnly = List.of(
                "/actuator/info",
                "/actuator/metrics",
                "/actuator/metrics/jvm.threads.live",
                "/actuator/retries",
                "/actuator/circuitbreakers",
                "/actuator/ratelimiters",
                "/actuator/prometheus");
        for (String path : adminOnly) {
            api.get(path).expectStatus().isUnauthorized();
            api.get(path, user)
                    .expectStatus()
                    .isForbidden()
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo(FORBIDDEN);
            api.get(path, admin).expectStatus().isOk();
        }
        // health: status per component for everyone (probes, load balancers), details only for admins
        api.get("/actuator/health")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.components.table.status")
                .isEqualTo("UP")
                .jsonPath("$.components.table.details")
                .doesNotExist();
        api.get("/actuator/health/table", user)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.details")
                .doesNotExist();
        api.get("/actuator/health/table", admin)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.details.status")
                .isEqualTo("ACTIVE");
    }

    @Test
    void prometheusScrapesWithItsOwnCredentialsAndOnlyThose() {
        String scrape = http.get()
                .uri("/actuator/prometheus")
                .header(HttpHeaders.AUTHORIZATION, basic("prometheus", FullStackTest.SCRAPE_PASSWORD))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(scrape).contains("singletable_dynamodb_requests_seconds_count");

        http.get()
                .uri("/actuator/prometheus")
                .header(HttpHeaders.AUTHORIZATION, basic("prometheus", "wrong"))
                .exchange()
                .expectStatus()
                .isUnauthorized();
        // a user's own password is no scrape credential, and Basic is for the scrape path alone
        http.get()
                .uri("/actuator/prometheus")
                .header(HttpHeaders.AUTHORIZATION, basic(user.username(), Api.PASSWORD))
                .exchange()
                .expectStatus()
                .isUnauthorized();
        http.get()
                .uri("/actuator/metrics")
                .header(HttpHeaders.AUTHORIZATION, basic("prometheus", FullStackTest.SCRAPE_PASSWORD))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    private void grantAdmin(TestUser who) {
        admins.grant(users.findId(who.username()).orElseThrow(), Instant.now());
    }

    private RestTestClient.ResponseSpec send(Call call, @Nullable String authorization) {
        RestTestClient.RequestBodySpec request = http.method(call.method())
                .uri(call.path())
                .headers(headers -> {
                    if (authorization != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                    headers.set(HttpHeaders.IF_MATCH, "*");
                });
        if (call.body() != null) {
            return request.contentType(MediaType.APPLICATION_JSON)
                    .body(call.body())
                    .exchange();
        }
        return request.exchange();
    }

    private static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
