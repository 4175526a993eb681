package dev.singletable.engine.backup;

import static dev.singletable.engine.durability.Items.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.singletable.engine.MutableClock;
import dev.singletable.engine.durability.Items;
import dev.singletable.engine.durability.SegmentFiles;
import dev.singletable.engine.table.TestTables;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsStatus;
import software.amazon.awssdk.services.dynamodb.model.InvalidRestoreTimeException;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryUnavailableException;

class PointInTimeRecoveryTest {

    private static final Instant T0 = Instant.parse("2026-07-01T00:00:00Z");

    private final MutableClock clock = new MutableClock(T0);

    @TempDir
    Path dir;

    @Test
    void durableRestoreToAChosenSecondMatchesThatSecondExactly() {
        Path data = dir.resolve("data");
        Map<Instant, Map<String, Map<String, AttributeValue>>> seen;
        try (BackupHarness h = BackupHarness.durable(data, clock)) {
            seen = history(h, () -> h.store.snapshot());
            assertRestores(h, seen);
        }
        assertThat(SegmentFiles.snapshots(data))
                .as("the snapshot before the window is kept")
                .hasSizeGreaterThan(1);
        try (BackupHarness h = BackupHarness.durable(data, clock)) {
            assertRestores(h, seen); // after a restart, from snapshots and the retained log
        }
    }

    @Test
    void inMemoryRestoreToAChosenSecondMatchesThatSecondExactly() {
        try (BackupHarness h = BackupHarness.inMemory(clock)) {
            Map<Instant, Map<String, Map<String, AttributeValue>>> seen = history(h, () -> {});
            assertRestores(h, seen);
        }
    }

