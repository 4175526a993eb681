package dev.singletable.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child process started by a test, stopped by its PID. Its standard output and error go to two files (no pipe can
 * fill up and stall it), which the test reads while it runs and which stay behind under {@code target/process-tests}
 * for a failure's post-mortem. {@link #close()} stops it (SIGTERM, then SIGKILL after a grace period) and its
 * descendants: use it in try-with-resources or a {@code finally}.
 */
public final class ChildProcess implements AutoCloseable {

    /** How long {@link #close()} waits after SIGTERM before it sends SIGKILL. */
    public static final Duration GRACE = Duration.ofSeconds(15);

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Path LOGS = Path.of("target", "process-tests");

    private final String name;
    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ChildProcess(String name, Process process, Path stdout, Path stderr) {
        this.name = name;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** A command to start; nothing runs before {@link Builder#start()}. */
    public static Builder command(String name, List<String> command) {
        return new Builder(name, command);
    }

    /** The {@code java} executable of the JVM running the tests (the one Maven runs on). */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Writes to the child's standard input (a child started {@link Builder#withInput() withInput()}). */
    public void send(String text) {
        try {
            process.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(name + " does not take input any more", e);
        }
    }

    /** Everything written to standard output so far. */
    public String output() {
        return read(stdout);
    }

    /** Everything written to standard error so far. */
    public String errors() {
        return read(stderr);
    }

    /** Standard output and error, labelled: for assertion messages. */
    public String transcript() {
        return "---- " + name + " (pid " + pid() + ") stdout ----\n" + output() + "\n---- stderr ----\n" + errors();
    }

    /**
     * Waits until standard output matches {@code pattern} and returns the match; fails at once if the process exits
     * first, and after {@code timeout} otherwise, with the output in the message.
     */
    public Matcher awaitOutput(Pattern pattern, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Matcher matcher = pattern.matcher(output());
            if (matcher.find()) {
                return matcher;
            }
            if (!process.isAlive()) {
                // one last look: the line may have been written just before the exit
                matcher = pattern.matcher(output());
                if (matcher.find()) {
                    return matcher;
                }
                throw new AssertionError(name + " exited with status " + process.exitValue() + " before printing /"
                        + pattern + "/\n" + transcript());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        name + " did not print /" + pattern + "/ within " + timeout + "\n" + transcript());
            }
            sleep(50);
        }
    }

    /** Waits for the process to end by itself and returns its status; fails (and kills it) after {@code timeout}. */
    public int awaitExit(Duration timeout) {
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
        throw new AssertionError(name + " did not exit within " + timeout + "\n" + transcript());
    }

    /**
     * Sends SIGTERM ({@link ProcessHandle#destroy()} on Unix) and waits up to {@code timeout} for the exit status.
     * Fails, after a SIGKILL, if the process does not stop in time.
     */
    public int terminate(Duration timeout) {
        process.toHandle().destroy();
        return awaitExit(timeout);
    }

    /** Sends SIGINT, what Ctrl-C in a terminal sends, and waits up to {@code timeout} for the exit status. */
    public int interrupt(Duration timeout) {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid()))
                    .inheritIO()
                    .start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new AssertionError("kill -INT " + pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return awaitExit(timeout);
    }

    /** SIGKILL, for crash tests: no shutdown hook runs. Returns once the process is gone. */
    public void kill() {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.toHandle().destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the process if it still runs: SIGTERM, then SIGKILL after {@link #GRACE}. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = process.toHandle().descendants().toList();
        process.toHandle().destroy();
        try {
            if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.toHandle().destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.toHandle().destroyForcibly();
        } finally {
            descendants.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** What to start, where, and with which environment. */
    public static final class Builder {

        private final String name;
        private final List<String> command;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<String> removedEnvironment = new ArrayList<>();
        private Path directory;
        private boolean input;

        private Builder(String name, List<String> command) {
            this.name = name;
            this.command = List.copyOf(command);
        }

        /** The working directory (default: the test's). */
        public Builder directory(Path newDirectory) {
            this.directory = newDirectory;
            return this;
        }

        /** Gives the child a pipe as standard input, for {@link ChildProcess#send} (otherwise it reads nothing). */
        public Builder withInput() {
            this.input = true;
            return this;
        }

        /** Sets a variable in the child's environment (which otherwise is the test JVM's). */
        public Builder environment(String variable, String value) {
            environment.put(variable, value);
            return this;
        }

        public Builder environment(Map<String, String> variables) {
            environment.putAll(variables);
            return this;
        }

        /** Removes a variable the child would inherit. */
        public Builder withoutEnvironment(String variable) {
            removedEnvironment.add(variable);
            return this;
        }

        public ChildProcess start() {
            try {
                Files.createDirectories(LOGS);
                String stem = name + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
                Path stdout = LOGS.resolve(stem + ".out").toAbsolutePath();
                Path stderr = LOGS.resolve(stem + ".err").toAbsolutePath();
                ProcessBuilder builder = new ProcessBuilder(command)
                        .redirectOutput(stdout.toFile())
                        .redirectError(stderr.toFile())
                        .redirectInput(
                                input
                                        ? ProcessBuilder.Redirect.PIPE
                                        : ProcessBuilder.Redirect.from(new File("/dev/null")));
                if (directory != null) {
                    builder.directory(directory.toFile());
                }
                removedEnvironment.forEach(builder.environment()::remove);
                builder.environment().putAll(environment);
                return new ChildProcess(name, builder.start(), stdout, stderr);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start " + command, e);
            }
        }
    }
}
