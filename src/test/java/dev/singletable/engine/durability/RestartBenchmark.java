package dev.singletable.engine.durability;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.core.Engine;
import dev.singletable.engine.core.EngineOptions;
import dev.singletable.engine.core.ItemChange;
import dev.singletable.engine.core.Table;
import dev.singletable.engine.storage.PrimaryKey;
import dev.singletable.engine.storage.StoredItem;
import dev.singletable.engine.table.TestTables;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Measures restart time by hand (not a unit test). Usage:
 * <pre>
 *   RestartBenchmark write-log DIR COUNT       writes COUNT items, then halts without a snapshot (the log is replayed)
 *   RestartBenchmark write-snapshot DIR COUNT  writes COUNT items, then closes cleanly (restart loads a snapshot)
 *   RestartBenchmark open DIR                  opens the directory and prints how long recovery took
 *   RestartBenchmark compact DIR               opens the directory and closes it cleanly, leaving a snapshot
 * </pre>
 * Items look like a service's: about ten attributes, some 250 bytes, one global secondary index.
 */
public final class RestartBenchmark {

    private RestartBenchmark() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "write-log" -> write(dir, Integer.parseInt(args[2]), false);
            case "write-snapshot" -> write(dir, Integer.parseInt(args[2]), true);
            case "open" -> open(dir);
            case "compact" -> {
                long start = System.nanoTime();
                EmbeddedEngine.open(EngineOptions.durable(dir).withSnapshotAfterLogBytes(Long.MAX_VALUE / 2))
                        .close();
                System.out.printf("recovered and snapshotted in %d ms%n", (System.nanoTime() - start) / 1_000_000);
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void write(Path dir, int count, boolean snapshot) {
        EngineOptions options = EngineOptions.durable(dir)
                .withSyncPolicy(EngineOptions.SyncPolicy.NONE, Duration.ZERO)
                .withSnapshotAfterLogBytes(Long.MAX_VALUE / 2);
        EmbeddedEngine engine = EmbeddedEngine.open(options);
        Engine core = engine.core();
        Table table = core.createTable(TestTables.table("bench", Instant.parse("2026-01-01T00:00:00Z"))
                .withGsi("byOwner")
                .build());
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Map<String, AttributeValue> item = new LinkedHashMap<>();
            item.put("pk", AttributeValue.fromS("USER#" + (i / 10)));
            item.put("sk", AttributeValue.fromS("POST#" + String.format("%09d", i)));
            item.put("gpk", AttributeValue.fromS("OWNER#" + (i % 5000)));
            item.put("gsk", AttributeValue.fromS("2026-01-" + String.format("%02d", 1 + i % 28) + "T10:00:00Z"));
            item.put("title", AttributeValue.fromS("A post about item number " + i));
            item.put("body", AttributeValue.fromS("Lorem ipsum dolor sit amet, consectetur adipiscing elit " + i));
            item.put("likes", AttributeValue.fromN(Integer.toString(i % 997)));
            item.put("published", AttributeValue.fromBool(i % 2 == 0));
            item.put("tags", AttributeValue.fromSs(List.of("java", "dynamodb", "t" + (i % 50))));
            item.put("version", AttributeValue.fromN("1"));
            StoredItem stored = Items.stored(java.util.Collections.unmodifiableMap(item));
            PrimaryKey key = StoredKeys.of(table.definition().primaryKey(), item);
            core.exclusive(() -> {
                core.commit(new ArrayList<>(List.of(ItemChange.of(table, key, null, stored))));
                return null;
            });
        }
        System.out.printf("wrote %d items in %d ms%n", count, (System.nanoTime() - start) / 1_000_000);
        if (snapshot) {
            long s = System.nanoTime();
            engine.close();
            System.out.printf("clean close (final snapshot) took %d ms%n", (System.nanoTime() - s) / 1_000_000);
        } else {
            System.out.flush();
            Runtime.getRuntime().halt(0); // as a crash would: no snapshot, the whole log must be replayed
        }
    }

    private static void open(Path dir) {
        long start = System.nanoTime();
        EmbeddedEngine engine =
                EmbeddedEngine.open(EngineOptions.durable(dir).withSnapshotAfterLogBytes(Long.MAX_VALUE / 2));
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        Table table = engine.core().requireTable("bench");
        System.out.printf(
                "recovered %d items (%d index entries) in %d ms%n",
                table.data().itemCount(), table.data().index("byOwner").itemCount(), elapsed);
        System.exit(0); // without closing: no snapshot, the directory stays as it was for the next measurement
    }
}
