package dev.singletable.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Starts servers on given loopback ports with the benchmark data loaded, prints READY, and stops them after the
 * given number of seconds: the server process of {@link WireLoad} (one per target, so the load generator never shares
 * a JVM with the server it measures) and the fixture for {@code wrk} (src/bench/wrk.sh).
 * args: seconds, then target=port pairs (targets as in {@link WireTargets}). With {@code -Dbench.empty=true} the
 * servers hold no benchmark data (src/bench/service-wrk.sh: a store for the service, which creates its own table).
 */
public final class WireServers {

    public static void main(String[] args) throws Exception {
        WireTargets.quietLogging();
        long seconds = Long.parseLong(args[0]);
        List<AutoCloseable> servers = new ArrayList<>();
        try {
            for (int i = 1; i < args.length; i++) {
                String[] pair = args[i].split("=");
                int port = Integer.parseInt(pair[1]);
                servers.add(WireTargets.start(pair[0], port));
                if (WireTargets.holdsData(pair[0]) && !Boolean.getBoolean("bench.empty")) {
                    try (DynamoDbClient client = WireLoad.client(URI.create("http://127.0.0.1:" + port), 4)) {
                        Engines.load(client);
                    }
                }
                System.out.println(pair[0] + " listening on 127.0.0.1:" + port);
            }
            System.out.println("READY");
            System.out.flush();
            Thread.sleep(seconds * 1000);
        } finally {
            for (AutoCloseable server : servers) {
                server.close();
            }
        }
        System.exit(0);
    }
}
