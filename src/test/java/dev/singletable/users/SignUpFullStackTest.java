package dev.singletable.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.support.Api;
import dev.singletable.support.FullStackTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@FullStackTest
class SignUpFullStackTest {

    @Autowired
    RestTestClient http;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http);
    }

    @Test
    void signUpCreatesAProfileWithZeroCountersAndAnETag() {
        String username = Api.uniqueName("Ann");
        String ownTag = api.signUp(username, username + "@example.com")
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals(HttpHeaders.LOCATION, "/api/users/" + username)
                .expectBody()
                .jsonPath("$.username")
                .isEqualTo(username)
                .jsonPath("$.displayName")
                .isEqualTo("Test " + username)
                .jsonPath("$.email")
                .isEqualTo(username + "@example.com")
                .jsonPath("$.followers")
                .isEqualTo(0)
                .jsonPath("$.following")
                .isEqualTo(0)
                .jsonPath("$.tweets")
                .isEqualTo(0)
                .jsonPath("$.password")
                .doesNotExist()
                .jsonPath("$.passwordHash")
                .doesNotExist()
                .returnResult()
                .getResponseHeaders()
                .getETag();
        assertThat(ownTag).isNotBlank();

        String publicTag = api.get("/api/users/" + username.toLowerCase())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.username")
                .isEqualTo(username)
                .jsonPath("$.email")
                .doesNotExist() // not shown to others
                .returnResult()
                .getResponseHeaders()
                .getETag();
        // the owner's view (with the email) and everyone else's are two representations with two tags
        assertThat(publicTag).isNotBlank().isNotEqualTo(ownTag);
    }

    @Test
    void usernamesAreUniqueRegardlessOfCase() {
        String username = Api.uniqueName("Bob");
        api.signUp(username, username + "@example.com").expectStatus().isCreated();

        api.signUp(username.toUpperCase(), "other-" + username + "@example.com")
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://singletable.dev/problems/already-taken")
                .jsonPath("$.status")
                .isEqualTo(409)
                .jsonPath("$.fields")
                .isEqualTo(java.util.List.of("username"));
    }

    @Test
    void emailsAreUniqueRegardlessOfCase() {
        String username = Api.uniqueName("cy");
        api.signUp(username, username + "@example.com").expectStatus().isCreated();

        api.signUp(Api.uniqueName("cy"), username.toUpperCase() + "@Example.com")
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.fields")
                .isEqualTo(java.util.List.of("email"));
    }

    @Test
    void aClashOnBothNamesBothFields() {
        String username = Api.uniqueName("dee");
        api.signUp(username, username + "@example.com").expectStatus().isCreated();

        api.signUp(username, username + "@example.com")
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.fields")
                .isEqualTo(java.util.List.of("username", "email"));
    }

    @Test
    void invalidSignUpsListEveryBadField() {
        http.post()
                .uri("/api/users")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", "a b", "email", "not-an-email", "displayName", " ", "password", "short"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://singletable.dev/problems/validation")
                .jsonPath("$.errors[*].field")
                .value(java.util.List.class, fields -> assertThat((java.util.List<Object>) fields)
                        .containsExactlyInAnyOrder("username", "email", "displayName", "password"));
    }

    @Test
    void aMalformedBodyIsAProblemWithoutInternals() {
        http.post()
                .uri("/api/users")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"username\": ")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://singletable.dev/problems/malformed-request")
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).doesNotContain("jackson", "Exception"));
    }

    @Test
    void anUnknownUserIs404() {
        api.get("/api/users/" + Api.uniqueName("nobody"))
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://singletable.dev/problems/not-found");
    }
}
