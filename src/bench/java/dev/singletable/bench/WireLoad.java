package dev.singletable.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Closed-loop load over the DynamoDB wire protocol, driven by the AWS SDK v2 from this JVM against servers that each
 * run in their own JVM ({@link ServerProcess}): our port, DynamoDB Local's server and the null endpoint (the SDK
 * client's own ceiling) in the same run, same data, same threads. All servers start first; then each operation runs
 * against every target in turn, so a ratio compares figures taken seconds apart. Loopback only; bounded in time.
 * Besides ops/s and latency it reports CPU time per operation of the client JVM and of the server JVM (process CPU /
 * operations, JIT compiler threads left out), a figure that stays meaningful when other work shares the cores.
 *
 * <pre>./mvnw -Pbench test-compile exec:exec -Dbench.main=dev.singletable.bench.WireLoad -Dbench.args="8 5"</pre>
 * args: threads, seconds per operation, operations (names of {@link Operations}), targets (default
 * {@code singletable,dynamodb-local,null-endpoint}; the null endpoint runs only GET and PUT). Ratios are taken for
 * the first target against the second, and against the null endpoint's rate when it ran.
 * System properties (through the bench profile: {@code -Dbench.jvm="-Xmx6g -Dbench.warmup=20"}): {@code bench.http} =
 * {@code apache} (default), {@code apache5} or {@code urlconnection}; {@code bench.serverJvm} = the server JVMs'
 * options (default {@code -Xmx2g}); {@code bench.warmup} = the most seconds of warm-up per operation and target
 * (default 6, which bounds the default run near 3.5 min; about 2.5 min on an idle machine).
 */
public final class WireLoad {

    private static final String ALL_OPERATIONS = "GET,PUT,QUERY100,GSI_QUERY,TRANSACT4,BATCH_WRITE25,BATCH_GET100";
    private static final Set<Operations> CEILING_OPERATIONS = Set.of(Operations.GET, Operations.PUT);
    /** Warm-up windows: at least the minimum, then until CPU per operation settles, but never past the maximum. */
    private static final int MIN_WARM_UP_SECONDS = 2;

