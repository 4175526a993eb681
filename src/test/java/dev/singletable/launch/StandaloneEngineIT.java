package dev.singletable.launch;

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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code java -jar target/singletable.jar --engine-only} as a process, the way the README, {@code docker run} and the
 * compose file start it: it serves until told to stop, answers the AWS SDK over HTTP, stops on SIGTERM with status 0
 * after answering what it holds, and a restart on its data directory finds every acknowledged write.
 *
 * <p>One durable engine process serves the whole class; the 20-second liveness check waits only for what is left of
 * those 20 seconds after the other checks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneEngineIT {

    private static final String TABLE = "standalone";
    private static final Duration ALIVE_FOR = Duration.ofSeconds(20);

    private Path dataDir;
    private ChildProcess durable;
    private URI endpoint;
    private long startedAt;
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

    @BeforeAll
    void startTheEngine() throws Exception {
        dataDir = Files.createTempDirectory("standalone-engine-");
        durable = SingletableJar.command("engine-durable", List.of("--engine-only",
                "--singletable.engine.port=0", "--singletable.engine.data-dir=" + dataDir)).start();
        endpoint = SingletableJar.awaitEngine(durable);
        startedAt = System.nanoTime();
    }

    @AfterAll
    void stopEverything() {
        if (durable != null) {
            durable.close();
        }
    }

    @Test
    @Order(1)
    void answersTheAwsSdkOverHttp() {
        try (DynamoDbClient dynamo = DynamoDbClients.at(endpoint)) {
            dynamo.createTable(r -> r.tableName(TABLE).billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                    .keySchema(k -> k.attributeName("id").keyType("HASH")));
            dynamo.waiter().waitUntilTableExists(r -> r.tableName(TABLE));
            for (int i = 0; i < 20; i++) {
                put(dynamo, "before-" + i);
            }
            assertThat(dynamo.getItem(r -> r.tableName(TABLE).key(key("before-7"))).item())
                    .containsEntry("id", AttributeValue.fromS("before-7"));
            assertThat(dynamo.listTables().tableNames()).containsExactly(TABLE);
        }
    }

    @Test
    @Order(90)
    void isStillServingTwentySecondsAfterItStarted() throws Exception {
        long waited = System.nanoTime() - startedAt;
        long left = ALIVE_FOR.toNanos() - waited;
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
        assertThat(durable.isAlive()).as(durable.transcript()).isTrue();
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        try (DynamoDbClient dynamo = DynamoDbClients.at(endpoint)) {
            assertThat(dynamo.getItem(r -> r.tableName(TABLE).key(key("before-3"))).hasItem()).isTrue();
        }
    }

    /**
     * SIGTERM while writers are busy: every request the engine received is answered (no 5xx, no error response),
     * the exit status is 0, and the log's last words say the data was saved.
     */
    @Test
    @Order(91)
    void stopsOnSigtermWithStatusZeroAnsweringWhatItHolds() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Throwable> serverErrors = new ArrayList<>();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            running.add(writers.submit(() -> {
                try (DynamoDbClient dynamo = DynamoDbClients.at(endpoint)) {
                    for (int i = 0; !stop.get() && i < 100_000; i++) {
                        String id = "during-" + writer + "-" + i;
                        try {
                            put(dynamo, id);
                            acknowledged.add(id);
                        } catch (AwsServiceException e) {
                            synchronized (serverErrors) {
                                serverErrors.add(e);
                            }
                        } catch (SdkClientException e) {
                            return;   // the port closed: the engine is stopping
                        }
                    }
                }
            }));
        }
        try {
            Thread.sleep(500);
            assertThat(acknowledged).as("writes were under way").isNotEmpty();
            int status = durable.terminate(Duration.ofSeconds(60));
            assertThat(status).as(durable.transcript()).isZero();
        } finally {
            stop.set(true);
            for (Future<?> writer : running) {
                writer.get(60, TimeUnit.SECONDS);
            }
            writers.shutdownNow();
        }
        assertThat(serverErrors).isEmpty();
        assertThat(durable.output()).contains("saved and its lock released");
    }

    @Test
    @Order(92)
    void aRestartOnTheSameDataDirectoryFindsEveryAcknowledgedItem() {
        try (ChildProcess restarted = SingletableJar.command("engine-restarted", List.of("--engine-only",
                "--singletable.engine.port=0", "--singletable.engine.data-dir=" + dataDir)).start()) {
            URI again = SingletableJar.awaitEngine(restarted);
            try (DynamoDbClient dynamo = DynamoDbClients.at(again)) {
                Set<String> stored = dynamo.scanPaginator(r -> r.tableName(TABLE)).items().stream()
                        .map(item -> item.get("id").s())
                        .collect(Collectors.toCollection(HashSet::new));
                for (int i = 0; i < 20; i++) {
                    assertThat(stored).contains("before-" + i);
                }
                assertThat(stored).containsAll(acknowledged);
            }
            assertThat(restarted.terminate(Duration.ofSeconds(60))).as(restarted.transcript()).isZero();
        }
    }

    private static void put(DynamoDbClient dynamo, String id) {
        dynamo.putItem(r -> r.tableName(TABLE).item(Map.of("id", AttributeValue.fromS(id),
                "payload", AttributeValue.fromS("x".repeat(64)))));
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("id", AttributeValue.fromS(id));
    }
}
