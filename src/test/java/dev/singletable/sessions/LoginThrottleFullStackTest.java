package dev.singletable.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.support.Api;
import dev.singletable.support.FullStackTest;
import dev.singletable.support.TestUser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Issue 17, finding 9, over HTTP: after 10 wrong passwords for one username the log-in answers 429 with Retry-After,
 * even with the right password, until the window ends; an unknown username is treated alike (nobody learns which
 * names exist); other accounts are unaffected. The JDK's client, since the test client's Apache client would wait out
 * Retry-After and retry a 429 by itself.
 */
@FullStackTest
class LoginThrottleFullStackTest {

    final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    RestTestClient http;

    @LocalServerPort
    int port;

    @Test
    void tenWrongPasswordsThenEvenTheRightOneIs429WithRetryAfter() throws Exception {
        Api api = new Api(http);
        TestUser target = api.newUser("target");
        TestUser bystander = api.newUser("bystander");

        for (int attempt = 0; attempt < 10; attempt++) {
            assertThat(login(target.username(), "wrong password " + attempt).statusCode())
                    .isEqualTo(401);
        }

        HttpResponse<String> refused = login(target.username(), target.password());
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 900L));
        assertThat(refused.body()).contains("\"type\":\"https://singletable.dev/problems/too-many-requests\"");
        assertThat(login(target.username().toUpperCase(), target.password()).statusCode())
                .isEqualTo(429);
        assertThat(login(bystander.username(), bystander.password()).statusCode())
                .isEqualTo(201);
    }

    @Test
    void anUnknownUsernameIsCountedLikeAKnownOne() throws Exception {
        String nobody = Api.uniqueName("nobody");
        for (int attempt = 0; attempt < 10; attempt++) {
            assertThat(login(nobody, "guess " + attempt).statusCode()).isEqualTo(401);
        }
        assertThat(login(nobody, "guess 11").statusCode()).isEqualTo(429);
    }

    private HttpResponse<String> login(String username, String password) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/sessions"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
