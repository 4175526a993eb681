package dev.singletable.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.core.EngineOptions;
import dev.singletable.table.EngineOnlyApplication;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A start that fails for a reason the user can fix says so in one line naming the setting to change, through Spring
 * Boot's failure analysis (the same line {@code --engine-only} prints alone on standard error: {@code
 * StandaloneEngineIT} runs that as a process for a taken port and a locked directory).
 */
class StartupFailureTest {

    @TempDir
    Path dir;

    @Test
    void aTakenPortNamesThePortAndDynamoDbLocal() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(failedStart(
                            "--singletable.engine.in-memory=true", "--singletable.engine.port=" + taken.getLocalPort()))
                    .isEqualTo("port " + taken.getLocalPort() + " is in use (singletable.engine.port / -port); "
                            + "is DynamoDB Local running?");
        }
    }

    @Test
    void damagedDataNamesTheDirectoryAndTheDamage() throws IOException {
        Path data = dir.resolve("data");
        try (EmbeddedEngine engine = EmbeddedEngine.open(EngineOptions.durable(data))) {
            engine.dynamoDbClient().createTable(r -> r.tableName("kept")
                    .billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName("id").attributeType("S"))
                    .keySchema(k -> k.attributeName("id").keyType("HASH")));
            for (int i = 0; i < 20; i++) {
                engine.dynamoDbClient().putItem(r -> r.tableName("kept")
                        .item(Map.of("id", AttributeValue.fromS("item-" + Math.random()))));
            }
        }
        Path snapshot;
        try (Stream<Path> files = Files.list(data)) {
            snapshot = files.filter(f -> f.getFileName().toString().endsWith(".snap"))
                    .findFirst()
                    .orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(snapshot);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(snapshot, bytes);

        assertThat(failedStart("--singletable.engine.data-dir=" + data, "--singletable.engine.port=0"))
                .startsWith("the data in " + data.toAbsolutePath() + " is damaged: ")
                .endsWith(" (singletable.engine.data-dir / -dbPath)")
                .doesNotContain("\n");
    }

    @Test
    void aDataDirectoryThatIsAFileSaysSo() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        assertThat(failedStart("--singletable.engine.data-dir=" + file, "--singletable.engine.port=0"))
                .isEqualTo("the data directory " + file + " cannot be used: " + file
                        + " is a file, not a directory (singletable.engine.data-dir / -dbPath)");
    }

    @Test
    void withoutAnAnalysisTheDeepestCauseIsTheLine() {
        assertThat(StartupFailureLine.oneLine(
                        "Failed to bind properties under 'x' to int:\n\n    Property: x\n" + "    Value: \"y\"\n"))
                .isEqualTo("Failed to bind properties under 'x' to int: Property: x; Value: \"y\"");
    }

    /** Starts the standalone engine in this JVM and returns the one line Boot's failure analysis gave. */
    private static String failedStart(String... arguments) {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(EngineOnlyApplication.class)
                .web(WebApplicationType.NONE)
                .run(List.of(arguments).toArray(String[]::new))
                .close());
        assertThat(failure).isNotNull();
        return StartupFailureLine.describe(failure);
    }
}
