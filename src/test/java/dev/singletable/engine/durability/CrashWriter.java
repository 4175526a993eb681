package dev.singletable.engine.durability;

import static dev.singletable.engine.durability.Items.item;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.EngineOptions;
import dev.singletable.engine.core.Engine;
import dev.singletable.engine.table.TestTables;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The child process of {@link CrashTest}: writes under load (puts, updates, transactions) from several threads and
 * prints an acknowledgement line after each write returns, until it is killed.
 * Arguments: data directory, sync policy, round number.
 */
public final class CrashWriter {

    static final int THREADS = 3;

    private CrashWriter() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        EngineOptions.SyncPolicy policy = EngineOptions.SyncPolicy.valueOf(args[1]);
        String round = args[2];
        EngineOptions options = EngineOptions.durable(dir).withSyncPolicy(policy, Duration.ofMillis(1))
                .withSnapshotAfterLogBytes(256 * 1024).withLogSegmentBytes(128 * 1024);
        EmbeddedEngine engine = EmbeddedEngine.open(options);
        Engine core = engine.core();
        if (core.table("orders") == null) {
            core.createTable(TestTables.table("orders", Instant.parse("2026-01-01T00:00:00Z")).withGsi("byGroup")
                    .build());
        }
        PrintStream out = System.out;
        synchronized (out) {
            out.println("READY");
            out.flush();
        }
        for (int t = 0; t < THREADS; t++) {
            String thread = round + "-" + t;
            new Thread(() -> write(core, thread, out), "writer-" + t).start();
        }
    }

    private static void write(Engine core, String thread, PrintStream out) {
        String payload = "x".repeat(200);
        for (long n = 1; ; n++) {
            String kind;
            switch ((int) (n % 3)) {
                case 0 -> {
                    Items.put(core, "orders", item("p-" + thread, "" + n, "gpk", "g" + (n % 4), "gsk", "" + n,
                            "payload", payload));
                    kind = "PUT";
                }
                case 1 -> {
                    Items.put(core, "orders", item("c-" + thread, "counter", "value", n, "gpk", "counters",
                            "gsk", thread));
                    kind = "CTR";
                }
                default -> {
                    Items.transact(core, List.of(
                            new Items.Write("orders", item("x-" + thread, "a-" + n, "payload", payload), null),
                            new Items.Write("orders", item("x-" + thread, "b-" + n, "gpk", "tx", "gsk", thread + n),
                                    null),
                            new Items.Write("orders", item("xc-" + thread, "counter", "value", n), null)));
                    kind = "TX";
                }
            }
            synchronized (out) {
                out.println("ACK " + kind + " " + thread + " " + n);
                out.flush();
            }
        }
    }
}