    private static final int MAX_WARM_UP_SECONDS = Integer.getInteger("bench.warmup", 6);
    private static final double JIT_QUIET = 0.05;

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Operations> operations = new ArrayList<>();
        for (String name : (args.length > 2 ? args[2] : ALL_OPERATIONS).split(",")) {
            operations.add(Operations.valueOf(name.trim()));
        }
        List<String> targets = List.of((args.length > 3
                        ? args[3]
                        : String.join(
                                ",", WireTargets.SINGLETABLE, WireTargets.DYNAMODB_LOCAL, WireTargets.NULL_ENDPOINT))
                .split(","));
        String serverJvm = System.getProperty("bench.serverJvm", "-Xmx2g");
        System.out.printf(
                Locale.ROOT,
                "%d SDK threads (%s HTTP client), %d s per operation after a warm-up of %d-%d s "
                        + "(until JIT < %.0f %% of CPU); server JVMs: %s%n",
                threads,
                httpClientName(),
                seconds,
                MIN_WARM_UP_SECONDS,
                MAX_WARM_UP_SECONDS,
                JIT_QUIET * 100,
                serverJvm);
        Map<String, Map<Operations, Result>> results = new LinkedHashMap<>();
        List<Server> servers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long lifetime = 120L + (long) operations.size() * targets.size() * (seconds + MAX_WARM_UP_SECONDS + 5L);
            for (String target : targets) {
                servers.add(Server.start(target, threads, lifetime, serverJvm));
                results.put(target, new LinkedHashMap<>());
            }
            // one short pass over everything first, so the first server measured does not pay alone for compiling
            // the client's SDK paths (the warm-up below then only has to settle each pair)
            for (Operations op : operations) {
                for (Server server : servers) {
                    if (server.runs(op)) {
                        measure(pool, server, op, threads, 1);
                    }
                }
            }
            // operation by operation, every target in turn: the ratios compare figures taken a few seconds apart,
            // not minutes apart on a machine whose load moves; the order rotates, so no target is always the one
            // measured while the client is still compiling that operation's paths
            for (int i = 0; i < operations.size(); i++) {
                Operations op = operations.get(i);
                List<Server> order = new ArrayList<>(servers);
                java.util.Collections.rotate(order, -i);
                for (Server server : order) {
                    if (!server.runs(op)) {
                        continue;
                    }
                    warmUp(pool, server, op, threads);
                    Result r = measure(pool, server, op, threads, seconds);
                    results.get(server.target).put(op, r);
                    TcpConnections.Counts sockets = TcpConnections.on(server.port);
                    System.out.printf(
                            Locale.ROOT,
                            "%-18s %-14s %8.0f ops/s  p50 %7.0f us  p99 %7.0f us  "
                                    + "p99.9 %7.0f us  CPU/op: client %5.0f us, server %5.0f us (JIT %.0f %%)  "
                                    + "sockets: %d established, %d time-wait%n",
                            server.target,
                            op,
                            r.opsPerSecond,
                            r.p50,
                            r.p99,
                            r.p999,
                            r.clientCpuMicros,
                            r.serverCpuMicros,
                            100 * r.jitShare,
                            sockets.established(),
                            sockets.timeWait());
                }
            }
        } finally {
            pool.shutdownNow();
            for (Server server : servers) {
                server.close();
            }
        }
        printSummary(targets, operations, results);
    }

    /** A target's server process and the SDK client that drives it. */
    private static final class Server implements AutoCloseable {
        final String target;
        final int port;
        final ServerProcess process;
        final DynamoDbClient client;

        private Server(String target, int port, ServerProcess process, DynamoDbClient client) {
            this.target = target;
            this.port = port;
            this.process = process;
            this.client = client;
        }

        static Server start(String target, int threads, long lifetime, String serverJvm) throws Exception {
            int port = WireTargets.freePort();
            ServerProcess process = ServerProcess.start(target, port, lifetime, serverJvm);
            return new Server(target, port, process, client(URI.create("http://127.0.0.1:" + port), threads));
        }

        /** The null endpoint's canned answers only make sense for the ceiling operations. */
        boolean runs(Operations op) {
            return WireTargets.holdsData(target) || CEILING_OPERATIONS.contains(op);
        }

        @Override
        public void close() {
            client.close();
            process.close();
        }
    }

    /**
     * Throughput, latency percentiles (µs), CPU µs per operation of the client and server JVMs, and the share of
     * that CPU their JIT compilers used (-1 if unknown).
     */
    record Result(
            double opsPerSecond,
            double p50,
            double p99,
            double p999,
            double clientCpuMicros,
            double serverCpuMicros,
            double jitShare) {}

    /**
     * Runs one-second windows until the JIT compilers of both JVMs have gone quiet (under {@link #JIT_QUIET} of the
     * window's CPU, twice in a row): a fresh JVM spends seconds of CPU compiling the SDK's and the server's paths
     * (thousands of methods), and the fixed two-second warm-up of earlier runs measured that compilation as if it were
     * the operations' cost. Without /proc, it falls back to the minimum warm-up.
     */
    private static void warmUp(ExecutorService pool, Server server, Operations op, int threads) throws Exception {
        StringBuilder trace = new StringBuilder();
        int quiet = 0;
        int second = 0;
        while (second < MAX_WARM_UP_SECONDS) {
            second++;
            Result r = measure(pool, server, op, threads, 1);
            trace.append(String.format(
                    Locale.ROOT, " %.0f/%.0f%%", r.clientCpuMicros + r.serverCpuMicros, 100 * r.jitShare));
            quiet = r.jitShare >= 0 && r.jitShare < JIT_QUIET ? quiet + 1 : 0;
            if (second >= MIN_WARM_UP_SECONDS && (quiet >= 2 || r.jitShare < 0)) {
                break;
            }
        }
        System.out.println("  warm-up, CPU us/op / JIT share of CPU, by second:" + trace);
    }

    private static Result measure(ExecutorService pool, Server target, Operations op, int threads, int seconds)
            throws Exception {
        DynamoDbClient client = target.client;
        ServerProcess server = target.process;
        Recorder recorder = new Recorder(3);
        long clientCpu0 = processCpuNanos();
        long serverCpu0 = server.cpuNanos();
        long self = ProcessHandle.current().pid();
        long clientJit0 = JitCpu.nanos(self);
        long serverJit0 = JitCpu.nanos(server.pid());
        long begin = System.nanoTime();
        long end = begin + Duration.ofSeconds(seconds).toNanos();
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
        double elapsed = (System.nanoTime() - begin) / 1e9;
        long clientCpu = processCpuNanos() - clientCpu0;
        long serverCpu = server.cpuNanos() - serverCpu0;
        // compiler threads that exit take their CPU time with them, so a drop reads as no compilation
        long clientJit = Math.max(0, JitCpu.nanos(self) - clientJit0);
        long serverJit = Math.max(0, JitCpu.nanos(server.pid()) - serverJit0);
        boolean known = clientJit0 >= 0 && serverJit0 >= 0;
        double jitShare = known ? (clientJit + serverJit) / (double) (clientCpu + serverCpu) : -1;
        if (known) {
            // the per-operation figures leave the compilers out: they are the steady state's cost, the share says
            // how far from it the JVMs still were
            clientCpu -= clientJit;
            serverCpu -= serverJit;
        }
        Histogram h = recorder.getIntervalHistogram();
        return new Result(
                total / elapsed,
                h.getValueAtPercentile(50),
                h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9),
                clientCpu / 1e3 / total,
                serverCpu / 1e3 / total,
                jitShare);
    }

    /**
     * One line per operation: each target's ops/s and CPU µs per operation (client/server); then the first target
     * against the second (ops/s ratio, and server CPU per operation of the second over the first's) and against
     * the null endpoint (share of its ops/s, and the same share computed from client + server CPU per operation,
     * which is what the rates would be on an otherwise idle machine where both are CPU-bound).
     */
    private static void printSummary(
            List<String> targets, List<Operations> operations, Map<String, Map<Operations, Result>> results) {
        String first = targets.get(0);
        String second = targets.size() > 1 && WireTargets.holdsData(targets.get(1)) ? targets.get(1) : null;
        boolean ceiling = targets.contains(WireTargets.NULL_ENDPOINT) && !first.equals(WireTargets.NULL_ENDPOINT);
        System.out.printf(Locale.ROOT, "%n%-14s", "operation");
        for (String target : targets) {
            System.out.printf(Locale.ROOT, " %22s %13s", target + " ops/s", "CPU us c/s");
        }
        System.out.printf(
                Locale.ROOT,
                "%s%s%n",
                second != null ? "    ratio  server-CPU ratio" : "",
                ceiling ? "  of ceiling  (by CPU)" : "");
        for (Operations op : operations) {
            System.out.printf(Locale.ROOT, "%-14s", op);
            for (String target : targets) {
                Result r = results.get(target).get(op);
                if (r == null) {
                    System.out.printf(Locale.ROOT, " %22s %13s", "-", "-");
                } else {
                    System.out.printf(
                            Locale.ROOT,
                            " %22.0f %13s",
                            r.opsPerSecond,
                            String.format(Locale.ROOT, "%.0f/%.0f", r.clientCpuMicros, r.serverCpuMicros));
                }
            }
            Result ours = results.get(first).get(op);
            if (second != null) {
                Result other = results.get(second).get(op);
                System.out.printf(
                        Locale.ROOT,
                        " %7.2fx %16.2fx",
                        ours.opsPerSecond / other.opsPerSecond,
                        other.serverCpuMicros / ours.serverCpuMicros);
            }
            Result nothing = ceiling ? results.get(WireTargets.NULL_ENDPOINT).get(op) : null;
            if (nothing != null) {
                System.out.printf(
                        Locale.ROOT,
                        "  %9.0f%%  %7.0f%%",
                        100 * ours.opsPerSecond / nothing.opsPerSecond,
                        100
                                * (nothing.clientCpuMicros + nothing.serverCpuMicros)
                                / (ours.clientCpuMicros + ours.serverCpuMicros));
            }
            System.out.println();
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static DynamoDbClient client(URI endpoint, int threads) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClient(httpClient(threads))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private static String httpClientName() {
        return System.getProperty("bench.http", "apache");
    }

    private static SdkHttpClient httpClient(int threads) {
        return switch (httpClientName()) {
            case "apache" ->
                ApacheHttpClient.builder().maxConnections(threads * 2).build();
            case "apache5" ->
                Apache5HttpClient.builder().maxConnections(threads * 2).build();
            case "urlconnection" -> UrlConnectionHttpClient.builder().build();
            default -> throw new IllegalArgumentException("bench.http: apache, apache5 or urlconnection");
        };
    }
}
