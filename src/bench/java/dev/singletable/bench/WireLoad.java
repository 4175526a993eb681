package dev.singletable.bench;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.wire.WireServer;
import dev.singletable.engine.wire.WireServerOptions;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Closed-loop load over the DynamoDB wire protocol, driven by the AWS SDK v2: the engine's port and DynamoDB Local's
 * server in the same run, same data, same threads. Loopback only; bounded in time.
 *
 * <pre>./mvnw -Pbench test-compile exec:exec -Dbench.main=dev.singletable.bench.WireLoad -Dbench.args="8 10 GET,PUT"</pre>
 * args: threads, seconds per operation, operations (names of {@link Operations}), and optionally the targets
 * (default {@code singletable,dynamodb-local}; {@code null-endpoint} is a server that answers canned bodies, the SDK
 * client's own ceiling). The first target is the one the ratio is taken for, against the second.
 */
public final class WireLoad {

    public static void main(String[] args) throws Exception {
        // DynamoDB Local's server logs two INFO lines per request (through logback, in this JVM): that would measure
        // the logging, on the same two cores as both servers and the client
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<Operations> operations = new ArrayList<>();
        for (String name : (args.length > 2 ? args[2] : "GET,PUT,QUERY100,GSI_QUERY,TRANSACT4,BATCH_WRITE25,BATCH_GET100")
                .split(",")) {
            operations.add(Operations.valueOf(name.trim()));
        }
        List<String> targets = List.of((args.length > 3 ? args[3] : "singletable,dynamodb-local").split(","));
        Map<String, Map<String, double[]>> results = new LinkedHashMap<>();
        for (String target : targets) {
            results.put(target, run(target, threads, seconds, operations));
        }
        System.out.printf(Locale.ROOT, "%n%-14s", "operation");
        for (String target : targets) {
            System.out.printf(Locale.ROOT, " %16s", target + "/s");
        }
        System.out.printf(Locale.ROOT, " %8s%n", targets.size() > 1 ? "ratio" : "");
        for (Operations op : operations) {
            System.out.printf(Locale.ROOT, "%-14s", op);
            for (String target : targets) {
                System.out.printf(Locale.ROOT, " %16.0f", results.get(target).get(op.name())[0]);
            }
            if (targets.size() > 1) {
                System.out.printf(Locale.ROOT, " %7.2fx", results.get(targets.get(0)).get(op.name())[0]
                        / results.get(targets.get(1)).get(op.name())[0]);
            }
            System.out.println();
        }
    }

    /** Starts a target's server on the port: our wire server, DynamoDB Local's, or the null endpoint. */
    static AutoCloseable startServer(String target, int port) throws Exception {
        switch (target) {
            case "singletable" -> {
                EmbeddedEngine engine = EmbeddedEngine.inMemory();
                WireServer wire = WireServer.start(WireServerOptions.defaults().withPort(port), engine.dynamoDbClient(),
                        engine.dynamoDbStreamsClient());
                return () -> {
                    wire.close();
                    engine.close();
                };
            }
            case "dynamodb-local" -> {
                DynamoDBProxyServer local = ServerRunner.createServerFromCommandLineArgs(
                        new String[] {"-inMemory", "-port", Integer.toString(port), "-disableTelemetry"});
                local.start();
                return local::stop;
            }
            case "null-endpoint" -> {
                return NullEndpoint.start(port);
            }
            default -> throw new IllegalArgumentException("unknown target " + target);
        }
    }

    private static Map<String, double[]> run(String target, int threads, int seconds, List<Operations> operations)
            throws Exception {
        int port = freePort();
        AutoCloseable server = startServer(target, port);
        Map<String, double[]> results = new LinkedHashMap<>();
        try (DynamoDbClient client = client(URI.create("http://127.0.0.1:" + port), threads)) {
            Engines.load(client);
            for (Operations op : operations) {
                measure(client, op, threads, 2);           // warm-up
                double[] r = measure(client, op, threads, seconds);
                results.put(op.name(), r);
                System.out.printf(Locale.ROOT, "%-15s %-14s %9.0f ops/s  p50 %7.0f us  p99 %7.0f us  p99.9 %7.0f us%n",
                        target, op, r[0], r[1], r[2], r[3]);
            }
        } finally {
            server.close();
        }
        return results;
    }

    /** Returns {throughput, p50 µs, p99 µs, p99.9 µs}. */
    private static double[] measure(DynamoDbClient client, Operations op, int threads, int seconds) throws Exception {
        Recorder recorder = new Recorder(3);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Long>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                long count = 0;
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    op.run(client);
                    recorder.recordValue((System.nanoTime() - start) / 1_000);
                    count++;
                }
                return count;
            }));
        }
        long total = 0;
        for (Future<Long> f : done) {
            total += f.get();
        }
        pool.shutdown();
        Histogram h = recorder.getIntervalHistogram();
        return new double[] {total / (double) seconds, h.getValueAtPercentile(50), h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9)};
    }

    static DynamoDbClient client(URI endpoint, int threads) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClient(ApacheHttpClient.builder().maxConnections(threads * 2).build())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
