package dev.singletable.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;

/**
 * The service load test's driver: seeds a running {@link ServiceServer} (users, tweets, follows, products) and puts it
 * under fixed request rates (open loop, see {@link OpenLoop}) from this separate JVM, over loopback. Phases: read a
 * user's tweets, read the home timeline, (the ceiling), post a tweet, place an order; each a warm-up then a bounded
 * measured part.
 * Beside the latencies it prints the service JVM's process CPU per request (robust while others share the cores), and
 * for the writes also with their projections: before each phase the driver waits until the stream listener has
 * delivered nothing for {@value #QUIET_MILLIS} ms (its {@code singletable.streams.records.processed} counter, read from
 * /actuator/metrics as the seeded admin), and after a write phase it charges the CPU spent until the listener's last
 * delivery to the write ("+proj"). A rate of 0 skips its phase (e.g. {@code service-load.sh 15 0 200 100}: the
 * writes only). An optional fifth rate measures the ceiling endpoint after the reads ({@code CeilingController}: the
 * bytes of a page of tweets from memory, through the same filter chain): the tail of a request that does no store work
 * and leaves nothing on the heap, the control for the writes' tail on the same machine.
 *
 * <pre>src/bench/service-load.sh 15 2000 500 500</pre>
 * args: service port, service pid, seconds per phase, then the rates (req/s) of the reads, of POST /api/tweets,
 * of POST /api/orders and (optional, default 0) of the ceiling; or {@code seed} instead of the seconds: seed only,
 * add two authors for the fan-out ({@code loner}, whom nobody follows, and {@code star}, whom every seeded user
 * follows), print {@code SEEDED <user0's token> <the admin's token> <loner's token> <star's token>} and stop (for
 * src/bench/service-wrk.sh, which reads the stream listener's progress from /actuator/metrics with the admin's
 * token).
 */
public final class ServiceLoad {

    private static final int USERS = 50;
    private static final int TWEETS_PER_USER = 20;
    private static final int FOLLOWS_PER_USER = 10;
    private static final int PRODUCTS = 20;
    private static final int CONNECTIONS = 64;
    private static final int WARM_UP_SECONDS = 5;
    private static final int SEED_THREADS = 4;
    static final long QUIET_MILLIS = 3000;
    private static final long SETTLE_LIMIT_MILLIS = 300_000;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final int port;
    private final long servicePid;
    private final String base;
    private final List<String> tokens = new ArrayList<>();
    private String adminToken = "";

