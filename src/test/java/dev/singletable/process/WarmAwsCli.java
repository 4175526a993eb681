package dev.singletable.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The AWS CLI started once for a test class ({@code warm-aws-server.py}): each documented {@code aws …} command still
 * runs the CLI's own code with the command's arguments, environment, directory and standard streams, but in a child
 * forked from a Python that has already imported the CLI and parsed the services' models, so it costs about a tenth
 * of a cold start (which is 1.2 s of CPU, most of a course page's time). Where the CLI or a Python with
 * {@code socket.send_fds} (3.9+) is missing, {@link #start} answers empty and the shells use the real {@code aws}.
 */
public final class WarmAwsCli implements AutoCloseable {

    private static final Path SCRIPTS = Path.of("src/test/resources/dev/singletable/process");

    private final ChildProcess server;
    private final String python;
    private final Path socket;

    private WarmAwsCli(ChildProcess server, String python, Path socket) {
        this.server = server;
        this.python = python;
        this.socket = socket;
    }

    /** Starts the server with the models of {@code services} parsed (e.g. {@code dynamodb}, {@code dynamodbstreams}). */
    public static Optional<WarmAwsCli> start(List<String> services) {
        Optional<String> python = pythonWithTheCli();
        if (python.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path socket = Files.createTempDirectory("warm-aws-").resolve("cli.sock");
            List<String> command = new ArrayList<>(List.of(
                    python.get(),
                    SCRIPTS.resolve("warm-aws-server.py").toAbsolutePath().toString(),
                    socket.toString()));
            command.addAll(services);
            ChildProcess server = ChildProcess.command("warm-aws-cli", command).start();
            server.awaitOutput(Pattern.compile("READY"), Duration.ofSeconds(60));
            return Optional.of(new WarmAwsCli(server, python.get(), socket));
        } catch (IOException | AssertionError e) {
            return Optional.empty();
        }
    }

    /** The bash lines that make {@code aws} in a shell this CLI. */
    String shellFunction() {
        return "export WARM_AWS_SOCKET='" + socket + "'\n" + "aws() { " + clientCommand() + "; }\n";
    }

    /**
     * The environment that makes {@code aws} in a bash script this CLI, the script itself unchanged: bash imports a
     * function exported as {@code BASH_FUNC_aws%%}, and a function is found before a command on the PATH.
     */
    public Map<String, String> scriptEnvironment() {
        return Map.of("WARM_AWS_SOCKET", socket.toString(), "BASH_FUNC_aws%%", "() { " + clientCommand() + "\n}");
    }

    private String clientCommand() {
        return "'" + python + "' -S '" + SCRIPTS.resolve("warm-aws-client.py").toAbsolutePath() + "' \"$@\"";
    }

    /** The interpreter the installed {@code aws} runs on (pyenv's shims hide it), if it can import the CLI. */
    private static Optional<String> pythonWithTheCli() {
        try {
            Process probe = new ProcessBuilder(
                            "bash",
                            "-c",
                            "command -v aws >/dev/null && python3 -c 'import socket, sys, awscli; socket.send_fds; "
                                    + "print(sys.executable)'")
                    .redirectErrorStream(true)
                    .start();
            String output = new String(probe.getInputStream().readAllBytes()).trim();
            if (!probe.waitFor(30, TimeUnit.SECONDS) || probe.exitValue() != 0 || output.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(output.lines().reduce((first, second) -> second).orElseThrow());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
