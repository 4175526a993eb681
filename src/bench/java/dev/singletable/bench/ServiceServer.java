package dev.singletable.bench;

import dev.singletable.SingletableApplication;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole service on the embedded in-memory engine, alone in its JVM, for {@link ServiceLoad} to drive from
 * another process (src/bench/service-load.sh): so the generator's CPU, allocation and GC are not charged to the
 * service, and the service's own process CPU per request can be read from outside.
 * Prints {@code READY <port> <pid>} once it answers, and exits after the given number of seconds (bounded).
 *
 * <p>args: seconds to live, then the port to listen on (loopback only), then any further Spring arguments
 * ({@code --spring.profiles.active=bench} adds the ceiling endpoint, {@code tweets.CeilingController};
 * {@code --singletable.storage.mode=endpoint --singletable.storage.endpoint=URL} another store than the embedded
 * in-memory engine).
 */
public final class ServiceServer {

    /** The admin who creates the benchmark's products (the driver logs in with these). */
    static final String ADMIN_USERNAME = "benchadmin";

    static final String ADMIN_PASSWORD = "bench-admin-password";

    private ServiceServer() {}

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 300;
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        List<String> extra = Arrays.asList(args).subList(Math.min(2, args.length), args.length);
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--logging.level.root=WARN",
                // a load generator measures speed: DynamoDB's per-key ceilings and the per-user write limit would
                // measure the throttles instead
                "--singletable.engine.throttling.enabled=false",
                "--resilience4j.ratelimiter.instances.writes.limit-for-period=1000000",
                // Tomcat closes a keep-alive connection after 100 requests by default; the driver would then spend
                // its time (and the service's) on TCP handshakes instead of requests
                "--server.tomcat.max-keep-alive-requests=-1",
                "--singletable.admin.username=" + ADMIN_USERNAME,
                "--singletable.admin.email=" + ADMIN_USERNAME + "@example.com",
                "--singletable.admin.password=" + ADMIN_PASSWORD));
        // the embedded in-memory engine unless the arguments choose a store (endpoint mode: a repeated option would
        // reach Spring as "embedded,endpoint")
        if (extra.stream().noneMatch(a -> a.startsWith("--singletable.storage.mode="))) {
            arguments.addAll(List.of(
                    "--singletable.storage.mode=embedded",
                    "--singletable.engine.in-memory=true",
                    "--singletable.engine.port=-1"));
        }
        // anything after the first two: more properties, e.g. --spring.profiles.active=bench (the ceiling endpoint)
        arguments.addAll(extra);
        ConfigurableApplicationContext app =
                SpringApplication.run(SingletableApplication.class, arguments.toArray(String[]::new));
        try {
            System.out.println("READY " + app.getEnvironment().getProperty("local.server.port") + " "
                    + ProcessHandle.current().pid());
            System.out.flush();
            Thread.sleep(seconds * 1000);
        } finally {
            app.close();
        }
        System.exit(0);
    }
}
