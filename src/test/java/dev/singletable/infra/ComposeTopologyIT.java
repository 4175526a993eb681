package dev.singletable.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.process.ChildProcess;
import dev.singletable.process.DynamoDbClients;
import dev.singletable.process.SingletableJar;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stack of {@code docker-compose.yml} without Docker: its {@code engine} service's command as an
 * {@code --engine-only} process, and its {@code app} service's environment given to the service process, both read
 * from the compose file so they cannot drift from it. Only what a container network provides is rewritten: the
 * engine listens on 127.0.0.1 and a free port instead of 0.0.0.0:8000, keeps its data in a temporary directory
 * instead of the volume, and {@code http://engine:8000} becomes that address. A sign-up, a tweet and an order go
 * through the service; the same items are then read through the engine's own port with the AWS SDK.
 */
class ComposeTopologyIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TABLE = "singletable";
    private static final String PASSWORD = "correct horse battery";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void theServiceInEndpointModeStoresThroughTheStandaloneEngine() throws Exception {
        JsonNode compose = ComposeFileTest.read(ComposeFileTest.COMPOSE).path("services");
        Path dataDir = Files.createTempDirectory("compose-engine-data-");
        List<String> engineCommand = new ArrayList<>();
        compose.path("engine")
                .path("command")
                .forEach(argument -> engineCommand.add(argument.asString()
                        .replace(
                                "--singletable.engine.bind-address=0.0.0.0",
                                "--singletable.engine.bind-address=127.0.0.1")
                        .replaceFirst("^--singletable\\.engine\\.port=\\d+$", "--singletable.engine.port=0")
                        .replaceFirst(
                                "^--singletable\\.engine\\.data-dir=.*$", "--singletable.engine.data-dir=" + dataDir)));
        assertThat(engineCommand)
                .contains(
                        "--engine-only", "--singletable.engine.bind-address=127.0.0.1", "--singletable.engine.port=0");

        try (ChildProcess engine =
                SingletableJar.command("compose-engine", engineCommand).start()) {
            URI engineEndpoint = SingletableJar.awaitEngine(engine);

            Map<String, String> environment = new LinkedHashMap<>();
            compose.path("app")
                    .path("environment")
                    .properties()
                    .forEach(variable -> environment.put(
                            variable.getKey(), variable.getValue().asString()));
            URI documented = URI.create(environment.get("SINGLETABLE_STORAGE_ENDPOINT"));
            assertThat(documented.getHost()).isEqualTo("engine");
            environment.put(
                    "SINGLETABLE_STORAGE_ENDPOINT",
                    documented.getScheme() + "://127.0.0.1:" + engineEndpoint.getPort());
            environment.put("SERVER_PORT", "0");
            // a first admin, to create the product the order needs
            environment.put("SINGLETABLE_ADMIN_USERNAME", "compose_admin");
            environment.put("SINGLETABLE_ADMIN_EMAIL", "admin@compose.example");
            environment.put("SINGLETABLE_ADMIN_PASSWORD", PASSWORD);

            try (ChildProcess app = SingletableJar.command("compose-app", List.of())
                    .environment(environment)
                    .directory(Files.createTempDirectory("compose-app-"))
                    .start()) {
                URI service = SingletableJar.awaitService(app);
                assertThat(app.output()).doesNotContain("DynamoDB wire server listening");

                post(
                        service,
                        "/api/users",
                        null,
                        Map.of(
                                "username",
                                "compose_ann",
                                "email",
                                "ann@compose.example",
                                "displayName",
                                "Ann",
                                "password",
                                PASSWORD),
                        201);
                String ann = post(
                                service,
                                "/api/sessions",
                                null,
                                Map.of("username", "compose_ann", "password", PASSWORD),
                                201)
                        .path("token")
                        .asString();
                String tweet = post(service, "/api/tweets", ann, Map.of("text", "stored through the port"), 201)
                        .path("id")
                        .asString();
                String admin = post(
                                service,
                                "/api/sessions",
                                null,
                                Map.of("username", "compose_admin", "password", PASSWORD),
                                201)
                        .path("token")
                        .asString();
                post(
                        service,
                        "/api/products",
                        admin,
                        Map.of(
                                "sku",
                                "COMPOSE-1",
                                "name",
                                "Compose mug",
                                "category",
                                "kitchen",
                                "description",
                                "Two processes, one table.",
                                "priceCents",
                                700,
                                "stock",
                                3),
                        201);
                String order = post(
                                service,
                                "/api/orders",
                                ann,
                                Map.of("items", List.of(Map.of("sku", "COMPOSE-1", "quantity", 2))),
                                201)
                        .path("id")
                        .asString();

                try (DynamoDbClient dynamo = DynamoDbClients.at(engineEndpoint)) {
                    assertThat(item(dynamo, "USERNAME#compose_ann", "UNIQUE")).isNotEmpty();
                    assertThat(item(dynamo, "TWEET#" + tweet, "TWEET"))
                            .containsEntry("text", AttributeValue.fromS("stored through the port"));
                    assertThat(item(dynamo, "ORDER#" + order, "ORDER"))
                            .containsEntry("status", AttributeValue.fromS("PLACED"));
                    assertThat(item(dynamo, "ORDER#" + order, "LINE#COMPOSE-1")).isNotEmpty();
                }
            }
            assertThat(engine.terminate(Duration.ofSeconds(60)))
                    .as(engine.transcript())
                    .isZero();
        }
    }

    private JsonNode post(URI service, String path, String token, Object body, int status) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "compose-" + System.nanoTime())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("POST %s: %s", path, response.body())
                .isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private static Map<String, AttributeValue> item(DynamoDbClient dynamo, String pk, String sk) {
        return dynamo.getItem(r -> r.tableName(TABLE)
                        .consistentRead(true)
                        .key(Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk))))
                .item();
    }
}
