package dev.singletable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.support.Api;
import dev.singletable.support.Eventually;
import dev.singletable.support.TestUser;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The service as a whole on LocalStack's DynamoDB instead of the bundled engine: the container's endpoint, region and
 * keys become the service's endpoint-mode settings ({@code @DynamicPropertySource}, the property-based form of a
 * service connection: Spring Boot has no DynamoDB ConnectionDetails), the service creates its table there on start,
 * and the README's flows run over HTTP: sign-up, log-in, ETags and If-Match, follow, tweet, the stream-fed counters and
 * timeline. Needs Docker: without it the class is reported as skipped, as LocalStackStoreContractTest is.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "singletable.cursor.secret=localstack-tests-cursor-secret-0123456789",
            "resilience4j.ratelimiter.instances.writes.limit-for-period=1000000"
        })
@AutoConfigureRestTestClient
class LocalStackRestContractTest {

    @Container
    static final LocalStackContainer LOCALSTACK =
            new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.12")).withServices("dynamodb");

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("singletable.storage.mode", () -> "endpoint");
        registry.add(
                "singletable.storage.endpoint", () -> LOCALSTACK.getEndpoint().toString());
        registry.add("singletable.storage.region", LOCALSTACK::getRegion);
        registry.add("singletable.storage.access-key", LOCALSTACK::getAccessKey);
        registry.add("singletable.storage.secret-key", LOCALSTACK::getSecretKey);
    }

    @Autowired
    RestTestClient http;

    @Test
    void theReadmeFlowsRunOnLocalStack() {
        Api api = new Api(http);
        TestUser ann = api.newUser("ann");
        TestUser bob = api.newUser("bob");

        String etag = api.get("/api/users/" + ann.username(), ann)
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
        http.patch()
                .uri("/api/users/" + ann.username())
                .header(HttpHeaders.AUTHORIZATION, ann.bearer())
                .header(HttpHeaders.IF_MATCH, etag)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(Map.of("displayName", "Ann on LocalStack"))
                .exchange()
                .expectStatus()
                .isOk();
        http.patch()
                .uri("/api/users/" + ann.username())
                .header(HttpHeaders.AUTHORIZATION, ann.bearer())
                .header(HttpHeaders.IF_MATCH, etag)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(Map.of("displayName", "Stale"))
                .exchange()
                .expectStatus()
                .isEqualTo(412);

        api.put("/api/users/" + ann.username() + "/following/" + bob.username(), ann)
                .expectStatus()
                .isNoContent();
        String tweet = api.tweet(bob, "Hello from LocalStack");
        api.get("/api/tweets/" + tweet)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.text")
                .isEqualTo("Hello from LocalStack");
        api.get("/api/users/" + bob.username() + "/tweets")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[0].id")
                .isEqualTo(tweet);

        // the stream listener reads LocalStack's DynamoDB Streams: counters and the home timeline follow
        String profile = Eventually.until(
                () -> api.get("/api/users/" + bob.username())
                        .returnResult(String.class)
                        .getResponseBody(),
                body -> body.contains("\"followers\":1") && body.contains("\"tweets\":1"));
        assertThat(profile).contains("\"username\":\"" + bob.username() + "\"");
        Eventually.until(
                () -> api.get("/api/timeline", ann).returnResult(String.class).getResponseBody(),
                body -> body.contains(tweet));
    }
}
