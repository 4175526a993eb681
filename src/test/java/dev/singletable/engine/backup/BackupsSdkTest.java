package dev.singletable.engine.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.MutableClock;
import dev.singletable.engine.core.EngineOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** Backups and point-in-time recovery through the SDK's DynamoDbClient, on a durable engine. */
class BackupsSdkTest {

    private static final Instant T0 = Instant.parse("2026-08-01T09:00:00Z");

    @TempDir
    Path dir;

    private static void createTable(DynamoDbClient dynamo) {
        dynamo.createTable(b -> b.tableName("ledger")
                .keySchema(k -> k.attributeName("account").keyType(KeyType.HASH), k -> k.attributeName("entry")
                        .keyType(KeyType.RANGE))
                .attributeDefinitions(
                        a -> a.attributeName("account").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("entry").attributeType(ScalarAttributeType.N),
                        a -> a.attributeName("kind").attributeType(ScalarAttributeType.S))
                .globalSecondaryIndexes(g -> g.indexName("byKind")
                        .keySchema(k -> k.attributeName("kind").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))
                .billingMode(BillingMode.PAY_PER_REQUEST));
    }

    private static void put(DynamoDbClient dynamo, String account, int entry, String kind) {
        dynamo.putItem(b -> b.tableName("ledger")
                .item(Map.of(
                        "account",
                        AttributeValue.fromS(account),
                        "entry",
                        AttributeValue.fromN(Integer.toString(entry)),
                        "kind",
                        AttributeValue.fromS(kind))));
    }

    private static List<Map<String, AttributeValue>> contents(DynamoDbClient dynamo, String table) {
        return dynamo.scan(b -> b.tableName(table)).items().stream()
                .sorted(Comparator.comparing(
                        i -> i.get("account").s() + "/" + i.get("entry").n()))
                .toList();
    }

    @Test
    void restoreFromBackupAndToAChosenSecond() {
        MutableClock clock = new MutableClock(T0);
        try (EmbeddedEngine engine =
                EmbeddedEngine.open(EngineOptions.durable(dir.resolve("data")).withClock(clock))) {
            DynamoDbClient dynamo = engine.dynamoDbClient();
            createTable(dynamo);
            dynamo.updateContinuousBackups(b ->
                    b.tableName("ledger").pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
            Map<Instant, List<Map<String, AttributeValue>>> bySecond = new LinkedHashMap<>();
            String backupArn = null;
            List<Map<String, AttributeValue>> atBackup = null;
            for (int second = 1; second <= 6; second++) {
                clock.advance(Duration.ofMillis(250));
                put(dynamo, "acct" + (second % 2), second, second % 3 == 0 ? "refund" : "charge");
                if (second == 4) {
                    dynamo.deleteItem(b -> b.tableName("ledger")
                            .key(Map.of("account", AttributeValue.fromS("acct1"), "entry", AttributeValue.fromN("1"))));
                    backupArn = dynamo.createBackup(b -> b.tableName("ledger").backupName("mid-day"))
                            .backupDetails()
                            .backupArn();
                    atBackup = contents(dynamo, "ledger");
                }
                clock.advance(Duration.ofMillis(750));
                bySecond.put(clock.instant(), contents(dynamo, "ledger"));
            }

            String arn = backupArn;
            TableDescription fromBackup = dynamo.restoreTableFromBackup(
                            b -> b.backupArn(arn).targetTableName("ledger-backup"))
                    .tableDescription();
            assertThat(fromBackup.tableStatus()).isEqualTo(TableStatus.CREATING);
            assertThat(fromBackup.restoreSummary().sourceBackupArn()).isEqualTo(arn);
            assertThat(fromBackup.globalSecondaryIndexes())
                    .extracting(g -> g.indexName())
                    .containsExactly("byKind");
            assertThat(contents(dynamo, "ledger-backup")).isEqualTo(atBackup);
            assertThat(dynamo.describeTable(b -> b.tableName("ledger-backup"))
                            .table()
                            .tableStatus())
                    .isEqualTo(TableStatus.ACTIVE);

            Instant chosen = bySecond.keySet().stream().skip(2).findFirst().orElseThrow();
            TableDescription restored = dynamo.restoreTableToPointInTime(b -> b.sourceTableName("ledger")
                            .targetTableName("ledger-pitr")
                            .restoreDateTime(chosen))
                    .tableDescription();
            assertThat(restored.restoreSummary().restoreDateTime()).isEqualTo(chosen);
            assertThat(contents(dynamo, "ledger-pitr")).isEqualTo(bySecond.get(chosen));
            assertThat(dynamo.query(b -> b.tableName("ledger-pitr")
                                    .indexName("byKind")
                                    .keyConditionExpression("kind = :k")
                                    .expressionAttributeValues(Map.of(":k", AttributeValue.fromS("refund"))))
                            .count())
                    .isEqualTo((int) bySecond.get(chosen).stream()
                            .filter(i -> i.get("kind").s().equals("refund"))
                            .count());

            var window = dynamo.describeContinuousBackups(b -> b.tableName("ledger"))
                    .continuousBackupsDescription()
                    .pointInTimeRecoveryDescription();
            assertThat(window.earliestRestorableDateTime()).isEqualTo(T0);
            assertThat(window.latestRestorableDateTime()).isEqualTo(clock.instant());
        }
    }
}
