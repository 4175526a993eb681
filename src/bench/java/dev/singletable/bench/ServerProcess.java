package dev.singletable.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One benchmark server in its own JVM ({@link WireServers} on the same classpath), so the load generator's CPU and
 * the server's are separate and measurable: {@link #cpuNanos()} reads the child's process CPU time from the OS.
 */
final class ServerProcess implements AutoCloseable {

    private final Process process;

    private ServerProcess(Process process) {
        this.process = process;
    }

    /**
     * Forks the server and waits until its data is loaded (READY). It stops itself after {@code lifetimeSeconds}
     * even if this JVM dies without closing it.
     *
     * @param jvmOptions the child's JVM options, space-separated (e.g. {@code -Xmx2g})
     */
    static ServerProcess start(String target, int port, long lifetimeSeconds, String jvmOptions) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        for (String option : jvmOptions.trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        String sqliteDir = System.getProperty("org.sqlite.tmpdir");
        if (sqliteDir != null) {
            command.add("-Dorg.sqlite.tmpdir=" + sqliteDir);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(WireServers.class.getName());
        command.add(Long.toString(lifetimeSeconds));
        command.add(target + "=" + port);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DDB_LOCAL_TELEMETRY", "0");
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        Process process = builder.start();
        ServerProcess server = new ServerProcess(process);
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.equals("READY")) {
            if (!line.contains("listening on")) {
                System.err.println("[" + target + "] " + line);
            }
        }
        if (line == null) {
            server.close();
            throw new IOException(target + " server exited before it was ready");
        }
        // keep draining its output (warnings) so the child never blocks on a full pipe
        Thread drain = new Thread(
                () -> {
                    try {
                        String more;
                        while ((more = out.readLine()) != null) {
                            System.err.println("[" + target + "] " + more);
                        }
                    } catch (IOException ignored) {
                        // the child is gone
                    }
                },
                "drain-" + target);
        drain.setDaemon(true);
        drain.start();
        return server;
    }

    long pid() {
        return process.pid();
    }

    /** The server JVM's CPU time (user + system, all threads) so far, as the OS accounts it. */
    long cpuNanos() {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
