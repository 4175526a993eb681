package dev.singletable.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.table.EngineProperties;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The command line's meaning, decided before anything starts (the processes themselves: {@code CommandLineIT}). */
class CommandLineTest {

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-help", "-h"})
    void helpWinsWhateverElseIsGiven(String help) {
        assertThat(CommandLine.parse("--engine-only", "-nonsense", help).mode()).isEqualTo(CommandLine.Mode.HELP);
        Printed printed = answer(CommandLine.parse(help));
        assertThat(printed.status).isZero();
        assertThat(printed.out)
                .contains(
                        "--engine-only",
                        "-port N",
                        "-dbPath DIR",
                        "-cors ORIGINS",
                        "-principalsFile FILE",
                        "singletable.engine.auth.principals-file",
                        "Examples:");
        assertThat(printed.err).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-version"})
    void versionPrintsOneLine(String version) {
        Printed printed = answer(CommandLine.parse(version));
        assertThat(printed.status).isZero();
        assertThat(printed.out).startsWith("singletable ").contains("Java ").hasLineCount(1);
    }

    @Test
    void dynamoDbLocalFlagsBecomeTheEnginesProperties() {
        CommandLine command = CommandLine.parse(
                "--engine-only",
                "-port",
                "8001",
                "-dbPath",
                "/tmp/ddb",
                "-sharedDb",
                "-disableTelemetry",
                "-cors",
                "https://a.example,https://b.example",
                "-delayTransientStatuses",
                "-optimizeDbBeforeStartup",
                "--singletable.engine.sync=fsync");
        assertThat(command.mode()).isEqualTo(CommandLine.Mode.ENGINE);
        assertThat(command.springArguments())
                .containsExactlyInAnyOrder(
                        "--singletable.storage.mode=embedded",
                        "--singletable.engine.port=8001",
                        "--singletable.engine.data-dir=/tmp/ddb",
                        "--singletable.engine.shared-db=true",
                        "--singletable.engine.cors.allowed-origins=https://a.example,https://b.example",
                        "--singletable.engine.delay-transient-statuses=true",
                        "--singletable.engine.sync=fsync");

        EngineProperties engine = bind(CommandLine.parse("--engine-only", "-inMemory", "-port", "0"));
        assertThat(engine.inMemory()).isTrue();
        assertThat(engine.port()).isZero();
        assertThat(engine.sharedDb())
                .as("each region has its own tables unless -sharedDb")
                .isFalse();
        assertThat(bind(CommandLine.parse("--engine-only", "-sharedDb")).sharedDb())
                .isTrue();
        assertThat(bind(CommandLine.parse("--engine-only", "-principalsFile", "/etc/principals.json"))
                        .auth()
                        .principalsFile())
                .as("access control (docs/access-control.md)")
                .isEqualTo(java.nio.file.Path.of("/etc/principals.json"));
        assertThat(engine.auth().principalsFile()).as("off unless configured").isNull();
    }

    @Test
    void theServiceGetsItsArgumentsUnchanged() {
        CommandLine command = CommandLine.parse("--spring.profiles.active=demo", "--debug");
        assertThat(command.mode()).isEqualTo(CommandLine.Mode.SERVICE);
        assertThat(command.springArguments()).containsExactly("--spring.profiles.active=demo", "--debug");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--engine-only -port                          | -port needs a value",
                "--engine-only -port 70000                    | -port needs a number from 0 to 65535",
                "--engine-only -port eight                    | -port needs a number from 0 to 65535",
                "--engine-only -port -1                       | -port needs a value",
                "--engine-only -dbPath                        | -dbPath needs a value",
                "--engine-only -inMemory -dbPath /tmp/x       | -inMemory and -dbPath contradict each other",
                "--engine-only -optimizeDbBeforeStartup       | -optimizeDbBeforeStartup needs -dbPath",
                "--engine-only -port 1 -port 2                | -port is given twice",
                "--engine-only -port 1 --singletable.engine.port=2 | -port and --singletable.engine.port set the same thing",
                "--engine-only --singletable.storage.mode=aws | --engine-only always runs the bundled engine",
                "--engine-only -inmemory                      | unknown flag -inmemory",
                "--engine-only -Dsingletable.engine.port=1    | unknown flag -Dsingletable.engine.port=1",
                "--engine-only 8000                           | unexpected argument '8000'",
                "-port 8001                                   | -port is a flag of the standalone engine: add --engine-only",
                "--server.port 8081                           | unexpected argument '8081'"
            })
    void aWrongCommandLineIsAnErrorWithTheUsageText(String arguments, String error) {
        CommandLine command = CommandLine.parse(arguments.trim().split("\\s+"));
        assertThat(command.mode()).isEqualTo(CommandLine.Mode.INVALID);
        Printed printed = answer(command);
        assertThat(printed.status).isEqualTo(2);
        assertThat(printed.out).isEmpty();
        assertThat(printed.err).startsWith("singletable: ").contains(error).contains("Usage:", "-port N");
    }

    /** The usage text's defaults are the ones the engine's properties really have. */
    @Test
    void theUsageTextStatesTheRealDefaults() {
        EngineProperties defaults = bind(Map.of());
        String usage = Usage.text();
        assertThat(usage)
                .contains("singletable.engine.port=" + defaults.port() + " ")
                .contains("-port N                   the port (default " + defaults.port())
                .contains("singletable.engine.bind-address=" + defaults.bindAddress() + " ")
                .contains("singletable.engine.data-dir=./data ", "the data directory (default ./data)")
                .contains("singletable.engine.in-memory=" + defaults.inMemory() + " ")
                .contains("singletable.engine.sync=" + defaults.sync().name().toLowerCase() + " ")
                .contains("singletable.engine.throttling.enabled="
                        + defaults.throttling().enabled() + " ");
        assertThat(defaults.dataDir().normalize()).isEqualTo(Path.of("./data").normalize());
        for (DynamoDbLocalFlag flag : DynamoDbLocalFlag.values()) {
            assertThat(usage).contains("  " + flag.flag() + (flag.takesValue() ? " " + flag.argument() : ""));
            if (flag.property() != null) {
                assertThat(usage).contains(flag.property());
            }
        }
    }

    private static EngineProperties bind(CommandLine command) {
        Map<String, String> properties = new java.util.HashMap<>();
        for (String argument : command.springArguments()) {
            String[] pair = argument.substring(2).split("=", 2);
            properties.put(pair[0], pair[1]);
        }
        return bind(properties);
    }

    private static EngineProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("singletable.engine", EngineProperties.class);
    }

    private static Printed answer(CommandLine command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = command.answer(
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Printed(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Printed(int status, String out, String err) {}
}
