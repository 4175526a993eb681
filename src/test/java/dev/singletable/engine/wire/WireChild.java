package dev.singletable.engine.wire;

import dev.singletable.engine.EmbeddedEngine;
import java.time.Duration;

/**
 * An in-memory engine behind its wire port, as a process of its own (the child JVM of {@link SlowConnectionsTest}):
 * prints {@code PORT <n>} and serves until killed. Arguments: idle timeout and request timeout in milliseconds; every
 * other limit is the default, so the child's small heap is what the defaults must protect.
 */
public final class WireChild {

    private WireChild() {}

    public static void main(String[] args) throws java.io.IOException {
        EmbeddedEngine engine = EmbeddedEngine.inMemory();
        WireLimits limits = WireLimits.defaults()
                .withIdleTimeout(Duration.ofMillis(Long.parseLong(args[0])))
                .withRequestTimeout(Duration.ofMillis(Long.parseLong(args[1])));
        WireServer server = WireServer.start(
                WireServerOptions.defaults().withInlineReads(true).withLimits(limits),
                engine.dynamoDbClient(),
                engine.dynamoDbStreamsClient());
        System.out.println("PORT " + server.port());
        System.out.flush();
        // serves until killed, or until the test JVM that started it ends however it ends (it holds this process's
        // stdin: the pipe closes), so that no engine outlives its test
        while (System.in.read() >= 0) {
            // nothing is ever sent
        }
        Runtime.getRuntime().halt(0);
    }
}
