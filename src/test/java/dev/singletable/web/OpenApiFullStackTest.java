package dev.singletable.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.support.FullStackTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The published contract: every social endpoint, its schemas, its problems, and the bearer scheme where needed. */
@FullStackTest
class OpenApiFullStackTest {

    @Autowired
    RestTestClient http;

    @Test
    @SuppressWarnings("unchecked")
    void everyEndpointIsDocumentedWithItsErrorsAndSecurity() {
        Map<String, Object> api = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>) api.get("paths");

        Map<String, List<String>> expected = Map.of(
                "/api/users", List.of("post"),
                "/api/users/{username}", List.of("get", "patch"),
                "/api/sessions", List.of("post"),
                "/api/sessions/current", List.of("delete"),
                "/api/users/{username}/following/{other}", List.of("put", "delete"),
                "/api/users/{username}/followers", List.of("get"),
                "/api/users/{username}/following", List.of("get"),
                "/api/tweets", List.of("post"),
                "/api/tweets/{id}", List.of("get", "delete"),
                "/api/users/{username}/tweets", List.of("get"));
        expected.forEach((path, methods) -> {
            assertThat(paths).containsKey(path);
            for (String method : methods) {
                Map<String, Object> operation = paths.get(path).get(method);
                assertThat(operation).as(method + " " + path).isNotNull().containsKeys("summary", "responses");
                Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
                assertThat(responses).as(method + " " + path).containsKey("503");
            }
        });

        assertThat(paths.get("/api/tweets").get("post")).containsKey("security");
        assertThat(paths.get("/api/users/{username}").get("patch").get("responses").toString())
                .contains("PreconditionFailed", "PreconditionRequired", "AlreadyTaken");
        assertThat(paths.get("/api/users/{username}").get("get")).doesNotContainKey("security");

        Map<String, Object> components = (Map<String, Object>) api.get("components");
        assertThat((Map<String, Object>) components.get("securitySchemes")).containsKey("bearer");
        assertThat((Map<String, Object>) components.get("responses")).containsKeys("BadRequest", "Unauthenticated",
                "Forbidden", "NotFound", "AlreadyTaken", "PreconditionFailed", "PreconditionRequired",
                "ServiceUnavailable");
        assertThat((Map<String, Object>) components.get("schemas"))
                .containsKeys("Problem", "SignUpRequest", "ProfileResponse", "TweetResponse", "SessionResponse");
        assertThat(components.get("schemas").toString()).doesNotContain("passwordHash");
    }

    @Test
    void swaggerUiIsServed() {
        http.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
    }
}
