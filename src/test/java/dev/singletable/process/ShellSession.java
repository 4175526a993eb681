package dev.singletable.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code bash} that runs documented commands one after another, as a reader would type them into a terminal:
 * variables, {@code source}d files and {@code export}s carry over from one command to the next. Each command's output
 * is what it printed between two markers; every {@code curl} also dumps its response headers to a file, so the test
 * sees the HTTP status even of a command whose output is captured into a variable. Stopped by PID on {@link #close()}.
 */
public final class ShellSession implements AutoCloseable {

    private static final AtomicInteger COMMANDS = new AtomicInteger();
    private static final Pattern STATUS_LINE = Pattern.compile("(?m)^HTTP/[\\d.]+ (\\d{3})");

    private final ChildProcess bash;
    private final Path headers;

    private ShellSession(ChildProcess bash, Path headers) {
        this.bash = bash;
        this.headers = headers;
    }

    /** A bash in {@code directory}; {@code curl} is wrapped to be quiet (no progress meter) and to dump headers. */
    public static ShellSession start(String name, Path directory) {
        ChildProcess bash = ChildProcess.command(name, List.of("bash", "--noprofile", "--norc"))
                .directory(directory)
                .environment("AWS_PAGER", "")
                .withInput()
                .start();
        Path headers = directory.resolve(".curl-headers");
        bash.send("curl() { command curl -sS -D \"$SHELL_SESSION_HEADERS\" \"$@\"; }\n");
        return new ShellSession(bash, headers);
    }

    /** From now on, {@code aws} in this shell is {@code cli} (the same CLI, started once). */
    public ShellSession using(WarmAwsCli cli) {
        bash.send(cli.shellFunction());
        return this;
    }

    /** Runs one command (it may span lines) and waits for it; fails the test after {@code timeout}. */
    public Result run(String command, Duration timeout) {
        int id = COMMANDS.incrementAndGet();
        String marker = "__command_" + id + "_done__";
        Path headerFile = headers.resolveSibling(".curl-headers-" + id);
        int outStart = bash.output().length();
        int errStart = bash.errors().length();
        bash.send("export SHELL_SESSION_HEADERS=" + headerFile + "\n" + command + "\n" + "printf '\\n" + marker
                + " %d\\n' $?; printf '\\n" + marker + "\\n' >&2\n");
        Matcher done = bash.awaitOutput(Pattern.compile("\\n" + marker + " (\\d+)\\n"), timeout);
        bash.awaitOutput(Pattern.compile(marker), Duration.ofSeconds(5));
        String output = bash.output().substring(outStart, done.start());
        String errors = bash.errors();
        errors = errors.substring(Math.min(errStart, errors.length()));
        int errEnd = errors.indexOf("\n" + marker);
        if (errEnd >= 0) {
            errors = errors.substring(0, errEnd);
        }
        String headerText = readIfPresent(headerFile);
        return new Result(Integer.parseInt(done.group(1)), output, errors, lastStatus(headerText), headerText);
    }

    /** The value of a shell variable now. */
    public String variable(String name) {
        return run("printf '%s' \"$" + name + "\"", Duration.ofSeconds(10)).output();
    }

    private static Integer lastStatus(String headerText) {
        Matcher matcher = STATUS_LINE.matcher(headerText);
        Integer status = null;
        while (matcher.find()) {
            status = Integer.valueOf(matcher.group(1));
        }
        return status;
    }

    private static String readIfPresent(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        bash.close();
    }

    /**
     * @param exitCode   the command's status ({@code $?})
     * @param httpStatus the status of the last HTTP response a {@code curl} in it received, or null
     * @param headers    the response headers its {@code curl}s received, or ""
     */
    public record Result(int exitCode, String output, String errors, Integer httpStatus, String headers) {}
}
