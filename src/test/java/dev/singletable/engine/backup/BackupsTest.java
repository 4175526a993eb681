package dev.singletable.engine.backup;

import static dev.singletable.engine.durability.Items.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.singletable.engine.MutableClock;
import dev.singletable.engine.core.Table;
import dev.singletable.engine.durability.Items;
import dev.singletable.engine.table.TestTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BackupNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.CreateBackupResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeBackupResponse;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableAlreadyExistsException;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;

class BackupsTest {

    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

    private final MutableClock clock = new MutableClock(T0);

    @TempDir
    Path dir;

    private static void fill(BackupHarness h) {
        h.engine.createTable(TestTables.table("music", T0)
                .withGsi("byGenre")
                .withStream(StreamViewType.KEYS_ONLY, T0)
                .withTtl("ttl")
                .build());
        for (int i = 0; i < 30; i++) {
            Items.put(
                    h.engine, "music", item("artist" + (i % 4), "song" + i, "gpk", "genre" + (i % 3), "gsk", "y" + i));
        }
    }

    @Test
    void aBackupRestoresToANewTableWithItsIndexesAndWithoutStreamOrTtl() {
        try (BackupHarness h = BackupHarness.inMemory(clock)) {
            fill(h);
            Map<String, Map<String, AttributeValue>> atBackup = Items.contents(h.engine, "music");
            CreateBackupResponse created =
                    h.client.createBackup(b -> b.tableName("music").backupName("nightly"));
            String arn = created.backupDetails().backupArn();
            assertThat(arn).matches("arn:aws:dynamodb:us-east-1:000000000000:table/music/backup/\\d{14}-[0-9a-f]{8}");
            assertThat(created.backupDetails().backupStatus()).isEqualTo(BackupStatus.CREATING);
            assertThat(created.backupDetails().backupName()).isEqualTo("nightly");

            Items.delete(h.engine, "music", item("artist0", "song0"));
            Items.put(h.engine, "music", item("late", "x"));

            Table restored = h.service.restoreFromBackup(arn, "music-restored", RestoreOverrides.NONE);
            assertThat(Items.contents(h.engine, "music-restored")).isEqualTo(atBackup);
            assertThat(restored.data().index("byGenre").itemCount()).isEqualTo(30);
            assertThat(restored.definition().streamEnabled()).isFalse();
            assertThat(restored.definition().activeTtlAttribute()).isNull();
            assertThat(restored.definition().arn()).endsWith(":table/music-restored");
            assertThat(restored.definition().tableId())
                    .isNotEqualTo(h.engine.requireTable("music").definition().tableId());

            DescribeBackupResponse described = h.client.describeBackup(b -> b.backupArn(arn));
            assertThat(described.backupDescription().backupDetails().backupStatus())
                    .isEqualTo(BackupStatus.AVAILABLE);
            assertThat(described.backupDescription().sourceTableDetails().itemCount())
                    .isEqualTo(30);
            assertThat(described.backupDescription().sourceTableDetails().tableName())
                    .isEqualTo("music");
            assertThat(described.backupDescription().sourceTableFeatureDetails().globalSecondaryIndexes())
                    .extracting(g -> g.indexName())
                    .containsExactly("byGenre");

            assertThatThrownBy(() -> h.service.restoreFromBackup(arn, "music", RestoreOverrides.NONE))
                    .isInstanceOf(TableAlreadyExistsException.class)
                    .hasMessageContaining("Table already exists: music");
            Table withoutIndex = h.service.restoreFromBackup(
                    arn, "music-lean", new RestoreOverrides(null, null, List.of(), null, null));
            assertThat(withoutIndex.definition().globalIndexes()).isEmpty();
            assertThat(withoutIndex.definition().attributeDefinitions()).containsOnlyKeys("pk", "sk");
        }
    }

    @Test
    void listingFilteringPagingAndDeleting() {
        try (BackupHarness h = BackupHarness.inMemory(clock)) {
            fill(h);
            h.engine.createTable(TestTables.hashOnly("other", T0).build());
            String a = h.client
                    .createBackup(b -> b.tableName("music").backupName("first"))
                    .backupDetails()
                    .backupArn();
            clock.advance(Duration.ofMinutes(1));
            String b2 = h.client
                    .createBackup(b -> b.tableName("other").backupName("second"))
                    .backupDetails()
                    .backupArn();
            clock.advance(Duration.ofMinutes(1));
            String c = h.client
                    .createBackup(b -> b.tableName("music").backupName("third"))
                    .backupDetails()
                    .backupArn();

            assertThat(h.client.listBackups(r -> r.tableName("music")).backupSummaries())
                    .extracting(BackupSummary::backupArn)
                    .containsExactly(a, c);
            var page = h.client.listBackups(r -> r.limit(2));
            assertThat(page.backupSummaries())
                    .extracting(BackupSummary::backupArn)
                    .containsExactly(a, b2);
            assertThat(page.lastEvaluatedBackupArn()).isEqualTo(b2);
            assertThat(h.client.listBackups(r -> r.exclusiveStartBackupArn(b2)).backupSummaries())
                    .extracting(BackupSummary::backupArn)
                    .containsExactly(c);
            assertThat(h.client
                            .listBackups(r ->
                                    r.timeRangeLowerBound(T0.plusSeconds(30)).timeRangeUpperBound(T0.plusSeconds(90)))
                            .backupSummaries())
                    .extracting(BackupSummary::backupArn)
                    .containsExactly(b2);

            assertThat(h.client
                            .deleteBackup(r -> r.backupArn(a))
                            .backupDescription()
                            .backupDetails()
                            .backupStatus())
                    .isEqualTo(BackupStatus.DELETED);
            assertThatThrownBy(() -> h.client.describeBackup(r -> r.backupArn(a)))
                    .isInstanceOf(BackupNotFoundException.class)
                    .hasMessageContaining("Backup not found: " + a);
            assertThatThrownBy(() ->
                            h.client.createBackup(r -> r.tableName("missing").backupName("never")))
                    .isInstanceOf(TableNotFoundException.class)
                    .hasMessageContaining("Table not found: missing");
        }
    }

    @Test
    void backupsSurviveARestartAndTheirDataStaysOnDisk() throws Exception {
        Path data = dir.resolve("data");
        String arn;
        Map<String, Map<String, AttributeValue>> atBackup;
        try (BackupHarness h = BackupHarness.durable(data, clock)) {
            fill(h);
            atBackup = Items.contents(h.engine, "music");
            arn = h.client
                    .createBackup(b -> b.tableName("music").backupName("keep"))
                    .backupDetails()
                    .backupArn();
            String gone = h.client
                    .createBackup(b -> b.tableName("music").backupName("drop"))
                    .backupDetails()
                    .backupArn();
            h.client.deleteBackup(b -> b.backupArn(gone));
        }
        Files.writeString(data.resolve("backups").resolve("orphan.backup"), "left by a crash");
        try (BackupHarness h = BackupHarness.durable(data, clock)) {
            assertThat(h.client.listBackups(b -> {}).backupSummaries())
                    .extracting(BackupSummary::backupArn)
                    .containsExactly(arn);
            try (var files = Files.list(data.resolve("backups"))) {
                assertThat(files.toList()).hasSize(1);
            }
            h.engine.dropTable(h.engine.requireTable("music"));
            h.service.restoreFromBackup(arn, "music", RestoreOverrides.NONE);
            assertThat(Items.contents(h.engine, "music")).isEqualTo(atBackup);
        }
        try (BackupHarness h = BackupHarness.durable(data, clock)) {
            assertThat(Items.contents(h.engine, "music")).isEqualTo(atBackup);
        }
    }
}
