package dev.singletable.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.singletable.process.ChildProcess;
import dev.singletable.process.DynamoDbClients;
import dev.singletable.process.RawHttp1;
import dev.singletable.process.Readme;
import dev.singletable.process.SingletableJar;
import dev.singletable.process.WarmAwsCli;
import dev.singletable.support.DocumentedMeters;
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
import java.util.Optional;
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
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * {@code java -jar target/singletable.jar --engine-only} as a process, the way the README, {@code docker run} and the
 * compose file start it, with DynamoDB Local's flags: it serves until told to stop, answers the AWS SDK and the AWS CLI
 * over HTTP, stops on SIGTERM with status 0 after answering what it holds, and a restart on its data directory finds
 * every acknowledged write. A second engine on the same directory, an engine on a taken port and the service on a taken
 * engine port each fail with one clear line.
 *
 * <p>One JVM per mode: a durable engine and an in-memory one start together and serve the whole class; the processes
 * that must fail start while the others are checked, and the 20-second liveness check waits only for what is left of
 * those 20 seconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneEngineIT {

    private static final String TABLE = "standalone";
    private static final Duration ALIVE_FOR = Duration.ofSeconds(20);
    private static final Duration FAILS_WITHIN = Duration.ofSeconds(120);

    private Path dataDir;
    private ChildProcess durable;
    private ChildProcess inMemory;
    private URI durableEndpoint;
    private URI inMemoryEndpoint;
    private String corsOrigin;
    private long startedAt;
    private final List<ChildProcess> failing = new ArrayList<>();
    private ChildProcess secondOnSameDirectory;
    private ChildProcess engineOnTakenPort;
    private ChildProcess serviceOnTakenPort;
    private ChildProcess awsCli;

    private Optional<WarmAwsCli> warmCli = Optional.empty();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

    /**
     * The README's own commands for the standalone engine, run in a fresh directory (the durable one keeps its data in
     * {@code ./data} there) with their port made 0.
     */
    @BeforeAll
    void startTheEngines() throws Exception {
        List<Readme.Command> documented =
                Readme.read(Path.of("README.md")).section("The standalone engine").commands().stream()
                        .filter(c -> c.startsWith("java -jar target/singletable.jar --engine-only"))
                        .toList();
        List<String> durableArguments = SingletableJar.documentedArguments(documented.stream()
                .filter(c -> !c.text().contains("-inMemory"))
                .findFirst()
                .orElseThrow());
        List<String> inMemoryArguments = SingletableJar.documentedArguments(documented.stream()
                .filter(c -> c.text().contains("-inMemory"))
                .findFirst()
                .orElseThrow());
        assertThat(inMemoryArguments)
                .as("the README shows DynamoDB Local's flags")
                .contains("-sharedDb", "-cors", "-delayTransientStatuses", "-disableTelemetry");
        corsOrigin = inMemoryArguments.get(inMemoryArguments.indexOf("-cors") + 1);

        Path directory = Files.createTempDirectory("standalone-engine-");
        dataDir = directory.resolve("data");
        durable = SingletableJar.command("engine-durable", durableArguments)
                .directory(directory)
                .start();
        inMemory = SingletableJar.command("engine-in-memory", inMemoryArguments)
                .directory(Files.createTempDirectory("standalone-in-memory-"))
                .start();
        durableEndpoint = SingletableJar.awaitEngine(durable);
        inMemoryEndpoint = SingletableJar.awaitEngine(inMemory);
        startedAt = System.nanoTime(); // both are serving from here on

        int takenPort = durableEndpoint.getPort();
        Path elsewhere = Files.createTempDirectory("standalone-engine-other-");
        secondOnSameDirectory = failing(SingletableJar.command("engine-same-directory", durableArguments)
                .directory(directory));
        engineOnTakenPort = failing(SingletableJar.command(
                        "engine-taken-port",
                        List.of("--engine-only", "-port", Integer.toString(takenPort), "-inMemory"))
                .directory(elsewhere));
        serviceOnTakenPort = failing(SingletableJar.command(
                        "service-taken-engine-port",
                        List.of(
                                "--server.port=0",
                                "--singletable.engine.in-memory=true",
                                "--singletable.engine.port=" + takenPort))
                .directory(elsewhere));
        if (AwsCli.installed()) {
            warmCli = WarmAwsCli.start(List.of("dynamodb"));
            awsCli = AwsCli.smokeTest(durableEndpoint, warmCli);
        }
    }

    private ChildProcess failing(ChildProcess.Builder builder) {
        ChildProcess process = builder.start();
        failing.add(process);
        return process;
    }

    @AfterAll
    void stopEverything() {
        for (ChildProcess process : failing) {
            process.close();
        }
        for (ChildProcess process : new ChildProcess[] {awsCli, durable, inMemory}) {
            if (process != null) {
                process.close();
            }
        }
        warmCli.ifPresent(WarmAwsCli::close);
    }

    @Test
    @Order(1)
    void answersTheAwsSdkOverHttpDurableAndInMemory() {
        for (URI endpoint : List.of(durableEndpoint, inMemoryEndpoint)) {
            try (DynamoDbClient dynamo = DynamoDbClients.at(endpoint)) {
                dynamo.createTable(r -> r.tableName(TABLE)
                        .billingMode("PAY_PER_REQUEST")
                        .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                        .keySchema(k -> k.attributeName("id").keyType("HASH")));
                dynamo.waiter().waitUntilTableExists(r -> r.tableName(TABLE));
                for (int i = 0; i < 20; i++) {
                    put(dynamo, "before-" + i);
                }
                assertThat(dynamo.getItem(r -> r.tableName(TABLE).key(key("before-7")))
                                .item())
                        .containsEntry("id", AttributeValue.fromS("before-7"));
                assertThat(dynamo.listTables().tableNames()).contains(TABLE);
            }
        }
    }

    @Test
    @Order(2)
    void aSecondEngineOnTheSameDataDirectoryFailsWithOneLine() {
        assertFailsWithOneLine(
                secondOnSameDirectory,
                "singletable --engine-only: data directory "
                        + dataDir.toAbsolutePath().normalize()
                        + " is in use by another engine (singletable.engine.data-dir / -dbPath)");
    }

    @Test
    @Order(3)
    void anEngineOnATakenPortFailsWithOneLine() {
        assertFailsWithOneLine(
                engineOnTakenPort,
                "singletable --engine-only: port " + durableEndpoint.getPort()
                        + " is in use (singletable.engine.port / -port); is DynamoDB Local running?");
    }

    /** The service's failure analysis says the same, in Spring Boot's usual report and without a stack trace. */
    @Test
    @Order(4)
    void theServiceOnATakenEnginePortSaysWhich() {
        int status = serviceOnTakenPort.awaitExit(FAILS_WITHIN);
        assertThat(status).as(serviceOnTakenPort.transcript()).isNotZero();
        String output = serviceOnTakenPort.output() + serviceOnTakenPort.errors();
        assertThat(output)
                .contains(
                        "APPLICATION FAILED TO START",
                        "port " + durableEndpoint.getPort()
                                + " is in use (singletable.engine.port / -port); is DynamoDB Local running?");
        assertThat(output).doesNotContainPattern("\\n\\s+at [\\w.$]+\\(");
    }

    @Test
    @Order(5)
    void theAwsCliWorksAgainstTheEngine() {
        assumeTrue(awsCli != null, "the AWS CLI is not installed");
        int status = awsCli.awaitExit(Duration.ofSeconds(180));
        assertThat(status).as(awsCli.transcript()).isZero();
        assertThat(awsCli.output()).contains("ok: transaction", "ok: failed condition", "AWS CLI smoke test passed");
    }

    /** {@code -cors} lets the named origin's pages in, and nobody else's; no rebound Host name gets an answer. */
    @Test
    @Order(6)
    void onlyTheOriginNamedByCorsMayCallTheEngine() {
        RawHttp1.Response allowed = RawHttp1.preflight(inMemoryEndpoint, corsOrigin);
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.headers()).containsEntry("access-control-allow-origin", corsOrigin);
        assertThat(RawHttp1.listTables(inMemoryEndpoint, inMemoryEndpoint.getAuthority(), "Origin: " + corsOrigin)
                        .headers())
                .containsEntry("access-control-allow-origin", corsOrigin);

        for (URI endpoint : List.of(durableEndpoint, inMemoryEndpoint)) {
            RawHttp1.Response evil =
                    RawHttp1.listTables(endpoint, endpoint.getAuthority(), "Origin: https://evil.example");
            assertThat(evil.status()).isEqualTo(403);
            assertThat(evil.headers()).doesNotContainKey("access-control-allow-origin");
            assertThat(RawHttp1.preflight(endpoint, "https://evil.example").status())
                    .isEqualTo(403);
            RawHttp1.Response rebound = RawHttp1.listTables(endpoint, "evil.example:" + endpoint.getPort());
            assertThat(rebound.status()).isEqualTo(403);
            assertThat(rebound.body()).doesNotContain(TABLE);
        }
    }

    /**
     * {@code GET /metrics}: the engine's meters in Prometheus text, counting exactly the SDK traffic of the tests
     * above on the in-memory engine (the durable one also serves the AWS CLI's smoke test meanwhile), every engine
     * meter docs/operations.md names, no item; and the port's browser rules hold for it as for every request.
     */
    @Test
    @Order(7)
    void servesItsMetricsToPrometheus() throws Exception {
        try (DynamoDbClient dynamo = DynamoDbClients.at(inMemoryEndpoint)) {
            assertThatThrownBy(() -> dynamo.describeTable(r -> r.tableName("no-such-table")))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
        HttpResponse<String> scrape = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(inMemoryEndpoint.resolve("/metrics"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        String metrics = scrape.body();
        assertThat(metrics)
                .containsPattern(count("none", "CreateTable", "success", 1))
                .containsPattern(count("none", "PutItem", "success", 20))
                .containsPattern(count("none", "GetItem", "success", 1))
                .containsPattern(count("ResourceNotFoundException", "DescribeTable", "client_error", 1))
                .containsPattern(
                        "(?m)^singletable_engine_requests_seconds_bucket\\{error=\"none\",operation=\"PutItem\","
                                + "outcome=\"success\",le=\"0\\.001\"} \\d+$")
                // 20 items of under 1 KB, one write unit each
                .containsPattern("(?m)^singletable_engine_capacity_consumed_total\\{index=\"\",kind=\"write\",table=\""
                        + TABLE + "\"} 20(\\.0)?$")
                .contains("jvm_memory_used_bytes", "process_cpu_usage")
                .doesNotContain("before-7", "xxxxxxxx");

        RawHttp1.Response rebound = RawHttp1.exchange(
                inMemoryEndpoint,
                "GET /metrics HTTP/1.1\r\nHost: evil.example:" + inMemoryEndpoint.getPort()
                        + "\r\nConnection: close\r\n\r\n",
                "");
        assertThat(rebound.status()).isEqualTo(403);
        assertThat(rebound.body()).doesNotContain("singletable_engine");
        RawHttp1.Response crossOrigin = RawHttp1.exchange(
                inMemoryEndpoint,
                "GET /metrics HTTP/1.1\r\nHost: " + inMemoryEndpoint.getAuthority()
                        + "\r\nOrigin: https://evil.example\r\nConnection: close\r\n\r\n",
                "");
        assertThat(crossOrigin.status()).isEqualTo(403);
        assertThat(crossOrigin.headers()).doesNotContainKey("access-control-allow-origin");

        HttpResponse<String> durableScrape = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(durableEndpoint.resolve("/metrics"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(durableScrape.body())
                .containsPattern("(?m)^singletable_engine_storage_size_bytes [1-9]")
                .containsPattern("(?m)^singletable_engine_log_records_total [1-9]");
        // the durable engine has every meter the docs name (storage and log meters only exist there)
        List<String> documented = DocumentedMeters.inTable("| engine meter (Prometheus name) |");
        assertThat(documented).contains("singletable_engine_requests_seconds", "singletable_engine_storage_size_bytes");
        for (String meter : documented) {
            assertThat(durableScrape.body())
                    .as("docs/operations.md names %s", meter)
                    .containsPattern("(?m)^" + meter + "[_{ ]");
        }
    }

    @Test
    @Order(90)
    void bothAreStillServingTwentySecondsAfterTheyStarted() throws Exception {
        long left = ALIVE_FOR.toNanos() - (System.nanoTime() - startedAt);
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
        for (ChildProcess engine : List.of(durable, inMemory)) {
            assertThat(engine.isAlive()).as(engine.transcript()).isTrue();
        }
        for (URI endpoint : List.of(durableEndpoint, inMemoryEndpoint)) {
            HttpResponse<String> health = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(endpoint).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            try (DynamoDbClient dynamo = DynamoDbClients.at(endpoint)) {
                assertThat(dynamo.getItem(r -> r.tableName(TABLE).key(key("before-3")))
                                .hasItem())
                        .isTrue();
            }
        }
    }

    /**
     * SIGTERM while writers are busy: every request the engine received is answered (no error response), the exit
     * status is 0, and the log's last words say the data was saved. Ctrl-C (SIGINT) stops the other engine the same
     * way.
     */
    @Test
    @Order(91)
    void stopsOnSigtermWithStatusZeroAnsweringWhatItHolds() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Throwable> errorResponses = new ArrayList<>();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            running.add(writers.submit(() -> {
                try (DynamoDbClient dynamo = DynamoDbClients.at(durableEndpoint)) {
                    for (int i = 0; !stop.get() && i < 100_000; i++) {
                        String id = "during-" + writer + "-" + i;
                        try {
                            put(dynamo, id);
                            acknowledged.add(id);
                        } catch (AwsServiceException e) {
                            synchronized (errorResponses) {
                                errorResponses.add(e);
                            }
                        } catch (SdkClientException e) {
                            return; // the port closed: the engine is stopping
                        }
                    }
                }
            }));
        }
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (acknowledged.size() < 50 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(acknowledged).as("writes were under way").hasSizeGreaterThanOrEqualTo(50);
            assertThat(durable.terminate(Duration.ofSeconds(60)))
                    .as(durable.transcript())
                    .isZero();
            // Ctrl-C in a terminal
            assertThat(inMemory.interrupt(Duration.ofSeconds(60)))
                    .as(inMemory.transcript())
                    .isZero();
        } finally {
            stop.set(true);
            for (Future<?> writer : running) {
                writer.get(60, TimeUnit.SECONDS);
            }
            writers.shutdownNow();
        }
        assertThat(errorResponses).isEmpty();
        assertThat(durable.output()).contains("saved and its lock released");
    }

    /** Spring's own property names work as well as DynamoDB Local's flags. */
    @Test
    @Order(92)
    void aRestartOnTheSameDataDirectoryFindsEveryAcknowledgedItem() {
        try (ChildProcess restarted = SingletableJar.command(
                        "engine-restarted",
                        List.of(
                                "--engine-only",
                                "--singletable.engine.port=0",
                                "--singletable.engine.data-dir=" + dataDir))
                .start()) {
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
            assertThat(restarted.terminate(Duration.ofSeconds(60)))
                    .as(restarted.transcript())
                    .isZero();
        }
    }

    /** The line of a request count in the Prometheus text, exactly {@code count}. */
    private static String count(String error, String operation, String outcome, int count) {
        return "(?m)^singletable_engine_requests_seconds_count\\{error=\"" + error + "\",operation=\"" + operation
                + "\",outcome=\"" + outcome + "\"} " + count + "(\\.0)?$";
    }

    /** Status 1, exactly one line on standard error, and no stack trace anywhere. */
    private static void assertFailsWithOneLine(ChildProcess process, String line) {
        int status = process.awaitExit(FAILS_WITHIN);
        assertThat(status).as(process.transcript()).isEqualTo(1);
        assertThat(process.errors()).as(process.transcript()).isEqualTo(line + System.lineSeparator());
        assertThat(process.output())
                .as(process.transcript())
                .doesNotContainPattern("\\n\\s+at [\\w.$]+\\(")
                .doesNotContain("APPLICATION FAILED TO START");
    }

    private static void put(DynamoDbClient dynamo, String id) {
        dynamo.putItem(r -> r.tableName(TABLE)
                .item(Map.of("id", AttributeValue.fromS(id), "payload", AttributeValue.fromS("x".repeat(64)))));
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("id", AttributeValue.fromS(id));
    }
}
