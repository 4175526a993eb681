package dev.singletable.engine.durability;

import static dev.singletable.engine.durability.Items.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.core.Engine;
import dev.singletable.engine.core.EngineOptions;
import dev.singletable.engine.core.Table;
import dev.singletable.engine.table.TestTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Log replay applies item changes in bulk (see {@link ReplayedItems}): the tables it leaves must be exactly those the
 * original writes left, item counts and sizes included, whether a table starts empty or from a snapshot, and across
 * a catalog change in the middle of the log (which sees every change before it applied).
 */
class BulkReplayTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private Path crashCopy(Path source, String name) throws IOException {
        Path copy = Files.createDirectories(dir.resolve(name));
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }

    /** Puts, overwrites, deletes, a delete then a put again of the same key, and a unit of several writes. */
    private static void churn(Engine core, int round) {
        for (int i = 0; i < 60; i++) {
            Items.put(
                    core,
                    "orders",
                    item("c" + (i % 7), "o" + i, "gpk", "g" + ((i + round) % 4), "gsk", "t" + i, "round", round));
        }
        for (int i = 0; i < 60; i += 5) {
            Items.delete(core, "orders", item("c" + (i % 7), "o" + i));
        }
        Items.put(core, "orders", item("c0", "o0", "round", round, "note", "back, outside the index"));
        Items.transact(
                core,
                List.of(
                        new Items.Write("orders", item("c1", "o1", "gpk", "tx", "gsk", "1"), null),
                        new Items.Write("orders", null, item("c2", "o2"))));
    }

    private static Map<String, Object> observe(Engine core) {
        Table t = core.requireTable("orders");
        return Map.of(
                "items",
                Items.contents(core, "orders"),
                "count",
                t.data().itemCount(),
                "bytes",
                t.data().sizeBytes(),
                "indexCount",
                t.data().index("byStatus").itemCount(),
                "indexBytes",
                t.data().index("byStatus").sizeBytes());
    }

    @Test
    void aLogReplayedFromAnEmptyEngineLeavesTheTablesAsWritten() throws IOException {
        Path data = dir.resolve("data");
        Map<String, Object> before;
        Path crashed;
        try (EmbeddedEngine engine = EmbeddedEngine.open(EngineOptions.durable(data))) {
            Engine core = engine.core();
            core.createTable(TestTables.table("orders", T0).withGsi("byStatus").build());
            churn(core, 1);
            // a catalog change mid-log: what came before must be in the table when it is applied
            Table orders = core.requireTable("orders");
            core.redefine(orders, TestTables.withTtl(orders.definition(), "expires"));
            churn(core, 2);
            before = observe(core);
            crashed = crashCopy(data, "crashed");
        }
        try (EmbeddedEngine engine = EmbeddedEngine.open(EngineOptions.durable(crashed))) {
            assertThat(observe(engine.core())).isEqualTo(before);
            RecoveryTest.assertIndexMatchesItems(engine.core().requireTable("orders"), "byStatus");
        }
    }

    @Test
    void aLogReplayedOverASnapshotLeavesTheTablesAsWritten() throws IOException {
        Path data = dir.resolve("data");
        Map<String, Object> before;
        Path crashed;
        try (EmbeddedEngine engine = EmbeddedEngine.open(EngineOptions.durable(data))) {
            Engine core = engine.core();
            core.createTable(TestTables.table("orders", T0).withGsi("byStatus").build());
            churn(core, 1);
            engine.snapshot();
            churn(core, 2);
            before = observe(core);
            crashed = crashCopy(data, "crashed");
        }
        assertThat(SegmentFiles.snapshots(crashed)).hasSize(1);
        try (EmbeddedEngine engine = EmbeddedEngine.open(EngineOptions.durable(crashed))) {
            assertThat(observe(engine.core())).isEqualTo(before);
            RecoveryTest.assertIndexMatchesItems(engine.core().requireTable("orders"), "byStatus");
        }
    }
}
