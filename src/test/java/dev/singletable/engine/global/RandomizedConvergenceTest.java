package dev.singletable.engine.global;

import static dev.singletable.engine.global.Replicas.addReplica;
import static dev.singletable.engine.global.Replicas.contents;
import static dev.singletable.engine.global.Replicas.createTable;
import static dev.singletable.engine.global.Replicas.item;
import static dev.singletable.engine.global.Replicas.key;
import static dev.singletable.engine.global.Replicas.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.core.CommitListener;
import dev.singletable.engine.core.EngineOptions;
import dev.singletable.engine.core.EngineOptions.SyncPolicy;
import dev.singletable.engine.core.ItemChange;
import dev.singletable.engine.core.Keys;
import dev.singletable.engine.core.WriteStamp;
import dev.singletable.engine.regions.RegionSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Concurrent writers in two and three regions on a small set of overlapping keys (puts, updates, conditional writes,
 * deletes, transactions, batches), seeded, with a replication delay that lets the regions disagree for a while;
 * then quiescence. Every replica must hold the same items, and each item must be the one the last writer wrote by
 * the documented rule (the highest write stamp: time, then region name, then sequence), as every region computed
 * the stamps of its own writes.
 */
class RandomizedConvergenceTest {

    private static final String TABLE = "race";
    private static final int KEYS = 12;

    /** A local write as its region stamped it: the expected final state of its key, if it is the last. */
    private record Written(WriteStamp stamp, Map<String, AttributeValue> item) {}

    @TempDir
    Path dir;

