package dev.singletable.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.singletable.engine.EmbeddedEngine;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code scripts/aws-cli-smoke.sh} against the engine's port, where the AWS CLI is installed; skipped otherwise. */
class AwsCliSmokeTest {

    @Test
    void theAwsCliWorksAgainstTheEnginePort() throws Exception {
        assumeTrue(onPath("aws"), "the AWS CLI is not installed");
        try (EmbeddedEngine engine = EmbeddedEngine.inMemory();
                WireServer server = WireServer.start(WireServerOptions.defaults(), engine.dynamoDbClient(),
                        engine.dynamoDbStreamsClient())) {
            Process cli = new ProcessBuilder("bash", "scripts/aws-cli-smoke.sh", server.endpoint().toString())
                    .redirectErrorStream(true)
                    .start();
            boolean finished = cli.waitFor(180, TimeUnit.SECONDS);
            String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!finished) {
                cli.destroyForcibly();
            }
            assertThat(finished).as("the script finished in time; output so far: %s", output).isTrue();
            assertThat(cli.exitValue()).as(output).isZero();
            assertThat(output).contains("ok: transaction", "ok: failed condition", "AWS CLI smoke test passed");
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (new File(dir, command).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
