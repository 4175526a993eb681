package dev.singletable.bench;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.core.EngineOptions;
import dev.singletable.engine.wire.WireServer;
import dev.singletable.engine.wire.WireServerOptions;
import java.net.ServerSocket;

/**
 * The servers a wire benchmark can drive: {@code singletable} (our wire server over an in-memory engine, throttling
 * off as in {@link Engines}), {@code dynamodb-local} (DynamoDB Local's own HTTP server, in memory) and
 * {@code null-endpoint} ({@link NullEndpoint}: canned answers, the SDK client's ceiling). Our server runs reads on
 * its I/O threads ({@link WireServerOptions#inlineReads}): the in-memory engine's reads never block;
 * {@code singletable-pooled} is the same server without that, for comparison. Its item writes run on the I/O threads
 * too ({@link WireServerOptions#inlineWrites}: the in-memory engine never waits for a disk), as the application's
 * in-memory engine runs them; {@code singletable-worker-writes} hands them to the worker pool, for comparison.
 */
final class WireTargets {

    static final String SINGLETABLE = "singletable";
    static final String DYNAMODB_LOCAL = "dynamodb-local";
    static final String NULL_ENDPOINT = "null-endpoint";
    /** Our server with every operation handed to the worker pool (the default for an arbitrary backend). */
    static final String SINGLETABLE_POOLED = "singletable-pooled";
    /** Our server with reads on the I/O threads and item writes handed to the worker pool. */
    static final String SINGLETABLE_WORKER_WRITES = "singletable-worker-writes";

    private WireTargets() {}

    /** Starts a target's server on a loopback port; closing the result stops it. */
    static AutoCloseable start(String target, int port) throws Exception {
        switch (target) {
            case SINGLETABLE, SINGLETABLE_POOLED, SINGLETABLE_WORKER_WRITES -> {
                EmbeddedEngine engine =
                        EmbeddedEngine.open(EngineOptions.inMemory().withThrottling(false));
                WireServerOptions options = WireServerOptions.defaults()
                        .withPort(port)
                        .withInlineReads(!SINGLETABLE_POOLED.equals(target))
                        .withInlineWrites(SINGLETABLE.equals(target));
                WireServer wire = WireServer.start(options, engine.dynamoDbClient(), engine.dynamoDbStreamsClient());
                return () -> {
                    wire.close();
                    engine.close();
                };
            }
            case DYNAMODB_LOCAL -> {
                DynamoDBProxyServer local = ServerRunner.createServerFromCommandLineArgs(
                        new String[] {"-inMemory", "-port", Integer.toString(port), "-disableTelemetry"});
                local.start();
                return local::stop;
            }
            case NULL_ENDPOINT -> {
                return NullEndpoint.start(port);
            }
            default -> throw new IllegalArgumentException("unknown target " + target);
        }
    }

    /** Whether the target holds data (the null endpoint answers canned bodies and needs none). */
    static boolean holdsData(String target) {
        return !NULL_ENDPOINT.equals(target);
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * DynamoDB Local's server logs two INFO lines per request through logback: that would measure the logging, on the
     * same two cores as the servers and the client.
     */
    static void quietLogging() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
    }
}
