package dev.singletable.engine.global;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.core.EngineOptions;
import dev.singletable.engine.regions.RegionSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReplicaStatus;

/**
 * The child process of {@link GlobalTableCrashTest}: a durable engine with a global table in two regions, one writer
 * per region printing an acknowledgement after each write returns, until it is killed. Each region writes keys of its
 * own (new items, and a counter item) and a few keys shared by both (conflicts). Arguments: data directory, round,
 * replication delay in milliseconds.
 */
public final class GlobalCrashWriter {

    static final String TABLE = "chat";
    static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");
    static final int SHARED_KEYS = 5;

    private GlobalCrashWriter() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        String round = args[1];
        Duration delay = Duration.ofMillis(Long.parseLong(args[2]));
        EngineOptions options = EngineOptions.durable(dir)
                .withSyncPolicy(EngineOptions.SyncPolicy.GROUP, Duration.ofMillis(1))
                .withSnapshotAfterLogBytes(128 * 1024)
                .withLogSegmentBytes(64 * 1024)
                .withThrottling(false);
        EmbeddedEngine engine = EmbeddedEngine.open(options, RegionSettings.DEFAULTS.withReplicationDelay(delay));
        DynamoDbClient home = engine.dynamoDbClient(REGIONS.get(0));
        if (!home.listTables().tableNames().contains(TABLE)) {
            Replicas.createTable(home, TABLE);
        }
        if (home.describeTable(b -> b.tableName(TABLE)).table().replicas().isEmpty()) {
            home.updateTable(b -> b.tableName(TABLE).replicaUpdates(u -> u.create(c -> c.regionName(REGIONS.get(1)))));
        }
        Replicas.awaitReplica(home, TABLE, REGIONS.get(1), ReplicaStatus.ACTIVE);
        PrintStream out = System.out;
        synchronized (out) {
            out.println("READY");
            out.flush();
        }
        for (String region : REGIONS) {
            DynamoDbClient client = engine.dynamoDbClient(region);
            new Thread(() -> write(client, region, round, out), "writer-" + region).start();
        }
    }

    private static void write(DynamoDbClient client, String region, String round, PrintStream out) {
        Random random = new Random(round.hashCode() * 31L + region.hashCode());
        for (long n = 1; ; n++) {
            long number = n;
            String value = region + "/" + round + "/" + n;
            switch ((int) (n % 3)) {
                case 0 ->
                    client.putItem(b -> b.tableName(TABLE)
                            .item(Map.of("pk", s(region + "/" + round), "sk", Replicas.n(number), "v", s(value))));
                case 1 ->
                    client.updateItem(b -> b.tableName(TABLE)
                            .key(Map.of("pk", s(region + "/counter"), "sk", Replicas.n(0)))
                            .updateExpression("SET v = :v, c = :c")
                            .expressionAttributeValues(Map.of(
                                    ":v",
                                    s(round + "/" + number),
                                    ":c",
                                    Replicas.n(Long.parseLong(round.substring(1)) * 1_000_000 + number))));
                default -> {
                    int shared = random.nextInt(SHARED_KEYS);
                    client.putItem(b -> b.tableName(TABLE)
                            .item(Map.of("pk", s("shared"), "sk", Replicas.n(shared), "v", s(value))));
                }
            }
            synchronized (out) {
                out.println("ACK " + region + " " + n);
                out.flush();
            }
        }
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }
}