    /**
     * In memory a write is visible (and stamped) as it commits; on disk it becomes visible only once the log has it,
     * so a copy from another region may arrive while a local write is committed but not yet visible.
     */
    @ParameterizedTest(name = "{0} regions, seed {1}, durable {2}")
    @CsvSource({"2, 2211, false", "3, 2212, false", "2, 2213, true"})
    void everyReplicaEndsWithTheLastWritersItems(int regionCount, long seed, boolean durable) throws Exception {
        List<String> regions =
                List.of("us-east-1", "eu-west-1", "ap-northeast-1").subList(0, regionCount);
        EngineOptions options = durable
                ? EngineOptions.durable(dir).withSyncPolicy(SyncPolicy.GROUP, Duration.ofMillis(2))
                : EngineOptions.inMemory();
        try (EmbeddedEngine engine = EmbeddedEngine.open(
                options.withThrottling(false), RegionSettings.DEFAULTS.withReplicationDelay(Duration.ofMillis(3)))) {
            DynamoDbClient home = engine.dynamoDbClient(regions.get(0));
            createTable(home, TABLE);
            for (String region : regions.subList(1, regions.size())) {
                addReplica(home, TABLE, region);
            }
            Map<String, Written> last = new ConcurrentHashMap<>();
            for (String region : regions) {
                NamespaceReplication replication = engine.globalTables().replicationOf("000000000000", region);
                engine.core(region).addListener(new CommitListener() {
                    @Override
                    public void committed(long sequence, List<ItemChange> changes, long commitTimeMillis) {
                        for (ItemChange c : changes) {
                            if (c.replicated() == null && c.table().name().equals(TABLE)) {
                                WriteStamp stamp = replication.stampOf(TABLE, c.key());
                                Map<String, AttributeValue> keys =
                                        Keys.keyAttributes(c.table().definition(), c.key());
                                String k = keys.get("pk").s() + "|"
                                        + keys.get("sk").n();
                                last.merge(
                                        k,
                                        new Written(
                                                stamp,
                                                c.newItem() == null
                                                        ? null
                                                        : c.newItem().attributes()),
                                        (a, b) -> b.stamp().isAfter(a.stamp()) ? b : a);
                            }
                        }
                    }
                });
            }

            int writersPerRegion = 2;
            int operations = 250;
            ExecutorService pool = Executors.newFixedThreadPool(regionCount * writersPerRegion);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> writers = new ArrayList<>();
            for (int r = 0; r < regionCount; r++) {
                for (int w = 0; w < writersPerRegion; w++) {
                    DynamoDbClient client = engine.dynamoDbClient(regions.get(r));
                    Random random = new Random(seed * 31 + r * 7L + w);
                    String writer = regions.get(r) + "/" + w;
                    writers.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < operations; i++) {
                            write(client, random, writer + "#" + i);
                        }
                        return null;
                    }));
                }
            }
            start.countDown();
            for (Future<?> f : writers) {
                f.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(engine.globalTables().awaitQuiescence(Duration.ofSeconds(60)))
                    .as("replication settles")
                    .isTrue();

            List<Map<String, AttributeValue>> expected = contents(home, TABLE);
            for (String region : regions) {
                assertThat(contents(engine.dynamoDbClient(region), TABLE))
                        .as(region + " holds the same items")
                        .isEqualTo(expected);
            }
            Map<String, Map<String, AttributeValue>> byKey = new HashMap<>();
            for (Map<String, AttributeValue> item : expected) {
                byKey.put(item.get("pk").s() + "|" + item.get("sk").n(), item);
            }
            assertThat(last).as("writes happened on every key").hasSize(KEYS);
            last.forEach((k, winner) -> {
                assertThat(winner.stamp()).isNotNull();
                if (winner.item() == null) {
                    assertThat(byKey.get(k))
                            .as("%s: the last writer (%s) deleted it", k, winner.stamp())
                            .isNull();
                } else {
                    assertThat(byKey.get(k))
                            .as("%s: the last writer's item (%s)", k, winner.stamp())
                            .isEqualTo(winner.item());
                }
            });
            assertThat(byKey.keySet()).as("no item that no write left").isSubsetOf(last.keySet());
            assertThat(engine.globalTables().stats().stream()
                            .mapToLong(ReplicationStats::superseded)
                            .sum())
                    .as("regions raced: some copies arrived after a later write had won")
                    .isPositive();
        }
    }

    /** One random write on the shared keys; conditions that fail and cancelled transactions are part of the race. */
    private static void write(DynamoDbClient client, Random random, String value) {
        int k = random.nextInt(KEYS);
        String pk = "k" + (k % 4);
        try {
            switch (random.nextInt(6)) {
                case 0, 1 -> client.putItem(b -> b.tableName(TABLE).item(item(pk, k, value)));
                case 2 ->
                    client.updateItem(b -> b.tableName(TABLE)
                            .key(key(pk, k))
                            .updateExpression("SET v = :v, n = if_not_exists(n, :zero) + :one")
                            .expressionAttributeValues(
                                    Map.of(":v", s(value), ":zero", Replicas.n(0), ":one", Replicas.n(1))));
                case 3 ->
                    client.deleteItem(
                            b -> b.tableName(TABLE).key(key(pk, k)).conditionExpression("attribute_exists(pk)"));
                case 4 -> {
                    int other = (k + 1) % KEYS;
                    client.transactWriteItems(b -> b.transactItems(
                            t -> t.put(p -> p.tableName(TABLE).item(item(pk, k, value + "/tx"))),
                            t -> t.put(p -> p.tableName(TABLE).item(item("k" + (other % 4), other, value + "/tx")))));
                }
                default -> {
                    int other = (k + 5) % KEYS;
                    client.batchWriteItem(b -> b.requestItems(Map.of(
                            TABLE,
                            List.of(
                                    WriteRequest.builder()
                                            .putRequest(p -> p.item(item(pk, k, value + "/batch")))
                                            .build(),
                                    WriteRequest.builder()
                                            .deleteRequest(d -> d.key(key("k" + (other % 4), other)))
                                            .build()))));
                }
            }
        } catch (ConditionalCheckFailedException | TransactionCanceledException expected) {
            // lost a race in its own region: nothing written
        }
    }
}