    private ServiceLoad(int port, long servicePid) {
        this.port = port;
        this.servicePid = servicePid;
        this.base = "http://127.0.0.1:" + port;
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long pid = Long.parseLong(args[1]);
        if (args.length > 2 && "seed".equals(args[2])) {
            // for src/bench/service-wrk.sh: the same data, then one user's token for the signed-in paths
            ServiceLoad seeder = new ServiceLoad(port, pid);
            seeder.seed();
            String[] authors = seeder.fanOutAuthors();
            System.out.println("SEEDED " + seeder.tokens.get(0) + " "
                    + seeder.login(ServiceServer.ADMIN_USERNAME, ServiceServer.ADMIN_PASSWORD) + " " + authors[0] + " "
                    + authors[1]);
            return;
        }
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        int readRate = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
        int tweetRate = args.length > 4 ? Integer.parseInt(args[4]) : 500;
        int orderRate = args.length > 5 ? Integer.parseInt(args[5]) : 500;
        int ceilingRate = args.length > 6 ? Integer.parseInt(args[6]) : 0;
        ServiceLoad load = new ServiceLoad(port, pid);
        long seeding = System.nanoTime();
        load.seed();
        load.adminToken = load.login(ServiceServer.ADMIN_USERNAME, ServiceServer.ADMIN_PASSWORD);
        System.out.printf(
                Locale.ROOT,
                "seeded %d users, %d tweets, %d follows, %d products in %.1f s%n",
                USERS,
                USERS * TWEETS_PER_USER,
                USERS * FOLLOWS_PER_USER,
                PRODUCTS,
                (System.nanoTime() - seeding) / 1e9);
        LongFunction<byte[]> tweets = k -> load.get("/api/users/user" + (k % USERS) + "/tweets?limit=20", null);
        LongFunction<byte[]> ceiling = k -> load.get("/api/users/user" + (k % USERS) + "/tweets-ceiling", null);
        LongFunction<byte[]> timeline = k -> load.get("/api/timeline?limit=20", load.tokens.get((int) (k % USERS)));
        LongFunction<byte[]> tweet = k -> load.post(
                "/api/tweets", "{\"text\":\"load test tweet " + k + "\"}", load.tokens.get((int) (k % USERS)), null);
        LongFunction<byte[]> order = k -> load.post(
                "/api/orders",
                "{\"items\":[{\"sku\":\"SKU-" + (k % PRODUCTS) + "\",\"quantity\":1},{\"sku\":\"SKU-"
                        + ((k + 7) % PRODUCTS) + "\",\"quantity\":2}]}",
                load.tokens.get((int) (k % USERS)),
                UUID.randomUUID().toString());
        // every path once at a quarter of its rate before anything is measured, so the first phase is not charged
        // with the JIT compiling the code they all share (filters, serialisation, the store client)
        OpenLoop warmUp = new OpenLoop("127.0.0.1", port, CONNECTIONS);
        for (LongFunction<byte[]> path : List.of(ceiling, tweets, timeline, tweet, order)) {
            int rate = path == ceiling ? ceilingRate : path == tweet ? tweetRate : path == order ? orderRate : readRate;
            if (rate > 0) {
                warmUp.run(Math.max(1, rate / 4), WARM_UP_SECONDS, path);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%-27s %8s %8s %8s %8s %9s %8s %6s %11s %10s %10s %7s%n",
                "phase (open loop)",
                "target/s",
                "done/s",
                "p50 ms",
                "p99 ms",
                "p99.9 ms",
                "max ms",
                "errors",
                "svc CPU ms",
                "+proj ms",
                "gen CPU ms",
                "p99/p50");
        load.phase("GET /api/users/{u}/tweets", readRate, seconds, tweets, false);
        load.phase("GET /api/timeline", readRate, seconds, timeline, false);
        load.phase("GET …/tweets-ceiling", ceilingRate, seconds, ceiling, false);
        load.phase("POST /api/tweets", tweetRate, seconds, tweet, true);
        load.phase("POST /api/orders", orderRate, seconds, order, true);
        System.out.println("(CPU ms: process CPU time of the service's / the generator's JVM per measured request;"
                + " +proj: the service's until the stream listener's last delivery after the phase, projections"
                + " included)");
    }

    /**
     * One phase: a warm-up at the rate, then {@code seconds} measured, with the service's CPU over that part (and for a
     * write until its projections are done). Each phase starts once the stream listener has nothing left to do.
     */
    private void phase(String name, int rate, int seconds, LongFunction<byte[]> requests, boolean write)
            throws Exception {
        if (rate <= 0) {
            return;
        }
        OpenLoop loop = new OpenLoop("127.0.0.1", port, CONNECTIONS);
        loop.run(rate, WARM_UP_SECONDS, requests);
        settle();
        long serviceCpu = cpuNanos(servicePid);
        long ownCpu = cpuNanos(ProcessHandle.current().pid());
        OpenLoop.Result r = loop.run(rate, seconds, requests);
        double serviceMs = (cpuNanos(servicePid) - serviceCpu) / 1e6 / r.done();
        double ownMs = (cpuNanos(ProcessHandle.current().pid()) - ownCpu) / 1e6 / r.done();
        String withProjections = "-";
        if (write) {
            long settled = settle();
            withProjections = settled < 0
                    ? "unsettled"
                    : String.format(Locale.ROOT, "%.3f", (settled - serviceCpu) / 1e6 / r.done());
        }
        Histogram h = r.histogram();
        double p50 = h.getValueAtPercentile(50) / 1000.0;
        double p99 = h.getValueAtPercentile(99) / 1000.0;
        System.out.printf(
                Locale.ROOT,
                "%-27s %8d %8.0f %8.2f %8.2f %9.2f %8.1f %6d %11.3f %10s %10.3f %7.1f%n",
                name,
                rate,
                r.rate(),
                p50,
                p99,
                h.getValueAtPercentile(99.9) / 1000.0,
                h.getMaxValue() / 1000.0,
                r.errors(),
                serviceMs,
                withProjections,
                ownMs,
                p50 > 0 ? p99 / p50 : 0);
    }

    /**
     * Waits until the service's stream listener has delivered nothing for {@link #QUIET_MILLIS} (at most five minutes).
     *
     * @return the service's CPU time (ns) at the listener's last delivery, or -1 when it did not settle in time
     */
    private long settle() throws Exception {
        long deadline = System.nanoTime() + SETTLE_LIMIT_MILLIS * 1_000_000;
        double last = processed();
        long cpuAtLast = cpuNanos(servicePid);
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < QUIET_MILLIS * 1_000_000) {
            if (System.nanoTime() > deadline) {
                return -1;
            }
            Thread.sleep(200);
            double now = processed();
            if (now != last) {
                last = now;
                cpuAtLast = cpuNanos(servicePid);
                quietSince = System.nanoTime();
            }
        }
        return cpuAtLast;
    }

    /** The listener's singletable.streams.records.processed counter, from /actuator/metrics (admins only). */
    private double processed() throws Exception {
        String body = send(
                HttpRequest.newBuilder(URI.create(base + "/actuator/metrics/singletable.streams.records.processed"))
                        .header("Authorization", "Bearer " + adminToken)
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                200);
        int at = body.indexOf("\"value\":") + 8;
        int end = at;
        while (end < body.length() && "0123456789.Ee+-".indexOf(body.charAt(end)) >= 0) {
            end++;
        }
        return Double.parseDouble(body.substring(at, end));
    }

