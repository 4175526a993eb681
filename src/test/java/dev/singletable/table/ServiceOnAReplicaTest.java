package dev.singletable.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.SingletableApplication;
import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.wire.BrowserAccess;
import dev.singletable.engine.wire.WireBackends;
import dev.singletable.engine.wire.WireServer;
import dev.singletable.engine.wire.WireServerOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReplicaStatus;

/**
 * The service run against the {@code eu-west-1} replica of a global table whose home is {@code us-east-1}, by
 * configuration only ({@code singletable.storage.mode=endpoint}, the engine's port, {@code singletable.storage.region})
 * as docs/global-tables.md shows: it starts on the replica, what it writes reaches us-east-1, and what is written in
 * us-east-1 is what it reads.
 */
@SpringBootTest(classes = SingletableApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceOnAReplicaTest {

    private static final String TABLE = "singletable";

    private static EmbeddedEngine engine;
    private static WireServer server;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    /** The engine the learner started, with the service's table made global (before the service starts). */
    @DynamicPropertySource
    static void engineWithAGlobalTable(DynamicPropertyRegistry registry) {
        engine = EmbeddedEngine.inMemory();
        server = WireServer.start(
                WireServerOptions.defaults(),
                BrowserAccess.defaults(),
                WireBackends.byCredentialScope((key, region) -> {
                    EmbeddedEngine.Clients clients = engine.clients(key, region);
                    return new WireBackends.Backend(clients.dynamo(), clients.streams());
                }));
        DynamoDbClient virginia = engine.dynamoDbClient("us-east-1");
        virginia.createTable(TableRequestFactory.createTable(TABLE, TableLayoutLoader.load()));
        virginia.updateTable(b -> b.tableName(TABLE).replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1"))));
        await("the replica is ACTIVE", () -> virginia.describeTable(b -> b.tableName(TABLE)).table().replicas().stream()
                .anyMatch(r -> r.replicaStatus() == ReplicaStatus.ACTIVE));

        registry.add("singletable.storage.mode", () -> "endpoint");
        registry.add("singletable.storage.endpoint", () -> "http://127.0.0.1:" + server.port());
        registry.add("singletable.storage.region", () -> "eu-west-1");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void theServiceOnTheReplicaWritesToBothRegionsAndReadsWhatUsEast1Wrote() throws Exception {
        DynamoDbClient virginia = engine.dynamoDbClient("us-east-1");
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/users"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"ann_lee\",\"email\":\"ann@example.com\","
                                        + "\"displayName\":\"Ann Lee\",\"password\":\"correct horse battery\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(engine.dynamoDbClient("eu-west-1")
                        .getItem(b -> b.tableName(TABLE).key(key("USERNAME#ann_lee", "UNIQUE")))
                        .hasItem())
                .as("written in eu-west-1")
                .isTrue();

        await("the user written in eu-west-1 reaches us-east-1", () -> virginia.getItem(
                        b -> b.tableName(TABLE).key(key("USERNAME#ann_lee", "UNIQUE")))
                .hasItem());
        await("the profile reaches us-east-1", () -> !profiles(virginia).isEmpty());
        Map<String, AttributeValue> profile = profiles(virginia).get(0);

        virginia.updateItem(b -> b.tableName(TABLE)
                .key(key(profile.get("PK").s(), "PROFILE"))
                .updateExpression("SET displayName = :name")
                .expressionAttributeValues(Map.of(":name", AttributeValue.fromS("Ann from Virginia"))));
        await("the service on eu-west-1 reads the change made in us-east-1", () -> {
            try {
                HttpResponse<String> user = http.send(
                        HttpRequest.newBuilder(URI.create(base() + "/api/users/ann_lee"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                return user.statusCode() == 200 && user.body().contains("\"displayName\":\"Ann from Virginia\"");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    private static List<Map<String, AttributeValue>> profiles(DynamoDbClient region) {
        return region.scan(b -> b.tableName(TABLE)
                        .filterExpression("begins_with(PK, :user) AND SK = :profile")
                        .expressionAttributeValues(Map.of(
                                ":user", AttributeValue.fromS("USER#"), ":profile", AttributeValue.fromS("PROFILE"))))
                .items();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk));
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out: " + what).isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
