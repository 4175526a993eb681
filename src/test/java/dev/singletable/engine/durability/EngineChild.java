package dev.singletable.engine.durability;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.core.EngineOptions;
import dev.singletable.engine.wire.WireServer;
import dev.singletable.engine.wire.WireServerOptions;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A durable engine as a process of its own, reached only over the wire: the child JVM of {@link ProcessCrashTest}.
 * Opens (recovering) the data directory, serves DynamoDB's protocol on 127.0.0.1 at an ephemeral port, prints
 * {@code PORT <n>} and serves until it is killed. Arguments: data directory, sync policy.
 */
public final class EngineChild {

    private EngineChild() {}

    public static void main(String[] args) throws java.io.IOException {
        EngineOptions options = EngineOptions.durable(Path.of(args[0]))
                .withSyncPolicy(EngineOptions.SyncPolicy.valueOf(args[1]), Duration.ofMillis(1))
                // small files, so that kills also land while snapshots are written and segments roll
                .withSnapshotAfterLogBytes(512 * 1024)
                .withLogSegmentBytes(256 * 1024)
                // the load hammers a few keys, far beyond DynamoDB's per-partition ceiling
                .withThrottling(false);
        EmbeddedEngine engine = EmbeddedEngine.open(options);
        WireServer server = WireServer.start(
                WireServerOptions.defaults().withInlineReads(true),
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
