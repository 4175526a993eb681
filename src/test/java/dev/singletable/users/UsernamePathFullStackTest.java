package dev.singletable.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.admin.AdminAccess;
import dev.singletable.support.Api;
import dev.singletable.support.FullStackTest;
import dev.singletable.support.TestUser;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Issue 17, finding 10: a username that cannot exist (over DynamoDB's key-size limit, or just not matching the
 * username rule) names no user, on every path that takes one: 404 problem+json, never a 500 from a key the store
 * refuses. Keys that are query parameters (the history's {@code pk}, {@code sk}) are 400 naming the parameter.
 */
@FullStackTest
class UsernamePathFullStackTest {

    /** Over the 2 048-byte partition key limit once prefixed, as in the report. */
    static final String HUGE = "a".repeat(2_100);

    @Autowired
    RestTestClient http;

    @Autowired
    AdminAccess admins;

    @Autowired
    UserDirectory users;

    Api api;
    TestUser ann;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        ann = api.newUser("ann");
    }

    @Test
    void aUsernameOverTheKeySizeLimitIs404OnEveryReadingPath() {
        for (String path : List.of(
                "/api/users/{u}", "/api/users/{u}/followers", "/api/users/{u}/following", "/api/users/{u}/tweets")) {
            for (String name : List.of(HUGE, "ab", "not a name!", "ä".repeat(40))) {
                http.get()
                        .uri(path, name)
                        .exchange()
                        .expectStatus()
                        .isNotFound()
                        .expectHeader()
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody()
                        .jsonPath("$.type")
                        .isEqualTo("https://singletable.dev/problems/not-found");
            }
        }
    }

    @Test
    void followingAUserWhoseNameCannotExistIs404() {
        for (HttpMethod method : List.of(HttpMethod.PUT, HttpMethod.DELETE)) {
            http.method(method)
                    .uri("/api/users/{me}/following/{other}", ann.username(), HUGE)
                    .header(HttpHeaders.AUTHORIZATION, ann.bearer())
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void changingOrFollowingAsAUsernameThatCannotExistIsForbiddenNotAServerError() {
        http.method(HttpMethod.PATCH)
                .uri("/api/users/{u}", HUGE)
                .header(HttpHeaders.AUTHORIZATION, ann.bearer())
                .header(HttpHeaders.IF_MATCH, "\"1\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"displayName\":\"x\"}")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.put()
                .uri("/api/users/{u}/following/{other}", HUGE, ann.username())
                .header(HttpHeaders.AUTHORIZATION, ann.bearer())
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void aHistoryKeyOverTheKeySizeLimitIs400NamingTheParameter() {
        TestUser admin = api.newUser("keeper");
        admins.grant(users.findId(admin.username()).orElseThrow(), Instant.now());

        http.get()
                .uri("/api/admin/history?pk={pk}&sk=PROFILE", "USER#" + HUGE)
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("\"field\":\"pk\""));
        http.get()
                .uri("/api/admin/history?pk=USER%23x&sk={sk}", "é".repeat(1_100))
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("\"field\":\"sk\""));
    }
}