    private static long cpuNanos(long pid) {
        return ProcessHandle.of(pid)
                .flatMap(p -> p.info().totalCpuDuration())
                .map(Duration::toNanos)
                .orElseThrow(() -> new IllegalStateException("no CPU time for process " + pid));
    }

    private byte[] get(String path, String token) {
        StringBuilder request = new StringBuilder(256)
                .append("GET ")
                .append(path)
                .append(" HTTP/1.1\r\nHost: 127.0.0.1:")
                .append(port)
                .append("\r\nAccept: application/json\r\n");
        if (token != null) {
            request.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        return request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] post(String path, String json, String token, String idempotencyKey) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(512)
                .append("POST ")
                .append(path)
                .append(" HTTP/1.1\r\nHost: 127.0.0.1:")
                .append(port)
                .append("\r\nAccept: application/json\r\nContent-Type: application/json\r\nContent-Length: ")
                .append(body.length)
                .append("\r\nAuthorization: Bearer ")
                .append(token)
                .append("\r\n");
        if (idempotencyKey != null) {
            request.append("Idempotency-Key: ").append(idempotencyKey).append("\r\n");
        }
        return request.append("\r\n").append(json).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Users on a few threads (sign-up and log-in each spend a bcrypt hash), then their tweets, then their follows. */
    private void seed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SEED_THREADS);
        try {
            String[] userTokens = new String[USERS];
            forEach(pool, USERS, u -> {
                send(
                        seedPost(
                                "/api/users",
                                "{\"username\":\"user" + u + "\",\"email\":\"user" + u
                                        + "@example.com\",\"displayName\":\"User " + u + "\",\"password\":\"password-"
                                        + u
                                        + "\"}",
                                null),
                        201);
                userTokens[u] = login("user" + u, "password-" + u);
            });
            tokens.addAll(List.of(userTokens));
            forEach(pool, USERS, u -> {
                for (int t = 0; t < TWEETS_PER_USER; t++) {
                    send(seedPost("/api/tweets", "{\"text\":\"seed tweet " + t + "\"}", tokens.get(u)), 201);
                }
            });
            // follows once every tweet is in, so each follow backfills the same tweets into the home timeline
            forEach(pool, USERS, u -> {
                for (int f = 1; f <= FOLLOWS_PER_USER; f++) {
                    send(
                            HttpRequest.newBuilder(URI.create(
                                            base + "/api/users/user" + u + "/following/user" + ((u + f) % USERS)))
                                    .header("Authorization", "Bearer " + tokens.get(u))
                                    .PUT(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            204);
                }
            });
            String admin = login(ServiceServer.ADMIN_USERNAME, ServiceServer.ADMIN_PASSWORD);
            forEach(
                    pool,
                    PRODUCTS,
                    p -> send(
                            seedPost(
                                    "/api/products",
                                    "{\"sku\":\"SKU-" + p
                                            + "\",\"name\":\"Product " + p
                                            + "\",\"category\":\"bench\",\"priceCents\":100,"
                                            + "\"stock\":1000000000}",
                                    admin),
                            201));
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Two more users, to measure the timeline's fan-out per follower: {@code loner} (no followers) and {@code star}
     * (followed by every seeded user; posts nothing here, so the follows backfill nothing).
     *
     * @return their tokens, loner's first
     */
    private String[] fanOutAuthors() throws Exception {
        String[] authors = {"loner", "star"};
        String[] authorTokens = new String[authors.length];
        for (int a = 0; a < authors.length; a++) {
            send(
                    seedPost(
                            "/api/users",
                            "{\"username\":\"" + authors[a] + "\",\"email\":\"" + authors[a]
                                    + "@example.com\",\"displayName\":\"" + authors[a] + "\",\"password\":\"password-"
                                    + authors[a] + "\"}",
                            null),
                    201);
            authorTokens[a] = login(authors[a], "password-" + authors[a]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(SEED_THREADS);
        try {
            forEach(
                    pool,
                    USERS,
                    u -> send(
                            HttpRequest.newBuilder(URI.create(base + "/api/users/user" + u + "/following/star"))
                                    .header("Authorization", "Bearer " + tokens.get(u))
                                    .PUT(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            204));
        } finally {
            pool.shutdown();
        }
        return authorTokens;
    }

    private interface SeedStep {
        void run(int index) throws Exception;
    }

    private static void forEach(ExecutorService pool, int count, SeedStep step) throws Exception {
        List<Future<?>> steps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            steps.add(pool.submit(() -> {
                step.run(index);
                return null;
            }));
        }
        for (Future<?> f : steps) {
            f.get();
        }
    }

    private String login(String username, String password) throws Exception {
        String body = send(
                seedPost(
                        "/api/sessions", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", null),
                201);
        int at = body.indexOf("\"token\":\"") + 9;
        return body.substring(at, body.indexOf('"', at));
    }

    private String send(HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(
                    request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private HttpRequest seedPost(String path, String json, String token) {
        // generous: on a shared 2-core machine at load 30+ a sign-up (a bcrypt hash) has waited over 10 s
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }
}