    /**
     * Writes a second at a time with recovery enabled, taking snapshots on the way, and returns the table's contents
     * as of each second.
     */
    private Map<Instant, Map<String, Map<String, AttributeValue>>> history(BackupHarness h, Runnable snapshot) {
        h.engine.createTable(TestTables.table("orders", T0).withGsi("byStatus").build());
        Items.put(h.engine, "orders", item("before", "1"));
        clock.advance(Duration.ofSeconds(10));
        snapshot.run();
        clock.advance(Duration.ofSeconds(10));
        PointInTimeRecoveryDescription enabled = h.client
                .updateContinuousBackups(r ->
                        r.tableName("orders").pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)))
                .continuousBackupsDescription()
                .pointInTimeRecoveryDescription();
        assertThat(enabled.pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.ENABLED);
        assertThat(enabled.earliestRestorableDateTime()).isEqualTo(clock.instant());
        assertThat(enabled.recoveryPeriodInDays()).isEqualTo(35);

        Map<Instant, Map<String, Map<String, AttributeValue>>> seen = new LinkedHashMap<>();
        seen.put(clock.instant(), Items.contents(h.engine, "orders"));
        for (int second = 1; second <= 8; second++) {
            clock.advance(Duration.ofMillis(400));
            Items.put(h.engine, "orders", item("c" + (second % 3), "o" + second, "gpk", "open", "gsk", "" + second));
            clock.advance(Duration.ofMillis(300));
            if (second % 2 == 0) {
                Items.delete(h.engine, "orders", item("c" + ((second - 1) % 3), "o" + (second - 1)));
            } else {
                Items.put(h.engine, "orders", item("before", "1", "touched", second));
            }
            if (second == 4) {
                snapshot.run();
            }
            clock.advance(Duration.ofMillis(300));
            seen.put(clock.instant(), Items.contents(h.engine, "orders"));
        }
        return seen;
    }

    private void assertRestores(BackupHarness h, Map<Instant, Map<String, Map<String, AttributeValue>>> seen) {
        int n = 0;
        for (Map.Entry<Instant, Map<String, Map<String, AttributeValue>>> e : seen.entrySet()) {
            String target = "orders-at-" + n++;
            if (h.engine.table(target) != null) {
                h.engine.dropTable(h.engine.requireTable(target));
            }
            var restore = h.service.restoreToPointInTime("orders", target, e.getKey(), RestoreOverrides.NONE);
            assertThat(restore.restoredMillis()).isEqualTo(e.getKey().toEpochMilli());
            assertThat(Items.contents(h.engine, target))
                    .as("orders at %s", e.getKey())
                    .isEqualTo(e.getValue());
            long indexed = e.getValue().values().stream()
                    .filter(i -> i.containsKey("gpk"))
                    .count();
            assertThat(restore.table().data().index("byStatus").itemCount()).isEqualTo(indexed);
        }
        Function<Instant, Object> restoreAt =
                t -> h.service.restoreToPointInTime("orders", "too-early", t, RestoreOverrides.NONE);
        Instant earliest = seen.keySet().iterator().next();
        assertThatThrownBy(() -> restoreAt.apply(earliest.minusMillis(1)))
                .isInstanceOf(InvalidRestoreTimeException.class);
        assertThatThrownBy(() -> restoreAt.apply(clock.instant().plusSeconds(1)))
                .isInstanceOf(InvalidRestoreTimeException.class);
        var latest = h.service.restoreToPointInTime(
                "orders", "orders-latest-" + System.nanoTime(), null, RestoreOverrides.NONE);
        assertThat(Items.contents(h.engine, latest.table().name())).isEqualTo(Items.contents(h.engine, "orders"));
    }

    /**
     * AWS names the three instants in whole seconds, each quoted. The public probe of the real service
     * (DDB-TABLE-100) recorded the message up to "…and LatestRestor"; the end, the latest restorable time
     * quoted the same way, follows the same form:
     * https://github.com/aws-controllers-k8s/dynamodb-controller/blob/8ebf2a64f38f7450ebbf16b07d4fb76d05267a40/docs/api-quirks/details/DDB-TABLE-100.md
     */
    @Test
    void aRestoreTimeOutsideTheWindowIsRefusedInAwsWords() {
        try (BackupHarness h = BackupHarness.inMemory(clock)) {
            h.engine.createTable(TestTables.table("orders", T0).build());
            clock.advance(Duration.ofMillis(1_250));
            h.client.updateContinuousBackups(r ->
                    r.tableName("orders").pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
            Instant enabledAt = clock.instant();
            clock.advance(Duration.ofMillis(60_500));
            Instant tooEarly = enabledAt.minusSeconds(30);

            assertThatThrownBy(() -> h.service.restoreToPointInTime("orders", "x", tooEarly, RestoreOverrides.NONE))
                    .isInstanceOfSatisfying(
                            InvalidRestoreTimeException.class,
                            e -> assertThat(e.awsErrorDetails().errorMessage())
                                    .isEqualTo(
                                            "RestoreDateTime '2026-06-30T23:59:31Z' must be within EarliestRestorableDateTime "
                                                    + "'2026-07-01T00:00:01Z' and LatestRestorableDateTime '2026-07-01T00:01:01Z'"));
        }
    }

    @Test
    void recoveryMustBeEnabledAndCanBeDescribedAndDisabled() {
        try (BackupHarness h = BackupHarness.inMemory(clock)) {
            h.engine.createTable(TestTables.table("orders", T0).build());
            var described = h.client
                    .describeContinuousBackups(r -> r.tableName("orders"))
                    .continuousBackupsDescription();
            assertThat(described.continuousBackupsStatus()).isEqualTo(ContinuousBackupsStatus.ENABLED);
            assertThat(described.pointInTimeRecoveryDescription().pointInTimeRecoveryStatus())
                    .isEqualTo(PointInTimeRecoveryStatus.DISABLED);
            // AWS's wording, as a public probe of the real service recorded it (DDB-TABLE-100):
            // https://github.com/aws-controllers-k8s/dynamodb-controller/blob/8ebf2a64f38f7450ebbf16b07d4fb76d05267a40/docs/api-quirks/details/DDB-TABLE-100.md
            assertThatThrownBy(() -> h.service.restoreToPointInTime("orders", "x", null, RestoreOverrides.NONE))
                    .isInstanceOfSatisfying(PointInTimeRecoveryUnavailableException.class, e -> assertThat(
                                    e.awsErrorDetails().errorMessage())
                            .isEqualTo("Point in time recovery is not enabled for table 'orders'"));

            h.client.updateContinuousBackups(
                    r -> r.tableName("orders").pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)
                            .recoveryPeriodInDays(7)));
            clock.advance(Duration.ofDays(10));
            var window = h.client
                    .describeContinuousBackups(r -> r.tableName("orders"))
                    .continuousBackupsDescription()
                    .pointInTimeRecoveryDescription();
            assertThat(window.recoveryPeriodInDays()).isEqualTo(7);
            assertThat(window.earliestRestorableDateTime())
                    .isEqualTo(clock.instant().minus(Duration.ofDays(7)));
            assertThat(window.latestRestorableDateTime()).isEqualTo(clock.instant());

            h.client.updateContinuousBackups(r ->
                    r.tableName("orders").pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(false)));
            assertThatThrownBy(() -> h.service.restoreToPointInTime("orders", "x", null, RestoreOverrides.NONE))
                    .isInstanceOf(PointInTimeRecoveryUnavailableException.class)
                    .hasMessageContaining("orders");
        }
    }
}
