package dev.singletable.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.engine.EmbeddedEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connections that hold the server's memory or sockets hostage (issue #17, finding 4), from raw sockets. Before,
 * 1 500 connections that sent only the headers of a POST declaring a 16 MB body took the engine from 180 MB to
 * 2.1 GB (each got a 1 MB buffer up front), a 256 MB engine stopped answering with 200 of them, and no idle
 * connection was ever closed. Now the memory follows the bytes that arrived, a request must arrive whole within the
 * request timeout, idle connections are closed, connections and buffered bytes are capped, and header blocks and
 * request lines are limited to 16 KB.
 */
class SlowConnectionsTest {

    private static final String TARGET = "DynamoDB_20120810.ListTables";

    @TempDir
    Path dir;

    @Test
    void aSmallHeapEngineProcessSurvivesManyHeaderOnlyPostsAndClosesThem() throws Exception {
        Path log = dir.resolve("child.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        // 48 MB of heap: 150 connections that each got a 1 MB buffer up front would exhaust it
        Process child = new ProcessBuilder(
                        java,
                        "-Xmx48m",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        WireChild.class.getName(),
                        "2000",
                        "3000")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        List<Socket> slow = new ArrayList<>();
        try {
            int port = awaitPort(child, log);
            for (int i = 0; i < 150; i++) {
                Socket s = connect(port);
                send(
                        s,
                        "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.0\r\n"
                                + "X-Amz-Target: " + TARGET + "\r\nContent-Length: 16000000\r\n\r\n");
                slow.add(s);
            }
            Thread.sleep(500);
            // the server still answers, and in memory
            try (Socket probe = connect(port)) {
                assertThat(exchange(probe, listTables())).startsWith("HTTP/1.1 200");
            }
            assertThat(child.isAlive()).isTrue();
            // each slow request is given up after the request timeout (3 s): the server closes its connection
            for (Socket s : slow) {
                assertThat(closedByServer(s, Duration.ofSeconds(15)))
                        .as("a slow request's connection")
                        .isTrue();
            }
            // an idle keep-alive connection is closed after the idle timeout (2 s)
            try (Socket idle = connect(port)) {
                assertThat(exchange(idle, listTables())).startsWith("HTTP/1.1 200");
                long start = System.nanoTime();
                assertThat(closedByServer(idle, Duration.ofSeconds(15)))
                        .as("an idle connection")
                        .isTrue();
                assertThat(System.nanoTime() - start).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(1500));
            }
            assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
        } finally {
            for (Socket s : slow) {
                s.close();
            }
            child.toHandle().destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void bufferedBytesFollowWhatArrivedAndStayWithinTheBudget() throws Exception {
        WireLimits limits =
                WireLimits.defaults().withMaxBufferedBytes(1024 * 1024).withRequestTimeout(Duration.ofSeconds(20));
        try (Server server = new Server(limits)) {
            List<Socket> open = new ArrayList<>();
            try {
                for (int i = 0; i < 50; i++) {
                    Socket s = connect(server.port());
                    send(
                            s,
                            "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.0\r\n"
                                    + "X-Amz-Target: " + TARGET + "\r\nContent-Length: 16000000\r\n\r\n");
                    open.add(s);
                }
                awaitBuffered(server, 50 * 4096L);
                assertThat(server.wire.bufferedBytes()).isLessThanOrEqualTo(50 * 4096L);
                // a body that would take the buffered bytes past the budget is refused (503, retryable)
                try (Socket big = connect(server.port())) {
                    send(
                            big,
                            "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.0\r\n"
                                    + "X-Amz-Target: " + TARGET + "\r\nContent-Length: 2000000\r\n\r\n");
                    big.getOutputStream().write(new byte[1_500_000]);
                    String answer = read(big);
                    assertThat(answer).startsWith("HTTP/1.1 503").contains("ServiceUnavailable");
                }
                assertThat(server.wire.bufferedBytes()).isLessThanOrEqualTo(limits.maxBufferedBytes());
            } finally {
                for (Socket s : open) {
                    s.close();
                }
            }
            awaitBuffered(server, 0);
            try (Socket after = connect(server.port())) {
                assertThat(exchange(after, listTables())).startsWith("HTTP/1.1 200");
            }
        }
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeAnyOfTheBodyArrives() throws Exception {
        try (Server server = new Server(WireLimits.defaults())) {
            try (Socket s = connect(server.port())) {
                // no Expect: 100-continue, and not one byte of the body: the answer must not wait for it
                String answer = exchange(
                        s,
                        "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                                + "application/x-amz-json-1.0\r\nX-Amz-Target: " + TARGET + "\r\nContent-Length: "
                                + (WireServerOptions.DEFAULT_MAX_BODY_BYTES + 1) + "\r\n\r\n");
                assertThat(answer).startsWith("HTTP/1.1 413");
                assertThat(server.wire.bufferedBytes()).isZero();
            }
            try (Socket s = connect(server.port())) {
                assertThat(exchange(s, listTables())).startsWith("HTTP/1.1 200");
            }
        }
    }

    @Test
    void aBodyTricklingInIsGivenUpAfterTheRequestTimeout() throws Exception {
        try (Server server = new Server(WireLimits.defaults().withRequestTimeout(Duration.ofMillis(1500)))) {
            try (Socket s = connect(server.port())) {
                send(
                        s,
                        "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.0\r\n"
                                + "X-Amz-Target: " + TARGET + "\r\nContent-Length: 1000\r\n\r\n");
                long start = System.nanoTime();
                boolean closed = false;
                // one byte every 100 ms: never idle, never done
                while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(15)) {
                    try {
                        s.getOutputStream().write(' ');
                        s.getOutputStream().flush();
                    } catch (IOException e) {
                        closed = true;
                        break;
                    }
                    if (closedByServer(s, Duration.ofMillis(100))) {
                        closed = true;
                        break;
                    }
                }
                assertThat(closed).as("closed by the server").isTrue();
                assertThat(System.nanoTime() - start).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(1000));
            }
        }
    }

    @Test
    void connectionsBeyondTheCapAreClosedAtOnce() throws Exception {
        try (Server server = new Server(WireLimits.defaults().withMaxConnections(10))) {
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 10; i++) {
                    Socket s = connect(server.port());
                    assertThat(exchange(s, listTables())).startsWith("HTTP/1.1 200");
                    held.add(s);
                }
                try (Socket extra = connect(server.port())) {
                    assertThat(closedByServer(extra, Duration.ofSeconds(5)))
                            .as("the 11th connection")
                            .isTrue();
                }
            } finally {
                for (Socket s : held) {
                    s.close();
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (server.wire.openConnections() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            try (Socket s = connect(server.port())) {
                assertThat(exchange(s, listTables())).startsWith("HTTP/1.1 200");
            }
        }
    }

    @Test
    void headerBlocksAndRequestLinesOver16KbAreRefused() throws Exception {
        try (Server server = new Server(WireLimits.defaults())) {
            try (Socket s = connect(server.port())) {
                String answer = exchange(
                        s,
                        "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: " + TARGET + "\r\nX-Filler: "
                                + "f".repeat(17 * 1024) + "\r\nContent-Length: 2\r\n\r\n{}");
                assertThat(answer).startsWith("HTTP/1.1 431");
                assertThat(closedByServer(s, Duration.ofSeconds(5))).isTrue();
            }
            try (Socket s = connect(server.port())) {
                String answer = exchange(
                        s,
                        "POST /" + "p".repeat(17 * 1024) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "X-Amz-Target: "
                                + TARGET + "\r\nContent-Length: 2\r\n\r\n{}");
                assertThat(answer).startsWith("HTTP/1.1 414");
            }
            try (Socket s = connect(server.port())) {
                // within the limit all is well
                String answer = exchange(
                        s,
                        "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                                + "application/x-amz-json-1.0\r\nX-Amz-Target: " + TARGET + "\r\nX-Filler: "
                                + "f".repeat(15 * 1024) + "\r\nContent-Length: 2\r\n\r\n{}");
                assertThat(answer).startsWith("HTTP/1.1 200");
            }
        }
    }

    // ---- helpers

    /** An in-memory engine behind a wire server with the given limits. */
    private static final class Server implements AutoCloseable {
        final EmbeddedEngine engine = EmbeddedEngine.inMemory();
        final WireServer wire;

        Server(WireLimits limits) {
            wire = WireServer.start(WireServerOptions.defaults().withLimits(limits), engine.dynamoDbClient(), null);
        }

        int port() {
            return wire.port();
        }

        @Override
        public void close() {
            wire.close();
            engine.close();
        }
    }

    private static void awaitBuffered(Server server, long atMost) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.wire.bufferedBytes() > atMost && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static String listTables() {
        return "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.0\r\nX-Amz-Target: "
                + TARGET + "\r\nContent-Length: 2\r\n\r\n{}";
    }

    private static Socket connect(int port) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setSoTimeout(10_000);
        return s;
    }

    private static void send(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Sends a request and reads the response head and whatever body follows in the first read. */
    private static String exchange(Socket s, String request) throws IOException {
        send(s, request);
        return read(s);
    }

    private static String read(Socket s) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        int n = s.getInputStream().read(buffer);
        return n <= 0 ? "" : new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
    }

    /** Whether the server closes the connection (end of stream or reset) within the time given. */
    private static boolean closedByServer(Socket s, Duration within) throws IOException {
        int saved = s.getSoTimeout();
        long deadline = System.nanoTime() + within.toNanos();
        try {
            InputStream in = s.getInputStream();
            byte[] sink = new byte[4096];
            while (System.nanoTime() < deadline) {
                s.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                try {
                    if (in.read(sink) < 0) {
                        return true;
                    }
                } catch (SocketTimeoutException e) {
                    return false;
                } catch (IOException reset) {
                    return true;
                }
            }
            return false;
        } finally {
            if (!s.isClosed()) {
                s.setSoTimeout(saved);
            }
        }
    }

    private static int awaitPort(Process child, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && child.isAlive()) {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.startsWith("PORT ")) {
                    return Integer.parseInt(line.substring(5).trim());
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the engine process did not start: " + Files.readString(log));
    }
}
