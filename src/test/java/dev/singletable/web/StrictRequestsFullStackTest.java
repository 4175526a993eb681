package dev.singletable.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.process.RawHttp1;
import dev.singletable.support.Api;
import dev.singletable.support.FullStackTest;
import dev.singletable.support.TestUser;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Issue 17, finding 11: request bodies are read strictly (a number is no string, 1.5 is no whole number, "5" is no
 * number): 400 naming the field, not a silently coerced value; and a request whose headers are too large is answered
 * by the API as a problem, not by the servlet container's HTML error page.
 */
@FullStackTest
class StrictRequestsFullStackTest {

    @Autowired
    RestTestClient http;

    @LocalServerPort
    int port;

    Api api;
    TestUser ann;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        ann = api.newUser("strict");
    }

    @Test
    void aNumberWhereTextBelongsIs400NamingTheField() {
        send("/api/tweets", "{\"text\":5}")
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://singletable.dev/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("text")
                .jsonPath("$.errors[0].message")
                .isEqualTo("must be a string");
        send("/api/tweets", "{\"text\":true}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("text");
    }

    @ParameterizedTest(name = "quantity {0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {"1.5 | must be a whole number", "99999999999 | is out of range"})
    void aQuantityThatIsNoIntIs400NamingTheField(String quantity, String message) {
        http.post()
                .uri("/api/orders")
                .header(HttpHeaders.AUTHORIZATION, ann.bearer())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"items\":[{\"sku\":\"MUG-001\",\"quantity\":" + quantity + "}]}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://singletable.dev/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("items[0].quantity")
                .jsonPath("$.errors[0].message")
                .isEqualTo(message);
    }

    @Test
    void textWhereANumberBelongsIs400NamingTheField() {
        http.put()
                .uri("/api/products/MUG-001/reviews")
                .header(HttpHeaders.AUTHORIZATION, ann.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"rating\":\"5\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("rating")
                .jsonPath("$.errors[0].message")
                .isEqualTo("must be a whole number");
    }

    @Test
    void brokenJsonIsStillAMalformedRequest() {
        send("/api/tweets", "{\"text\":")
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://singletable.dev/problems/malformed-request");
    }

    @Test
    void headersOver8KibAreAProblemNotTheContainersHtmlPage() {
        RawHttp1.Response response = RawHttp1.exchange(
                URI.create("http://127.0.0.1:" + port),
                "GET /api/users/" + ann.username() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: "
                        + "x".repeat(10 * 1024) + "\r\nConnection: close\r\n\r\n",
                "");

        assertThat(response.status()).isEqualTo(431);
        assertThat(response.headers().get("content-type")).startsWith("application/problem+json");
        assertThat(response.body())
                .contains("\"type\":\"https://singletable.dev/problems/request-too-large\"")
                .doesNotContain("<html");
    }

    private RestTestClient.ResponseSpec send(String path, String json) {
        return http.post()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, ann.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(json)
                .exchange();
    }
}
