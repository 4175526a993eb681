package dev.singletable.bench;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * What one store call costs the service's side of the wire, by SDK client setting (issue 21: over the wire, every
 * store call pays the SDK's fixed cost). The client is built as {@code table/DynamoDbConfiguration} builds it in
 * endpoint mode (endpoint override, static credentials, the Apache client, no SDK retries), with and without the
 * setting measured, and calls {@link NullEndpoint} in the same JVM (canned answers, no parsing), so the difference
 * between two settings is the client's alone. Single thread, one GetItem or PutItem per operation.
 * {@code rules}: the SDK resolves the endpoint through DynamoDB's endpoint rules on every call (the SDK's default);
 * {@code fixed}: a fixed endpoint provider answers with the configured URL (what endpoint mode does now).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class StoreClientBenchmark {

    @Param({"rules", "fixed"})
    public String endpoint;

    /** The SDK HTTP client: {@code apache} (the service's default), {@code apache5} or {@code urlconnection}. */
    @Param({"apache"})
    public String http;

    private NullEndpoint server;
    private DynamoDbClient client;
    private final GetItemRequest get = GetItemRequest.builder()
            .tableName(Engines.TABLE)
            .key(Engines.key(1))
            .consistentRead(true)
            .build();
    private final PutItemRequest put = PutItemRequest.builder()
            .tableName(Engines.TABLE)
            .item(Engines.item(1))
            .build();

    @Setup(Level.Trial)
    public void start() throws InterruptedException {
        server = NullEndpoint.start(0);
        URI uri = URI.create("http://127.0.0.1:" + server.port());
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .endpointOverride(uri)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClient(httpClient(http))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        if (endpoint.equals("fixed")) {
            Endpoint fixed = Endpoint.builder().url(uri).build();
            builder.endpointProvider(params -> CompletableFuture.completedFuture(fixed));
        }
        client = builder.build();
    }

    private static SdkHttpClient httpClient(String name) {
        return switch (name) {
            case "apache" -> ApacheHttpClient.create();
            case "apache5" -> Apache5HttpClient.create();
            case "urlconnection" -> UrlConnectionHttpClient.create();
            default -> throw new IllegalArgumentException("unknown HTTP client " + name);
        };
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        client.close();
        server.close();
    }

    /**
     * The same comparison by the calling thread's own CPU time, which a loaded machine disturbs far less than wall
     * time: the clients in one JVM, alternately, {@code rounds} times {@code calls} GetItem and PutItem each, then
     * the CPU per call pair of each setting and its ratio to the first, round by round. Settings are
     * {@code endpoint/http} pairs (default {@code rules/apache,fixed/apache}).
     * {@code java -cp "$CP" dev.singletable.bench.StoreClientBenchmark [rounds=5] [calls=20000] [settings]}, e.g.
     * {@code 8 20000 fixed/apache,fixed/urlconnection,fixed/apache5}.
     */
    public static void main(String[] args) throws InterruptedException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        String[] settings = (args.length > 2 ? args[2] : "rules/apache,fixed/apache").split(",");
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        List<StoreClientBenchmark> benches = new java.util.ArrayList<>();
        for (String setting : settings) {
            StoreClientBenchmark bench = new StoreClientBenchmark();
            bench.endpoint = setting.substring(0, setting.indexOf('/'));
            bench.http = setting.substring(setting.indexOf('/') + 1);
            bench.start();
            benches.add(bench);
        }
        try {
            for (int round = 0; round <= rounds; round++) { // round 0 warms all up and is not printed
                long[] ns = new long[benches.size()];
                for (int i = 0; i < benches.size(); i++) {
                    StoreClientBenchmark bench = benches.get(i);
                    long start = threads.getCurrentThreadCpuTime();
                    for (int c = 0; c < calls; c++) {
                        bench.getItem();
                        bench.putItem();
                    }
                    ns[i] = threads.getCurrentThreadCpuTime() - start;
                }
                if (round > 0) {
                    StringBuilder line = new StringBuilder("round " + round + ": CPU per GetItem+PutItem pair:");
                    for (int i = 0; i < benches.size(); i++) {
                        line.append(String.format(
                                java.util.Locale.ROOT,
                                " %s %.1f us (%.3f)",
                                settings[i],
                                ns[i] / 1e3 / calls,
                                (double) ns[i] / ns[0]));
                    }
                    System.out.println(line.append(" (load ")
                            .append(java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                                    .getSystemLoadAverage())
                            .append(')'));
                }
            }
        } finally {
            for (StoreClientBenchmark bench : benches) {
                bench.stop();
            }
        }
    }

    @Benchmark
    public Map<String, AttributeValue> getItem() {
        return client.getItem(get).item();
    }

    @Benchmark
    public Object putItem() {
        return client.putItem(put);
    }
}
