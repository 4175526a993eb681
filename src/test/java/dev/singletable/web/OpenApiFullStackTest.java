package dev.singletable.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.support.FullStackTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The published contract: every social endpoint, its schemas, its problems, and the bearer scheme where needed; 429 on
 * every write; the tags in reading order; the admin history documented like the rest.
 */
@FullStackTest
class OpenApiFullStackTest {

    @Autowired
    RestTestClient http;

    @Test
    @SuppressWarnings("unchecked")
    void everyEndpointIsDocumentedWithItsErrorsAndSecurity() {
        Map<String, Object> api = apiDocs();
        Map<String, Map<String, Map<String, Object>>> paths =
                (Map<String, Map<String, Map<String, Object>>>) api.get("paths");

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
        assertThat(paths.get("/api/users/{username}")
                        .get("patch")
                        .get("responses")
                        .toString())
                .contains("PreconditionFailed", "PreconditionRequired", "AlreadyTaken");
        assertThat(paths.get("/api/users/{username}").get("get")).doesNotContainKey("security");

        Map<String, Object> components = (Map<String, Object>) api.get("components");
        assertThat((Map<String, Object>) components.get("securitySchemes")).containsKey("bearer");
        assertThat((Map<String, Object>) components.get("responses"))
                .containsKeys(
                        "BadRequest",
                        "Unauthenticated",
                        "Forbidden",
                        "NotFound",
                        "AlreadyTaken",
                        "PreconditionFailed",
                        "PreconditionRequired",
                        "ServiceUnavailable");
        assertThat((Map<String, Object>) components.get("schemas"))
                .containsKeys("Problem", "SignUpRequest", "ProfileResponse", "TweetResponse", "SessionResponse");
        assertThat(components.get("schemas").toString()).doesNotContain("passwordHash");
    }

    @Test
    @SuppressWarnings("unchecked")
    void tagsComeInTheOrderAReaderLearnsTheApi() {
        Map<String, Object> api = apiDocs();
        List<String> tags = ((List<Map<String, Object>>) api.get("tags"))
                .stream().map(tag -> (String) tag.get("name")).toList();
        assertThat(tags)
                .containsExactly(
                        "Users",
                        "Sessions",
                        "Follows",
                        "Tweets",
                        "Likes",
                        "Timeline",
                        "Products",
                        "Reviews",
                        "Orders",
                        "History",
                        "Table explorer");
        // and every operation is under one of them
        Map<String, Map<String, Map<String, Object>>> paths =
                (Map<String, Map<String, Map<String, Object>>>) api.get("paths");
        paths.forEach((path, operations) ->
                operations.forEach((method, operation) -> assertThat((List<String>) operation.get("tags"))
                        .as(method + " " + path)
                        .isNotEmpty()
                        .allMatch(tags::contains)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyWriteDeclares429WithRetryAfterAndNoReadDoes() {
        Map<String, Object> api = apiDocs();
        Map<String, Map<String, Map<String, Object>>> paths =
                (Map<String, Map<String, Map<String, Object>>>) api.get("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            if (List.of("post", "put", "patch", "delete").contains(method)) {
                assertThat(responses).as(method + " " + path).containsKey("429");
                // the shared response, or an operation's own (log-in: its failure limits) with the same header
                assertThat(responses.get("429").toString())
                        .as(method + " " + path)
                        .satisfiesAnyOf(r -> assertThat(r).contains("TooManyRequests"), r -> assertThat(r)
                                .contains("Retry-After", "application/problem+json"));
            } else {
                assertThat(responses).as(method + " " + path).doesNotContainKey("429");
            }
        }));
        Map<String, Object> tooMany = (Map<String, Object>)
                ((Map<String, Object>) ((Map<String, Object>) api.get("components")).get("responses"))
                        .get("TooManyRequests");
        assertThat((Map<String, Object>) tooMany.get("headers")).containsKey("Retry-After");
        assertThat(tooMany.get("content").toString()).contains("application/problem+json", "too-many-requests");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theItemHistoryIsAnAdminOperationWithItsErrors() {
        Map<String, Object> history = ((Map<String, Map<String, Map<String, Object>>>)
                        apiDocs().get("paths"))
                .get("/api/admin/history")
                .get("get");
        assertThat((List<String>) history.get("tags")).containsExactly("History");
        assertThat(history).containsKey("security");
        assertThat((Map<String, Object>) history.get("responses")).containsKeys("200", "400", "401", "403", "503");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> apiDocs() {
        return publicBody("/v3/api-docs", Map.class);
    }

    /** The body of a GET without credentials, which must answer 200. */
    private <T> T publicBody(String uri, Class<T> type) {
        return http.get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(type)
                .returnResult()
                .getResponseBody();
    }

    /** The composed annotations (OkWithETag) and the PageQuery parameter object are read like what they stand for. */
    @Test
    @SuppressWarnings("unchecked")
    void sharedDeclarationsDocumentEachOperationInFull() {
        Map<String, Map<String, Map<String, Object>>> paths =
                (Map<String, Map<String, Map<String, Object>>>) apiDocs().get("paths");
        for (String method : List.of("get", "patch")) {
            Map<String, Object> ok = (Map<String, Object>) ((Map<String, Object>)
                            paths.get("/api/products/{sku}").get(method).get("responses"))
                    .get("200");
            assertThat((Map<String, Object>) ok.get("headers")).as(method).containsKey("ETag");
            assertThat(ok.get("content").toString()).as(method).contains("#/components/schemas/ProductResponse");
        }
        List<Map<String, Object>> parameters = (List<Map<String, Object>>)
                paths.get("/api/timeline").get("get").get("parameters");
        assertThat(parameters)
                .extracting(
                        parameter -> parameter.get("name") + " " + parameter.get("in") + " " + parameter.get("schema"))
                .containsExactly(
                        "limit query {type=integer, format=int32, default=20, maximum=100, minimum=1}",
                        "cursor query {type=string}");
    }

    @Test
    void swaggerUiIsServed() {
        http.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
    }

    /** The same contract as YAML (springdoc's {@code /v3/api-docs.yaml}), public like the JSON one. */
    @Test
    void theContractIsPublishedAsYamlToo() {
        String yaml = publicBody("/v3/api-docs.yaml", String.class);
        assertThat(yaml).startsWith("openapi: ").contains("/api/users/{username}:");
    }
}
