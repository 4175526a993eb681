package dev.singletable.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.admin.AdminAccess;
import dev.singletable.support.Api;
import dev.singletable.support.FullStackTest;
import dev.singletable.support.TestUser;
import dev.singletable.users.UserDirectory;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Health groups, info, Prometheus and the request id, as a client of the running service sees them. */
@FullStackTest
class ObservabilityFullStackTest {

    @Autowired
    RestTestClient http;

    @Autowired
    AdminAccess admins;

    @Autowired
    UserDirectory users;

    private TestUser admin() {
        TestUser admin = new Api(http).newUser("ops");
        admins.grant(users.findId(admin.username()).orElseThrow(), Instant.now());
        return admin;
    }

    @Test
    void readinessNeedsTheTableTheStreamListenerAndTheStore() {
        http.get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP")
                .jsonPath("$.components.table.status")
                .isEqualTo("UP")
                .jsonPath("$.components.streamListener.status")
                .isEqualTo("UP")
                .jsonPath("$.components.circuitBreakers.status")
                .isEqualTo("UP")
                .jsonPath("$.components.readinessState.status")
                .isEqualTo("UP");
    }

    @Test
    void livenessIsTheProcessAlone() {
        http.get()
                .uri("/actuator/health/liveness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP")
                .jsonPath("$.components.livenessState.status")
                .isEqualTo("UP")
                .jsonPath("$.components.table")
                .doesNotExist();
    }

    @Test
    void healthDetailsAreForAdminsOnly() {
        http.get()
                .uri("/actuator/health/table")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP")
                .jsonPath("$.details")
                .doesNotExist();
        new Api(http)
                .get("/actuator/health/table", admin())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.details.status")
                .isEqualTo("ACTIVE")
                .jsonPath("$.details.indexesActive")
                .isEqualTo(true);
    }

    @Test
    void infoHasBuildAndGitData() {
        var body = new Api(http)
                .get("/actuator/info", admin())
                .expectStatus()
                .isOk()
                .expectBody();
        body.jsonPath("$.build.artifact").isEqualTo("singletable");
        if (new ClassPathResource("git.properties").exists()) { // absent only in builds without .git
            body.jsonPath("$.git.commit.id").isNotEmpty();
        }
    }

    @Test
    void prometheusHasPerOperationStoreMeters() {
        new Api(http).newUser("prom"); // at least a PutItem/TransactWriteItems and a Query through the store

        String scrape = http.get()
                .uri("/actuator/prometheus")
                .headers(h -> h.setBasicAuth("prometheus", FullStackTest.SCRAPE_PASSWORD))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(scrape)
                .contains("singletable_dynamodb_requests_seconds_count{")
                .containsPattern("singletable_dynamodb_requests_seconds_count\\{[^}]*operation=\"TransactWriteItems\"")
                .contains("resilience4j_retry_calls")
                .contains("resilience4j_circuitbreaker_state")
                .contains("singletable_streams_lag_seconds");
    }

    @Test
    void everyResponseCarriesARequestIdAndAPlausibleIncomingOneIsKept() {
        http.get()
                .uri("/actuator/health")
                .header(RequestIdFilter.HEADER, "trace-42")
                .exchange()
                .expectHeader()
                .valueEquals(RequestIdFilter.HEADER, "trace-42");
        String made = http.get()
                .uri("/api/users/nobody-at-all")
                .exchange()
                .expectStatus()
                .isNotFound()
                .returnResult(String.class)
                .getResponseHeaders()
                .getFirst(RequestIdFilter.HEADER);
        assertThat(made).matches("[0-9a-f-]{36}");
        // even requests security turns away have one
        http.get()
                .uri("/api/timeline")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .exists(RequestIdFilter.HEADER);
    }
}
