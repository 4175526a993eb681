package dev.singletable.engine.global;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.core.EngineOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Kills an engine replicating a global table between two regions with SIGKILL at random moments (a child JVM writing
 * in both regions, with writes still queued for the other region), restarts it, and checks: every write either region
 * acknowledged is in both regions once replication settles, both regions hold the same items, and no region's stream
 * shows an older state of an item after a newer one (nothing applied twice or out of order).
 */
class GlobalTableCrashTest {

    private static final int ROUNDS = 3;

    @TempDir
    Path dir;

    @Test
    void acknowledgedWritesReachEveryRegionAfterSigkill() throws Exception {
        Path data = dir.resolve("data");
        Random random = new Random(2222);
        Map<String, List<Long>> acknowledged = new HashMap<>();
        for (int round = 1; round <= ROUNDS; round++) {
            String name = "r" + round;
            Map<String, Long> acks = runAndKill(data, name, 800 + random.nextInt(1500));
            assertThat(acks.values().stream().mapToLong(Long::longValue).sum())
                    .as("round %d writes", round)
                    .isPositive();
            try (EmbeddedEngine engine =
                    EmbeddedEngine.open(EngineOptions.durable(data).withThrottling(false))) {
                long pending = engine.globalTables().stats().stream()
                        .mapToLong(ReplicationStats::pending)
                        .sum();
                System.out.printf(
                        "global crash round %d: %s acknowledged, %d writes still to replicate at restart%n",
                        round, acks, pending);
                assertThat(engine.globalTables().awaitQuiescence(Replicas.PATIENCE))
                        .as("replication catches up")
                        .isTrue();
                DynamoDbClient east = engine.dynamoDbClient("us-east-1");
                DynamoDbClient west = engine.dynamoDbClient("eu-west-1");
                List<Map<String, AttributeValue>> items = Replicas.contents(east, GlobalCrashWriter.TABLE);
                assertThat(Replicas.contents(west, GlobalCrashWriter.TABLE))
                        .as("round %d: the same items", round)
                        .isEqualTo(items);
                for (Map.Entry<String, Long> ack : acks.entrySet()) {
                    checkAcknowledged(items, ack.getKey(), name, ack.getValue());
                }
                for (String region : GlobalCrashWriter.REGIONS) {
                    checkStreamOrder(engine, region);
                }
            }
        }
    }

    /** Every acknowledged new item of the region is there, and its counter is at least the last acknowledged. */
    private static void checkAcknowledged(
            List<Map<String, AttributeValue>> items, String region, String round, long lastAck) {
        long puts = 0;
        long counter = -1;
        for (Map<String, AttributeValue> item : items) {
            String pk = item.get("pk").s();
            if (pk.equals(region + "/" + round)) {
                puts++;
            } else if (pk.equals(region + "/counter")) {
                counter = Long.parseLong(item.get("c").n());
            }
        }
        long expectedPuts = lastAck / 3;
        assertThat(puts).as("%s %s: acknowledged new items", region, round).isGreaterThanOrEqualTo(expectedPuts);
        long roundBase = Long.parseLong(round.substring(1)) * 1_000_000;
        if (lastAck >= 1) {
            long lastCounterAck = lastAck - ((lastAck - 1) % 3);
            assertThat(counter).as("%s %s: counter", region, round).isGreaterThanOrEqualTo(roundBase + lastCounterAck);
        }
    }

    /** In each region's stream, an item's counter only grows: no older state applied after a newer one. */
    private static void checkStreamOrder(EmbeddedEngine engine, String region) {
        List<Record> records = Replicas.streamRecords(
                engine.dynamoDbClient(region), engine.dynamoDbStreamsClient(region), GlobalCrashWriter.TABLE);
        Map<String, Long> lastCounter = new HashMap<>();
        for (Record r : records) {
            if (r.eventName() == OperationType.REMOVE
                    || !r.dynamodb().newImage().containsKey("c")) {
                continue;
            }
            String pk = r.dynamodb().newImage().get("pk").s();
            long c = Long.parseLong(r.dynamodb().newImage().get("c").n());
            Long previous = lastCounter.put(pk, c);
            assertThat(previous == null || c > previous)
                    .as("%s's stream: %s went from %s to %d", region, pk, previous, c)
                    .isTrue();
        }
    }

    private static Map<String, Long> runAndKill(Path data, String round, long killAfterMillis) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        GlobalCrashWriter.class.getName(),
                        data.toString(),
                        round,
                        "25")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Map<String, Long> acks = new HashMap<>();
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            Thread watchdog = new Thread(() -> {
                try {
                    Thread.sleep(90_000);
                    child.toHandle().destroyForcibly(); // a child that never writes must not hang the build
                } catch (InterruptedException ignored) {
                    // the round ended normally
                }
            });
            watchdog.setDaemon(true);
            watchdog.start();
            String line;
            do {
                line = in.readLine();
            } while (line != null && !line.equals("READY"));
            assertThat(line).as("child start").isEqualTo("READY");
            // The kill's delay counts from the first acknowledged write, not from READY: on a loaded machine a
            // child may need seconds after READY before it writes, and a round without a write tests nothing.
            CountDownLatch firstAck = new CountDownLatch(1);
            Thread killer = new Thread(() -> {
                try {
                    firstAck.await();
                    Thread.sleep(killAfterMillis);
                } catch (InterruptedException ignored) {
                    // kill now
                }
                child.toHandle().destroyForcibly(); // SIGKILL
            });
            killer.start();
            List<String> lines = new ArrayList<>();
            while ((line = in.readLine()) != null) {
                lines.add(line);
                String[] f = line.split(" ");
                if (f.length == 3 && f[0].equals("ACK")) {
                    acks.merge(f[1], Long.parseLong(f[2]), Math::max);
                    firstAck.countDown();
                }
            }
            killer.interrupt(); // the child ended (or the watchdog killed it) before its first ACK
            killer.join();
            watchdog.interrupt();
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return acks;
    }
}
