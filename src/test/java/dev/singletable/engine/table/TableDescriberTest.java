package dev.singletable.engine.table;

import static dev.singletable.engine.table.Requests.attr;
import static dev.singletable.engine.table.Requests.gsi;
import static dev.singletable.engine.table.Requests.hash;
import static dev.singletable.engine.table.Requests.lsi;
import static dev.singletable.engine.table.Requests.onDemand;
import static dev.singletable.engine.table.Requests.onDemandWithRange;
import static dev.singletable.engine.table.Requests.projection;
import static dev.singletable.engine.table.Requests.range;
import static dev.singletable.engine.table.Requests.units;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.SSEStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/** The TableDescription AWS returns for DescribeTable, CreateTable and DeleteTable. */
class TableDescriberTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:15:30.123Z");

    @Test
    void onDemandTable() {
        TableDefinition table = TableRequests.create(onDemand().build(), NOW);
        TableDescription d = table.describe(new TableStats(3, 120, Map.of(), "ACTIVE"));

        assertThat(d.tableName()).isEqualTo("tbl");
        assertThat(d.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/tbl");
        assertThat(d.tableId()).isEqualTo(table.tableId());
        assertThat(d.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(d.creationDateTime()).isEqualTo(NOW);
        assertThat(d.itemCount()).isEqualTo(3);
        assertThat(d.tableSizeBytes()).isEqualTo(120);
        assertThat(d.keySchema()).containsExactly(hash("pk"));
        assertThat(d.attributeDefinitions()).containsExactly(attr("pk", "S"));
        assertThat(d.provisionedThroughput().readCapacityUnits()).isZero();
        assertThat(d.provisionedThroughput().writeCapacityUnits()).isZero();
        assertThat(d.provisionedThroughput().numberOfDecreasesToday()).isZero();
        assertThat(d.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(d.billingModeSummary().lastUpdateToPayPerRequestDateTime()).isEqualTo(NOW);
        assertThat(d.deletionProtectionEnabled()).isFalse();
        assertThat(d.warmThroughput().readUnitsPerSecond()).isEqualTo(12000);
        assertThat(d.warmThroughput().writeUnitsPerSecond()).isEqualTo(4000);
        assertThat(d.warmThroughput().statusAsString()).isEqualTo("ACTIVE");
        // Blocks AWS leaves out unless they apply.
        assertThat(d.streamSpecification()).isNull();
        assertThat(d.latestStreamArn()).isNull();
        assertThat(d.sseDescription()).isNull();
        assertThat(d.tableClassSummary()).isNull();
        assertThat(d.onDemandThroughput()).isNull();
        assertThat(d.hasGlobalSecondaryIndexes()).isFalse();
        assertThat(d.hasLocalSecondaryIndexes()).isFalse();
    }

    @Test
    void provisionedTableHasNoBillingSummaryAndWarmMirrorsCapacity() {
        TableDefinition table = TableRequests.create(
                onDemand()
                        .billingMode("PROVISIONED")
                        .provisionedThroughput(units(5, 7))
                        .build(),
                NOW);
        TableDescription d = table.describe(TableStats.empty("ACTIVE"));
        assertThat(d.billingModeSummary()).isNull();
        assertThat(d.provisionedThroughput().readCapacityUnits()).isEqualTo(5);
        assertThat(d.provisionedThroughput().writeCapacityUnits()).isEqualTo(7);
        assertThat(d.warmThroughput().readUnitsPerSecond()).isEqualTo(5);
        assertThat(d.warmThroughput().writeUnitsPerSecond()).isEqualTo(7);
    }

    @Test
    void attributeDefinitionsAndNonKeyAttributesAreSortedIndexesKeepOrder() {
        TableDefinition table = TableRequests.create(
                onDemandWithRange()
                        .attributeDefinitions(attr("z", "S"), attr("sk", "S"), attr("pk", "S"), attr("a", "N"))
                        .localSecondaryIndexes(
                                lsi("l-z", projection("INCLUDE", "zz", "aa", "mm"), hash("pk"), range("a")))
                        .globalSecondaryIndexes(
                                gsi("g-z", projection("ALL"), hash("z")),
                                gsi("g-a", projection("KEYS_ONLY"), hash("a"), range("z")))
                        .build(),
                NOW);
        TableDescription d = table.describe(new TableStats(0, 0, Map.of("g-a", new long[] {2, 40}), "ACTIVE"));

        assertThat(d.attributeDefinitions())
                .extracting(AttributeDefinition::attributeName)
                .containsExactly("a", "pk", "sk", "z");
        assertThat(d.localSecondaryIndexes().get(0).projection().nonKeyAttributes())
                .containsExactly("aa", "mm", "zz");
        assertThat(d.globalSecondaryIndexes())
                .extracting(GlobalSecondaryIndexDescription::indexName)
                .containsExactly("g-z", "g-a");

        GlobalSecondaryIndexDescription ga = d.globalSecondaryIndexes().get(1);
        assertThat(ga.keySchema()).containsExactly(hash("a"), range("z"));
        assertThat(ga.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
        assertThat(ga.indexArn()).isEqualTo(table.arn() + "/index/g-a");
        assertThat(ga.itemCount()).isEqualTo(2);
        assertThat(ga.indexSizeBytes()).isEqualTo(40);
        assertThat(ga.provisionedThroughput().readCapacityUnits()).isZero();
        assertThat(ga.warmThroughput().readUnitsPerSecond()).isEqualTo(12000);
        assertThat(ga.backfilling()).isNull();

        assertThat(d.localSecondaryIndexes().get(0).indexArn()).isEqualTo(table.arn() + "/index/l-z");
        assertThat(d.localSecondaryIndexes().get(0).itemCount()).isZero();
    }

    @Test
    void createResponseOmitsWarmThroughputAndPayPerRequestTime() {
        TableDefinition table = TableRequests.create(
                onDemand()
                        .attributeDefinitions(attr("pk", "S"), attr("g", "S"))
                        .globalSecondaryIndexes(gsi("by_g", projection("ALL"), hash("g")))
                        .build(),
                NOW);
        TableDescription d = table.describe(TableStats.empty("CREATING"), DescribeView.CREATE);
        assertThat(d.tableStatus()).isEqualTo(TableStatus.CREATING);
        assertThat(d.warmThroughput()).isNull();
        assertThat(d.globalSecondaryIndexes().get(0).warmThroughput()).isNull();
        assertThat(d.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(d.billingModeSummary().lastUpdateToPayPerRequestDateTime()).isNull();
        assertThat(d.keySchema()).isNotEmpty();
    }

    @Test
    void deleteResponseIsIdentityStatusCapacityAndSize() {
        TableDefinition table = TableRequests.create(
                onDemandWithRange()
                        .attributeDefinitions(attr("pk", "S"), attr("sk", "S"), attr("x", "S"))
                        .globalSecondaryIndexes(gsi("by_x", projection("ALL"), hash("x")))
                        .build(),
                NOW);
        TableDescription d = table.describe(new TableStats(4, 100, Map.of(), "DELETING"), DescribeView.DELETE);
        assertThat(d.tableName()).isEqualTo("tbl");
        assertThat(d.tableStatus()).isEqualTo(TableStatus.DELETING);
        assertThat(d.tableId()).isEqualTo(table.tableId());
        assertThat(d.tableArn()).startsWith("arn:");
        assertThat(d.itemCount()).isEqualTo(4);
        assertThat(d.tableSizeBytes()).isEqualTo(100);
        assertThat(d.billingModeSummary().lastUpdateToPayPerRequestDateTime()).isEqualTo(NOW);
        assertThat(d.provisionedThroughput().numberOfDecreasesToday()).isZero();
        assertThat(d.creationDateTime()).isNull();
        assertThat(d.hasKeySchema()).isFalse();
        assertThat(d.hasAttributeDefinitions()).isFalse();
        assertThat(d.hasGlobalSecondaryIndexes()).isFalse();
        assertThat(d.hasLocalSecondaryIndexes()).isFalse();
    }

    @Test
    void optionalBlocks() {
        TableDefinition table = TableRequests.create(
                onDemand()
                        .tableClass("STANDARD_INFREQUENT_ACCESS")
                        .deletionProtectionEnabled(true)
                        .sseSpecification(s -> s.enabled(true))
                        .onDemandThroughput(o -> o.maxReadRequestUnits(100L).maxWriteRequestUnits(50L))
                        .streamSpecification(s -> s.streamEnabled(true).streamViewType("NEW_AND_OLD_IMAGES"))
                        .build(),
                NOW);
        TableDescription d = table.describe(TableStats.empty("ACTIVE"));
        assertThat(d.streamSpecification().streamEnabled()).isTrue();
        assertThat(d.streamSpecification().streamViewTypeAsString()).isEqualTo("NEW_AND_OLD_IMAGES");
        assertThat(d.latestStreamLabel()).isEqualTo("2026-11-21T10:15:30.123");
        assertThat(d.latestStreamArn()).isEqualTo(table.arn() + "/stream/2026-11-21T10:15:30.123");
        assertThat(d.sseDescription().status()).isEqualTo(SSEStatus.ENABLED);
        assertThat(d.sseDescription().sseTypeAsString()).isEqualTo("KMS");
        assertThat(d.sseDescription().kmsMasterKeyArn()).startsWith("arn:aws:kms:us-east-1:000000000000:key/");
        assertThat(d.tableClassSummary().tableClassAsString()).isEqualTo("STANDARD_INFREQUENT_ACCESS");
        assertThat(d.deletionProtectionEnabled()).isTrue();
        assertThat(d.onDemandThroughput().maxReadRequestUnits()).isEqualTo(100);
        assertThat(d.onDemandThroughput().maxWriteRequestUnits()).isEqualTo(50);

        TableDefinition streamOff = TableRequests.update(
                table,
                UpdateTableRequest.builder()
                        .tableName("tbl")
                        .streamSpecification(s -> s.streamEnabled(false))
                        .build(),
                NOW);
        TableDescription off = streamOff.describe(TableStats.empty("ACTIVE"));
        assertThat(off.streamSpecification()).isNull();
        assertThat(off.latestStreamArn()).isEqualTo(d.latestStreamArn());
    }

    @Test
    void indexBeingCreatedReportsBackfilling() {
        TableDefinition table = TableRequests.create(onDemand().build(), NOW);
        TableDefinition adding = TableRequests.update(
                table,
                UpdateTableRequest.builder()
                        .tableName("tbl")
                        .attributeDefinitions(attr("g", "S"))
                        .globalSecondaryIndexUpdates(u -> u.create(
                                c -> c.indexName("by_g").keySchema(hash("g")).projection(projection("ALL"))))
                        .build(),
                NOW);
        GlobalSecondaryIndexDescription creating = adding.describe(TableStats.empty("ACTIVE"))
                .globalSecondaryIndexes()
                .get(0);
        assertThat(creating.indexStatus()).isEqualTo(IndexStatus.CREATING);
        assertThat(creating.backfilling()).isFalse();
        assertThat(creating.warmThroughput().statusAsString()).isEqualTo("UPDATING");

        GlobalSecondaryIndexDescription backfilling = adding.withIndexStatus("by_g", IndexStatus.CREATING, true)
                .describe(TableStats.empty("ACTIVE"))
                .globalSecondaryIndexes()
                .get(0);
        assertThat(backfilling.backfilling()).isTrue();
        GlobalSecondaryIndexDescription active = adding.withIndexStatus("by_g", IndexStatus.ACTIVE, false)
                .describe(TableStats.empty("ACTIVE"))
                .globalSecondaryIndexes()
                .get(0);
        assertThat(active.backfilling()).isNull();
    }
}
