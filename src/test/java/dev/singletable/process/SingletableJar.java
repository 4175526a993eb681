package dev.singletable.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged {@code target/singletable.jar}, started the way the README starts it ({@code java -jar …}) with the
 * {@code java} that runs the tests. Failsafe names the jar in the system property {@code singletable.jar}.
 */
public final class SingletableJar {

    /** A generous bound for a start on a busy two-core machine (several builds at once). */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(300);

    /**
     * Options of the child JVMs only, never of what is tested: a smaller heap, one GC thread and the C1 compiler make
     * a start cheaper on a shared two-core machine.
     */
    static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private static final Pattern STARTED = Pattern.compile("Started \\w+ in [\\d.]+ seconds");
    private static final Pattern ENGINE_ENDPOINT =
            Pattern.compile("DynamoDB wire server listening on (http://[\\w.:\\[\\]-]+)");
    private static final Pattern SERVICE_PORT = Pattern.compile("Tomcat started on port (\\d+)");

    private SingletableJar() {}

    public static Path path() {
        Path jar = Path.of(System.getProperty("singletable.jar", "target/singletable.jar"))
                .toAbsolutePath();
        assertThat(jar).as("the packaged jar (./mvnw package builds it)").isRegularFile();
        return jar;
    }

    /** {@code java <child JVM options> -jar target/singletable.jar <arguments>}, not yet started. */
    public static ChildProcess.Builder command(String name, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.java());
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(path().toString());
        command.addAll(arguments);
        return ChildProcess.command(name, command);
    }

    /**
     * The arguments of a documented {@code java -jar target/singletable.jar …} command, with its port made {@code 0}
     * (any free one: the documented port may be taken on a machine that runs several builds).
     */
    public static List<String> documentedArguments(Readme.Command command) {
        String prefix = "java -jar target/singletable.jar";
        if (!command.startsWith(prefix)) {
            throw new AssertionError("not a " + prefix + " command: " + command.text());
        }
        List<String> arguments = new ArrayList<>(List.of(command.text()
                .substring(prefix.length())
                .replace("\\\n", " ")
                .trim()
                .split("\\s+")));
        int port = arguments.indexOf("-port");
        if (port >= 0) {
            arguments.set(port + 1, "0");
            return arguments;
        }
        arguments.removeIf(argument -> argument.startsWith("--singletable.engine.port="));
        arguments.add("--singletable.engine.port=0");
        return arguments;
    }

    /** Waits for "Started …" and returns the engine's DynamoDB endpoint, read from its log. */
    public static URI awaitEngine(ChildProcess process) {
        process.awaitOutput(STARTED, START_TIMEOUT);
        return URI.create(process.awaitOutput(ENGINE_ENDPOINT, Duration.ZERO).group(1));
    }

    /** Waits for "Started …" and returns the service's base URL ({@code http://127.0.0.1:<port>}) from its log. */
    public static URI awaitService(ChildProcess process) {
        process.awaitOutput(STARTED, START_TIMEOUT);
        Matcher port = process.awaitOutput(SERVICE_PORT, Duration.ZERO);
        return URI.create("http://127.0.0.1:" + port.group(1));
    }
}
