package dev.singletable.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.process.ChildProcess;
import dev.singletable.process.SingletableJar;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The jar's command line as a process: {@code --help} and {@code -version} answer and start nothing; an unknown flag is
 * an error with the usage text. None of them reaches Spring, so each is a short JVM start.
 */
class CommandLineIT {

    private static final Duration QUICKLY = Duration.ofSeconds(60);

    @Test
    void helpVersionAndAnUnknownFlagAnswerWithoutStartingAnything() {
        try (ChildProcess help =
                        SingletableJar.command("help", List.of("--help")).start();
                ChildProcess version = SingletableJar.command("version", List.of("--engine-only", "-version"))
                        .start();
                ChildProcess unknown = SingletableJar.command(
                                "unknown-flag", List.of("--engine-only", "-port", "0", "-inMemori"))
                        .start()) {
            assertThat(help.awaitExit(QUICKLY)).as(help.transcript()).isZero();
            assertThat(help.output())
                    .contains(
                            "Usage:",
                            "--engine-only",
                            "-port N",
                            "-dbPath DIR",
                            "-inMemory",
                            "-sharedDb",
                            "-cors ORIGINS",
                            "-delayTransientStatuses",
                            "-disableTelemetry",
                            "Examples:");
            assertThat(help.errors()).isEmpty();

            assertThat(version.awaitExit(QUICKLY)).as(version.transcript()).isZero();
            assertThat(version.output()).startsWith("singletable 0.").contains("commit", "Java ");

            assertThat(unknown.awaitExit(QUICKLY)).as(unknown.transcript()).isEqualTo(2);
            assertThat(unknown.errors())
                    .startsWith("singletable: unknown flag -inMemori")
                    .contains("Usage:");
            assertThat(unknown.output()).isEmpty();

            for (ChildProcess process : List.of(help, version, unknown)) {
                assertThat(process.output()).doesNotContain("Started", "listening on");
            }
        }
    }
}
