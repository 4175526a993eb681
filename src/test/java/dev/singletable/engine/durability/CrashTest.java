package dev.singletable.engine.durability;

import static dev.singletable.engine.durability.Items.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.core.Engine;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Kills a writing engine with SIGKILL at random moments and checks what recovery finds: every acknowledged write
 * (puts, updates, transactions) is there, no transaction is half there, and the index matches the items. Each round
 * is a child JVM writing from several threads into the same data directory, under each policy that claims to survive
 * a SIGKILL: GROUP and FSYNC (acknowledged once forced to disk) and NONE (acknowledged once the grouped write reached
 * the operating system; nothing forces it, and a SIGKILL must still lose no acknowledged write).
 */
class CrashTest {

    private static final String[] POLICIES = {"GROUP", "FSYNC", "NONE", "GROUP", "NONE"};

    @TempDir
    Path dir;

    @Test
    void acknowledgedWritesSurviveSigkill() throws Exception {
        Path data = dir.resolve("data");
        Random random = new Random();
        for (int round = 0; round < POLICIES.length; round++) {
            Acks acks = runAndKill(data, POLICIES[round], "r" + round, 500 + random.nextInt(1500));
            assertThat(acks.count).as("round %d acknowledged writes", round).isPositive();
            System.out.printf(
                    "crash round %d (%s): %d writes acknowledged before SIGKILL%n", round, POLICIES[round], acks.count);
            try (EmbeddedEngine engine = EmbeddedEngine.open(EngineOptions.durable(data))) {
                verify(engine.core(), acks);
            }
        }
    }

    /** What the child acknowledged: per thread, the highest write number of each kind, and every put. */
    private static final class Acks {
        final Map<String, Long> counter = new HashMap<>();
        final Map<String, Long> transactions = new HashMap<>();
        final List<String[]> puts = new ArrayList<>();
        final List<String> threads = new ArrayList<>();
        int count;
    }

    private static Acks runAndKill(Path data, String policy, String round, long killAfterMillis) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashWriter.class.getName(),
                        data.toString(),
                        policy,
                        round)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Acks acks = new Acks();
        for (int t = 0; t < CrashWriter.THREADS; t++) {
            acks.threads.add(round + "-" + t);
        }
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = in.readLine(); // skipping the child's log lines
            } while (line != null && !line.equals("READY"));
            assertThat(line).as("child start").isEqualTo("READY");
            // the kill comes at a random moment once writes are flowing (the child may take a while to warm up)
            Thread killer = new Thread(() -> {
                try {
                    Thread.sleep(killAfterMillis);
                } catch (InterruptedException ignored) {
                    // kill now
                }
                // SIGKILL on Unix; through the handle, which (unlike Process) leaves the output readable to its end
                child.toHandle().destroyForcibly();
            });
            Thread watchdog = new Thread(() -> {
                try {
                    Thread.sleep(60_000);
                    child.toHandle().destroyForcibly(); // a child that never writes must not hang the build
                } catch (InterruptedException ignored) {
                    // the round ended normally
                }
            });
            watchdog.setDaemon(true);
            watchdog.start();
            // only lines read completely count: the child printed them after the write returned
            while ((line = in.readLine()) != null) {
                String[] f = line.split(" ");
                if (f.length != 4 || !f[0].equals("ACK")) {
                    continue;
                }
                if (acks.count == 0) {
                    killer.start();
                }
                long n = Long.parseLong(f[3]);
                switch (f[1]) {
                    case "PUT" -> acks.puts.add(new String[] {f[2], f[3]});
                    case "CTR" -> acks.counter.merge(f[2], n, Math::max);
                    case "TX" -> acks.transactions.merge(f[2], n, Math::max);
                    default -> {}
                }
                acks.count++;
            }
            killer.join();
            watchdog.interrupt();
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return acks;
    }

    private static void verify(Engine engine, Acks acks) {
        Map<String, Map<String, AttributeValue>> items = Items.contents(engine, "orders");
        for (String[] put : acks.puts) {
            assertThat(items).as("acknowledged put %s/%s", put[0], put[1]).containsKey("p-" + put[0] + "|" + put[1]);
        }
        for (String thread : acks.threads) {
            long ackedCounter = acks.counter.getOrDefault(thread, 0L);
            long counter = number(items.get("c-" + thread + "|counter"));
            assertThat(counter).as("counter of %s", thread).isGreaterThanOrEqualTo(ackedCounter);

            long ackedTx = acks.transactions.getOrDefault(thread, 0L);
            long txCounter = number(items.get("xc-" + thread + "|counter"));
            assertThat(txCounter).as("transactions of %s", thread).isGreaterThanOrEqualTo(ackedTx);
            // transactions of one thread commit in order: exactly those up to the counter are there, whole
            for (long n = 2; n <= txCounter + 3; n += 3) {
                boolean committed = n <= txCounter;
                assertThat(items.containsKey("x-" + thread + "|a-" + n))
                        .as("tx %s/%d part a", thread, n)
                        .isEqualTo(committed);
                assertThat(items.containsKey("x-" + thread + "|b-" + n))
                        .as("tx %s/%d part b", thread, n)
                        .isEqualTo(committed);
            }
        }
        RecoveryTest.assertIndexMatchesItems(engine.requireTable("orders"), "byGroup");
    }

    private static long number(Map<String, AttributeValue> item) {
        return item == null ? 0 : Long.parseLong(item.get("value").n());
    }
}
