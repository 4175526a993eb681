package dev.singletable.support;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Shortcuts over the HTTP API for full-stack tests: new users with sessions, and authenticated requests. */
public final class Api {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);
    public static final String PASSWORD = "correct horse battery";

    private final RestTestClient http;

    public Api(RestTestClient http) {
        this.http = http;
    }

    /** A username no other test uses (3–30 letters, digits, underscores). */
    public static String uniqueName(String prefix) {
        return prefix + "_" + Long.toString(SEQUENCE.incrementAndGet(), 36);
    }

    /** Signs up a new user and logs in. */
    public TestUser newUser(String prefix) {
        String username = uniqueName(prefix);
        String email = username + "@example.com";
        signUp(username, email).expectStatus().isCreated();
        return new TestUser(username, email, PASSWORD, login(username, PASSWORD));
    }

    public RestTestClient.ResponseSpec signUp(String username, String email) {
        return http.post()
                .uri("/api/users")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "username", username, "email", email, "displayName", "Test " + username, "password", PASSWORD))
                .exchange();
    }

    public String login(String username, String password) {
        LoginResult result = http.post()
                .uri("/api/sessions")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", username, "password", password))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(LoginResult.class)
                .returnResult()
                .getResponseBody();
        return result.token();
    }

    public RestTestClient.ResponseSpec get(String path, TestUser as) {
        return http.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, as.bearer())
                .exchange();
    }

    public RestTestClient.ResponseSpec get(String path) {
        return http.get().uri(path).exchange();
    }

    public RestTestClient.ResponseSpec put(String path, TestUser as) {
        return http.put()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, as.bearer())
                .exchange();
    }

    public RestTestClient.ResponseSpec delete(String path, TestUser as) {
        return http.delete()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, as.bearer())
                .exchange();
    }

    public RestTestClient.ResponseSpec post(String path, Object body, TestUser as) {
        return http.post()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, as.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange();
    }

    /** Posts a tweet and returns its id. */
    public String tweet(TestUser author, String text) {
        TweetId created = post("/api/tweets", Map.of("text", text), author)
                .expectStatus()
                .isCreated()
                .expectBody(TweetId.class)
                .returnResult()
                .getResponseBody();
        return created.id();
    }

    public RestTestClient http() {
        return http;
    }

    record LoginResult(String token, String expiresAt) {}

    record TweetId(String id) {}
}
