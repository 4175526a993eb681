package dev.singletable.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.support.Api;
import dev.singletable.support.FullStackTest;
import dev.singletable.support.MutableClock;
import dev.singletable.support.TestUser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@FullStackTest
class SessionsFullStackTest {

    @Autowired
    RestTestClient http;

    @Autowired
    MutableClock clock;

    @Autowired
    DynamoDbClient dynamo;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void loginReturnsATokenValidFor24HoursStoredOnlyAsAHashWithATtl() throws Exception {
        String username = Api.uniqueName("eve");
        api.signUp(username, username + "@example.com").expectStatus().isCreated();
        Instant before = Instant.now();

        Map<?, ?> session = http.post()
                .uri("/api/sessions")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", username.toUpperCase(), "password", Api.PASSWORD))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals(HttpHeaders.LOCATION, "/api/sessions/current")
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();

        String token = (String) session.get("token");
        Instant expiresAt = Instant.parse((String) session.get("expiresAt"));
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(expiresAt)
                .isBetween(
                        before.plus(Duration.ofHours(24)).minusSeconds(5),
                        Instant.now().plus(Duration.ofHours(24)).plusSeconds(5));

        String sessionId = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName("singletable")
                        .consistentRead(true)
                        .key(Map.of(
                                "PK",
                                AttributeValue.fromS("SESSION#" + sessionId),
                                "SK",
                                AttributeValue.fromS("SESSION"))))
                .item();
        assertThat(item).containsKey("ttl");
        assertThat(Long.parseLong(item.get("ttl").n())).isEqualTo(expiresAt.getEpochSecond());
        assertThat(item.values()).noneMatch(v -> token.equals(v.s()));
    }

    @Test
    void wrongPasswordAndUnknownUserAreTheSame401() {
        TestUser user = api.newUser("fay");
        for (Map<String, String> credentials : List.of(
                Map.of("username", user.username(), "password", "wrong password"),
                Map.of("username", Api.uniqueName("ghost"), "password", Api.PASSWORD))) {
            http.post()
                    .uri("/api/sessions")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(credentials)
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("https://singletable.dev/problems/invalid-credentials")
                    .jsonPath("$.detail")
                    .isEqualTo("Unknown username or wrong password");
        }
    }

    @Test
    void aLoggedOutTokenIs401() {
        TestUser user = api.newUser("gil");
        api.post("/api/tweets", Map.of("text", "still here"), user)
                .expectStatus()
                .isCreated();

        api.delete("/api/sessions/current", user).expectStatus().isNoContent();

        api.post("/api/tweets", Map.of("text", "gone"), user)
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://singletable.dev/problems/unauthenticated");
        api.delete("/api/sessions/current", user).expectStatus().isUnauthorized();
    }

    @Test
    void anExpiredSessionIs401BeforeTtlDeletesIt() {
        TestUser user = api.newUser("hal");
        api.post("/api/tweets", Map.of("text", "before expiry"), user)
                .expectStatus()
                .isCreated();

        clock.advance(Duration.ofHours(24).plusSeconds(1));

        api.post("/api/tweets", Map.of("text", "after expiry"), user)
                .expectStatus()
                .isUnauthorized();
        api.get("/api/users/" + user.username(), user).expectStatus().isUnauthorized();
    }

    @Test
    void loggingOutEndsOnlyThatSession() {
        TestUser user = api.newUser("ida");
        String second = api.login(user.username(), user.password());

        api.delete("/api/sessions/current", user).expectStatus().isNoContent();

        http.post()
                .uri("/api/tweets")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + second)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("text", "other session"))
                .exchange()
                .expectStatus()
                .isCreated();
    }
}
