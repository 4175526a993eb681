package dev.singletable.bench;

import dev.singletable.SingletableApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service under a fixed request rate (open loop, so a slow response delays nothing but itself and latency is
 * measured from when each request was due: no coordinated omission), on the embedded in-memory engine, loopback.
 * Phases: read a user's tweets, post a tweet, place an order; each bounded in time.
 *
 * <pre>./mvnw -Pbench test-compile exec:exec -Dbench.main=dev.singletable.bench.ServiceLoad -Dbench.args="20 2000 500 500"</pre>
 * args: seconds per phase, then the rates (req/s) of the three phases.
 * The home timeline (GET /api/timeline) is not measured: the service has no such endpoint yet.
 */
public final class ServiceLoad {

    private static final int USERS = 50;
    private static final int TWEETS_PER_USER = 20;
    private static final int FOLLOWS_PER_USER = 10;
    private static final int PRODUCTS = 20;
    private static final int SENDERS = 64;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4)).build();
    private final String base;
    private final List<String> tokens = new ArrayList<>();

    private ServiceLoad(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int readRate = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int tweetRate = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        int orderRate = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        ConfigurableApplicationContext app = SpringApplication.run(SingletableApplication.class,
                "--server.port=0", "--singletable.storage.mode=embedded", "--singletable.engine.in-memory=true",
                "--singletable.engine.port=-1", "--logging.level.root=WARN",
                // a load generator measures speed: DynamoDB's per-key ceilings and the per-user write limit would
                // measure the throttles instead
                "--singletable.engine.throttling.enabled=false",
                "--resilience4j.ratelimiter.instances.writes.limit-for-period=1000000",
                "--singletable.admin.username=benchadmin", "--singletable.admin.email=benchadmin@example.com",
                "--singletable.admin.password=bench-admin-password");
        try {
            ServiceLoad load = new ServiceLoad(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
            load.seed();
            System.out.printf(Locale.ROOT, "%-32s %8s %9s %9s %9s %9s %8s%n", "phase", "target/s", "done/s",
                    "p50 ms", "p99 ms", "p99.9 ms", "errors");
            load.phase("GET /api/users/{u}/tweets", readRate, seconds, i -> load.get("/api/users/user"
                    + (i % USERS) + "/tweets?limit=20"));
            load.phase("GET /api/timeline", readRate, seconds, i -> load.get("/api/timeline?limit=20",
                    load.tokens.get(i % USERS)));
            load.phase("POST /api/tweets", tweetRate, seconds, i -> load.post("/api/tweets",
                    "{\"text\":\"load test tweet " + i + "\"}", load.tokens.get(i % USERS)));
            load.phase("POST /api/orders", orderRate, seconds, i -> HttpRequest.newBuilder(load.post("/api/orders",
                    "{\"items\":[{\"sku\":\"SKU-" + (i % PRODUCTS) + "\",\"quantity\":1},{\"sku\":\"SKU-"
                            + ((i + 7) % PRODUCTS) + "\",\"quantity\":2}]}", load.tokens.get(i % USERS)), (n, v) -> true)
                    .header("Idempotency-Key", UUID.randomUUID().toString()).build());
        } finally {
            app.close();
        }
        System.exit(0);
    }

    private void seed() throws Exception {
        for (int u = 0; u < USERS; u++) {
            send(post("/api/users", "{\"username\":\"user" + u + "\",\"email\":\"user" + u + "@example.com\","
                    + "\"displayName\":\"User " + u + "\",\"password\":\"password-" + u + "\"}", null), 201);
            tokens.add(login("user" + u, "password-" + u));
        }
        for (int u = 0; u < USERS; u++) {
            for (int t = 0; t < TWEETS_PER_USER; t++) {
                send(post("/api/tweets", "{\"text\":\"seed tweet " + t + "\"}", tokens.get(u)), 201);
            }
        }
        for (int u = 0; u < USERS; u++) {
            for (int f = 1; f <= FOLLOWS_PER_USER; f++) {
                send(put("/api/users/user" + u + "/following/user" + ((u + f) % USERS), tokens.get(u)), 204);
            }
        }
        String admin = login("benchadmin", "bench-admin-password");
        for (int p = 0; p < PRODUCTS; p++) {
            send(post("/api/products", "{\"sku\":\"SKU-" + p + "\",\"name\":\"Product " + p + "\",\"category\":"
                    + "\"bench\",\"priceCents\":100,\"stock\":1000000000}", admin), 201);
        }
    }

    private String login(String username, String password) throws Exception {
        String body = send(post("/api/sessions", "{\"username\":\"" + username + "\",\"password\":\"" + password
                + "\"}", null), 201);
        int at = body.indexOf("\"token\":\"") + 9;
        return body.substring(at, body.indexOf('"', at));
    }

    private String send(HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).GET().build();
    }

    private HttpRequest get(String path, String token) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).GET().build();
    }

    private HttpRequest put(String path, String token) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).PUT(HttpRequest.BodyPublishers.noBody()).build();
    }

    private HttpRequest post(String path, String json, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    /** One phase: 2 s of warm-up at the rate, then {@code seconds} measured. */
    private void phase(String name, int rate, int seconds, IntFunction<HttpRequest> requests) throws Exception {
        run(rate, 2, requests);
        long start = System.nanoTime();
        Result r = run(rate, seconds, requests);
        double elapsed = (System.nanoTime() - start) / 1e9;
        Histogram h = r.histogram();
        System.out.printf(Locale.ROOT, "%-32s %8d %9.0f %9.2f %9.2f %9.2f %8d%n", name, rate, r.done() / elapsed,
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                h.getValueAtPercentile(99.9) / 1000.0, r.errors());
    }

    private record Result(long done, long errors, Histogram histogram) {
    }

    /** SENDERS threads share the schedule: request k is due at start + k / rate, and is sent by thread k % SENDERS. */
    private Result run(int rate, int seconds, IntFunction<HttpRequest> requests) throws Exception {
        Recorder recorder = new Recorder(3);
        AtomicLong errors = new AtomicLong();
        long total = (long) rate * seconds;
        long start = System.nanoTime() + 10_000_000;
        double interval = 1e9 / rate;
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        List<Future<Long>> done = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            int sender = s;
            done.add(senders.submit(() -> {
                long count = 0;
                for (long k = sender; k < total; k += SENDERS) {
                    long due = start + (long) (k * interval);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    int i = (int) (k % Integer.MAX_VALUE) + ThreadLocalRandom.current().nextInt(1000);
                    try {
                        HttpResponse<String> response = http.send(requests.apply(i),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() >= 300 && errors.incrementAndGet() <= 3) {
                            System.out.println("  error: HTTP " + response.statusCode() + " " + response.body());
                        }
                    } catch (Exception e) {
                        if (errors.incrementAndGet() <= 3) {
                            System.out.println("  error: " + e);
                        }
                    }
                    recorder.recordValue(Math.max(0, (System.nanoTime() - due) / 1_000));
                    count++;
                }
                return count;
            }));
        }
        long count = 0;
        for (Future<Long> f : done) {
            count += f.get();
        }
        senders.shutdown();
        return new Result(count, errors.get(), recorder.getIntervalHistogram());
    }
}
