package dev.singletable.engine.table;

import static dev.singletable.engine.table.Requests.attr;
import static dev.singletable.engine.table.Requests.gsi;
import static dev.singletable.engine.table.Requests.hash;
import static dev.singletable.engine.table.Requests.onDemand;
import static dev.singletable.engine.table.Requests.projection;
import static dev.singletable.engine.table.Requests.units;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/** UpdateTable's rules against a current definition, with AWS's messages. */
class UpdateTableRulesTest {

    private static final Instant CREATED = Instant.parse("2026-11-20T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-21T10:15:30.123Z");
    private static final String PREFIX = "One or more parameter values were invalid: ";

    private static final TableDefinition ON_DEMAND =
            TableRequests.create(onDemand().build(), CREATED);
    private static final TableDefinition PROVISIONED = TableRequests.create(
            onDemand()
                    .billingMode("PROVISIONED")
                    .provisionedThroughput(units(5, 5))
                    .build(),
            CREATED);
    private static final TableDefinition ON_DEMAND_WITH_GSI = TableRequests.create(
            onDemand()
                    .attributeDefinitions(attr("pk", "S"), attr("g", "N"))
                    .globalSecondaryIndexes(gsi("by_g", projection("ALL"), hash("g")))
                    .build(),
            CREATED);

    private static UpdateTableRequest.Builder req() {
        return UpdateTableRequest.builder().tableName("tbl");
    }

    private static void assertInvalid(TableDefinition current, UpdateTableRequest.Builder req, String message) {
        assertThatThrownBy(() -> TableRequests.update(current, req.build(), NOW))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
                });
    }

    private static TableDefinition update(TableDefinition current, UpdateTableRequest.Builder req) {
        return TableRequests.update(current, req.build(), NOW);
    }

    @Test
    void nothingToUpdate() {
        String all = "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
                + "GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, MultiAccountReplicaReady, "
                + "ReplicaTransitRoleArn, MultiRegionConsistency, DeletionProtectionEnabled, OnDemandThroughput, "
                + "WarmThroughput or TableClass is required";
        assertInvalid(ON_DEMAND, req(), all);
        assertInvalid(ON_DEMAND, req().attributeDefinitions(attr("pk", "S")), all);
        assertInvalid(ON_DEMAND, req().multiRegionConsistency("STRONG"), all.replace(" MultiRegionConsistency,", ""));
    }

    @Test
    void shapeErrorsComeFirst() {
        assertInvalid(
                ON_DEMAND,
                UpdateTableRequest.builder().tableName("ab"),
                "1 validation error detected: Value "
                        + "'ab' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3");
    }

    @Test
    void singleConcernChanges() {
        assertInvalid(
                ON_DEMAND,
                req().sseSpecification(s -> s.enabled(true)).deletionProtectionEnabled(true),
                PREFIX + "Server-Side Encryption modification must be the only operation in the request");
        assertInvalid(
                ON_DEMAND,
                req().tableClass("STANDARD").deletionProtectionEnabled(true),
                PREFIX + "TableClass modification must be the only operation in the request");
        assertInvalid(
                ON_DEMAND,
                req().deletionProtectionEnabled(true).billingMode("PAY_PER_REQUEST"),
                PREFIX + "DeletionProtection modification must be the only operation in the request");
        assertInvalid(
                ON_DEMAND,
                req().warmThroughput(w -> w.readUnitsPerSecond(13000L)).billingMode("PAY_PER_REQUEST"),
                PREFIX + "WarmThroughput must be the only operation in the request");
        assertInvalid(
                ON_DEMAND,
                req().onDemandThroughput(o -> o.maxReadRequestUnits(5L))
                        .streamSpecification(s -> s.streamEnabled(true).streamViewType("KEYS_ONLY")),
                PREFIX + "OnDemandThroughput can only be combined with BillingMode in an UpdateTable request");
        assertInvalid(
                PROVISIONED,
                req().provisionedThroughput(units(6, 6))
                        .streamSpecification(s -> s.streamEnabled(true).streamViewType("KEYS_ONLY")),
                PREFIX + "You cannot modify stream status while updating table IOPS");
    }

    @Test
    void indexCreateCannotShareACallWithIopsOrStreams() {
        GlobalSecondaryIndexUpdate delete = GlobalSecondaryIndexUpdate.builder()
                .delete(d -> d.indexName("by_g"))
                .build();
        assertInvalid(
                PROVISIONED,
                req().provisionedThroughput(units(6, 6)).globalSecondaryIndexUpdates(delete),
                PREFIX + "You cannot create or delete index while updating table IOPS");
        assertInvalid(
                ON_DEMAND_WITH_GSI,
                req().globalSecondaryIndexUpdates(delete)
                        .streamSpecification(s -> s.streamEnabled(true).streamViewType("KEYS_ONLY")),
                PREFIX + "You cannot create or delete index while changing stream status");
    }

    @Test
    void billingModeRules() {
        assertInvalid(
                ON_DEMAND,
                req().provisionedThroughput(units(1, 1)),
                PREFIX
                        + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        assertInvalid(
                ON_DEMAND,
                req().billingMode("PROVISIONED"),
                PREFIX + "ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
        assertInvalid(
                PROVISIONED,
                req().billingMode("PROVISIONED"),
                PREFIX + "ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
        assertInvalid(
                PROVISIONED,
                req().billingMode("PAY_PER_REQUEST").provisionedThroughput(units(1, 1)),
                PREFIX
                        + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        assertInvalid(
                PROVISIONED,
                req().onDemandThroughput(o -> o.maxReadRequestUnits(5L)),
                PREFIX
                        + "MaxReadRequestUnits for OnDemandThroughput cannot be specified when the table BillingMode is PROVISIONED");
        assertThat(update(ON_DEMAND, req().billingMode("PAY_PER_REQUEST")).billingMode())
                .isEqualTo(BillingMode.PAY_PER_REQUEST);
    }

    @Test
    void sameThroughputWillNotChange() {
        assertInvalid(
                PROVISIONED,
                req().provisionedThroughput(units(5, 5)),
                "The provisioned throughput for the table "
                        + "will not change. The requested value equals the current value. Current ReadCapacityUnits "
                        + "provisioned for the table: 5. Requested ReadCapacityUnits: 5. Current WriteCapacityUnits "
                        + "provisioned for the table: 5. Requested WriteCapacityUnits: 5. Refer to the Amazon DynamoDB "
                        + "Developer Guide for current limits and how to request higher limits.");
    }

    @Test
    void throughputBookkeeping() {
        TableDefinition raised = update(PROVISIONED, req().provisionedThroughput(units(10, 5)));
        assertThat(raised.throughput()).isEqualTo(new Throughput(10, 5, NOW, null, 0));
        TableDefinition lowered = update(raised, req().provisionedThroughput(units(1, 5)));
        assertThat(lowered.throughput()).isEqualTo(new Throughput(1, 5, NOW, NOW, 1));
        assertThat(lowered.warm()).isEqualTo(new TableDefinition.Warm(10, 5));
    }

    @Test
    void switchingToOnDemandAndBack() {
        TableDefinition onDemandNow = update(PROVISIONED, req().billingMode("PAY_PER_REQUEST"));
        assertThat(onDemandNow.billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(onDemandNow.lastUpdateToPayPerRequest()).isEqualTo(NOW);
        assertThat(onDemandNow.throughput().readCapacityUnits()).isZero();

        TableDefinition back =
                update(onDemandNow, req().billingMode("PROVISIONED").provisionedThroughput(units(2, 3)));
        assertThat(back.billingMode()).isEqualTo(BillingMode.PROVISIONED);
        assertThat(back.throughput().readCapacityUnits()).isEqualTo(2);
        assertThat(back.lastUpdateToPayPerRequest()).isEqualTo(NOW);
    }

    @Test
    void switchingToProvisionedNeedsEveryIndexThroughput() {
        assertInvalid(
                ON_DEMAND_WITH_GSI,
                req().billingMode("PROVISIONED").provisionedThroughput(units(1, 1)),
                PREFIX + "ProvisionedThroughput must be specified for index: by_g");
        TableDefinition switched = update(
                ON_DEMAND_WITH_GSI,
                req().billingMode("PROVISIONED")
                        .provisionedThroughput(units(1, 1))
                        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                                .update(u -> u.indexName("by_g").provisionedThroughput(units(3, 4)))
                                .build()));
        assertThat(switched.index("by_g").throughput().readCapacityUnits()).isEqualTo(3);
    }

    @Test
    void streams() {
        assertInvalid(
                ON_DEMAND,
                req().streamSpecification(s -> s.streamEnabled(true)),
                PREFIX + "If stream is being enabled then UpdateViewType is required");
        assertInvalid(
                ON_DEMAND,
                req().streamSpecification(s -> s.streamEnabled(false)),
                "Table has no stream to disable: TableName: tbl");
        TableDefinition enabled = update(
                ON_DEMAND, req().streamSpecification(s -> s.streamEnabled(true).streamViewType("NEW_IMAGE")));
        assertThat(enabled.streamViewType()).isEqualTo(StreamViewType.NEW_IMAGE);
        assertThat(enabled.latestStreamLabel()).isEqualTo("2026-11-21T10:15:30.123");
        assertInvalid(
                enabled,
                req().streamSpecification(s -> s.streamEnabled(true).streamViewType("KEYS_ONLY")),
                "Table already has an enabled stream: TableName: tbl");
        assertInvalid(
                enabled,
                req().streamSpecification(s -> s.streamEnabled(false).streamViewType("KEYS_ONLY")),
                PREFIX + "If stream is being disabled, then UpdateViewType must not be specified");

        TableDefinition disabled = update(enabled, req().streamSpecification(s -> s.streamEnabled(false)));
        assertThat(disabled.streamEnabled()).isFalse();
        assertThat(disabled.latestStreamArn()).isEqualTo(enabled.latestStreamArn());

        TableDefinition reenabled = TableRequests.update(
                disabled,
                req().streamSpecification(s -> s.streamEnabled(true).streamViewType("KEYS_ONLY"))
                        .build(),
                NOW.plusSeconds(60));
        assertThat(reenabled.latestStreamArn()).isNotEqualTo(enabled.latestStreamArn());
    }

    @Test
    void deletionProtectionTableClassAndEncryption() {
        TableDefinition protectedTable = update(ON_DEMAND, req().deletionProtectionEnabled(true));
        assertThat(protectedTable.deletionProtectionEnabled()).isTrue();
        assertThatThrownBy(() -> TableRequests.checkDeletable(protectedTable))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("Resource cannot be deleted as it is currently protected against deletion. "
                        + "Disable deletion protection first.");
        TableRequests.checkDeletable(update(protectedTable, req().deletionProtectionEnabled(false)));

        TableDefinition infrequent = update(ON_DEMAND, req().tableClass("STANDARD_INFREQUENT_ACCESS"));
        assertThat(infrequent.tableClass()).isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS);
        assertThat(infrequent.tableClassUpdatedAt()).isEqualTo(NOW);
        assertInvalid(
                ON_DEMAND,
                req().tableClass("COLD"),
                "Invalid table-class parameter provided. Please try again "
                        + "with a valid table-class value: [STANDARD, STANDARD_INFREQUENT_ACCESS].");

        assertInvalid(
                ON_DEMAND,
                req().sseSpecification(s -> s.enabled(false)),
                PREFIX + "Table is already encrypted by default");
        TableDefinition kms = update(ON_DEMAND, req().sseSpecification(s -> s.enabled(true)));
        assertThat(kms.sse()).isNotNull();
        assertInvalid(
                kms,
                req().sseSpecification(
                                s -> s.sseType("KMS").kmsMasterKeyId(kms.sse().kmsMasterKeyArn())),
                PREFIX + "Table is already encrypted with given KMSMasterKeyId. Use KMSMasterKeyId parameter if you "
                        + "want to change Master Key");
        assertThat(update(kms, req().sseSpecification(s -> s.enabled(false))).sse())
                .isNull();
    }

    @Test
    void indexUpdateShape() {
        assertInvalid(
                ON_DEMAND_WITH_GSI,
                req().globalSecondaryIndexUpdates(
                                GlobalSecondaryIndexUpdate.builder().build()),
                PREFIX + "One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, "
                        + "GlobalSecondaryIndexUpdate.Delete must not be null");
        assertInvalid(
                ON_DEMAND_WITH_GSI,
                req().globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                        .delete(d -> d.indexName("by_g"))
                        .update(u -> u.indexName("by_g"))
                        .build()),
                PREFIX + "Only one global secondary index action is allowed per GlobalSecondaryIndexUpdate object");
        GlobalSecondaryIndexUpdate odt = GlobalSecondaryIndexUpdate.builder()
                .update(u -> u.indexName("by_g").onDemandThroughput(o -> o.maxReadRequestUnits(5L)))
                .build();
        assertInvalid(
                ON_DEMAND_WITH_GSI,
                req().globalSecondaryIndexUpdates(odt, odt),
                PREFIX + "Only one global secondary index update per index is allowed simultaneously. Index: by_g");
        assertInvalid(
                ON_DEMAND_WITH_GSI,
                req().billingMode("PAY_PER_REQUEST").globalSecondaryIndexUpdates(java.util.List.of()),
                PREFIX + "List of GlobalSecondaryIndexUpdates is empty");
        // An empty list alone counts as nothing to update.
        assertThatThrownBy(() -> update(ON_DEMAND_WITH_GSI, req().globalSecondaryIndexUpdates(java.util.List.of())))
                .hasMessageStartingWith("At least one of ProvisionedThroughput");
    }

    @Test
    void createIndex() {
        CreateGlobalSecondaryIndexAction create = CreateGlobalSecondaryIndexAction.builder()
                .indexName("by_h")
                .keySchema(hash("h"))
                .projection(projection("KEYS_ONLY"))
                .build();
        GlobalSecondaryIndexUpdate add =
                GlobalSecondaryIndexUpdate.builder().create(create).build();

        assertInvalid(
                ON_DEMAND,
                req().globalSecondaryIndexUpdates(add),
                PREFIX + "AttributeDefinitions is not specified for index: by_h");
        assertInvalid(
                ON_DEMAND,
                req().attributeDefinitions(attr("pk", "S")).globalSecondaryIndexUpdates(add),
                PREFIX
                        + "Some index key attributes are not defined in AttributeDefinitions. Keys: [h], AttributeDefinitions: [pk]");
        assertInvalid(
                ON_DEMAND_WITH_GSI,
                req().attributeDefinitions(attr("g", "N"))
                        .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                                .create(create.toBuilder().indexName("by_g").build())
                                .build()),
                "Attempting to create an index which already exists");
        assertInvalid(
                PROVISIONED,
                req().attributeDefinitions(attr("h", "S")).globalSecondaryIndexUpdates(add),
                PREFIX + "ProvisionedThroughput must be specified for index: by_h");

        TableDefinition added =
                update(ON_DEMAND, req().attributeDefinitions(attr("h", "S")).globalSecondaryIndexUpdates(add));
        IndexDef index = added.index("by_h");
        assertThat(index.status()).isEqualTo(IndexStatus.CREATING);
        assertThat(index.backfilling()).isFalse();
        assertThat(added.attributeType("h")).isEqualTo(ScalarAttributeType.S);

        TableDefinition active = added.withIndexStatus("by_h", IndexStatus.ACTIVE, false);
        assertThat(active.index("by_h").status()).isEqualTo(IndexStatus.ACTIVE);
    }

    @Test
    void oneOnlineIndexChangeAtATime() {
        CreateGlobalSecondaryIndexAction create = CreateGlobalSecondaryIndexAction.builder()
                .indexName("by_h")
                .keySchema(hash("h"))
                .projection(projection("KEYS_ONLY"))
                .build();
        GlobalSecondaryIndexUpdate add =
                GlobalSecondaryIndexUpdate.builder().create(create).build();
        GlobalSecondaryIndexUpdate drop = GlobalSecondaryIndexUpdate.builder()
                .delete(d -> d.indexName("by_g"))
                .build();
        assertThatThrownBy(() -> update(
                        ON_DEMAND_WITH_GSI,
                        req().attributeDefinitions(attr("h", "S")).globalSecondaryIndexUpdates(add, drop)))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageStartingWith("Subscriber limit exceeded: Only 1 online index can be created or deleted "
                        + "simultaneously per table");
        TableDefinition creating =
                update(ON_DEMAND, req().attributeDefinitions(attr("h", "S")).globalSecondaryIndexUpdates(add));
        assertThatThrownBy(() -> update(
                        creating,
                        req().globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                                .delete(d -> d.indexName("by_h"))
                                .build())))
                .isInstanceOf(LimitExceededException.class);
    }

    @Test
    void deleteIndex() {
        GlobalSecondaryIndexUpdate drop = GlobalSecondaryIndexUpdate.builder()
                .delete(d -> d.indexName("by_g"))
                .build();
        TableDefinition deleting = update(ON_DEMAND_WITH_GSI, req().globalSecondaryIndexUpdates(drop));
        assertThat(deleting.index("by_g").status()).isEqualTo(IndexStatus.DELETING);
        TableDefinition gone = deleting.withoutIndex("by_g");
        assertThat(gone.index("by_g")).isNull();
        assertThat(gone.attributeDefinitions()).containsOnlyKeys("pk");

        assertThatThrownBy(() -> update(
                        ON_DEMAND,
                        req().globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                                .delete(d -> d.indexName("ghost"))
                                .build())))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found: Index ghost for table tbl");
    }

    @Test
    void indexThroughputUpdates() {
        TableDefinition provisionedWithGsi = TableRequests.create(
                onDemand()
                        .billingMode("PROVISIONED")
                        .provisionedThroughput(units(1, 1))
                        .attributeDefinitions(attr("pk", "S"), attr("g", "N"))
                        .globalSecondaryIndexes(gsi("by_g", projection("ALL"), hash("g")).toBuilder()
                                .provisionedThroughput(units(2, 2))
                                .build())
                        .build(),
                CREATED);
        assertInvalid(
                provisionedWithGsi,
                req().globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                        .update(u -> u.indexName("by_g").provisionedThroughput(units(2, 2)))
                        .build()),
                "The provisioned throughput for the index by_g will not change. The requested value equals the "
                        + "current value. Current ReadCapacityUnits provisioned for the index: 2. Requested "
                        + "ReadCapacityUnits: 2. Current WriteCapacityUnits provisioned for the index: 2. Requested "
                        + "WriteCapacityUnits: 2. Refer to the Amazon DynamoDB Developer Guide for current limits and "
                        + "how to request higher limits.");
        TableDefinition raised = update(
                provisionedWithGsi,
                req().globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                        .update(u -> u.indexName("by_g").provisionedThroughput(units(3, 2)))
                        .build()));
        assertThat(raised.index("by_g").throughput().readCapacityUnits()).isEqualTo(3);

        assertInvalid(
                ON_DEMAND_WITH_GSI,
                req().globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                        .update(u -> u.indexName("by_g").provisionedThroughput(units(3, 2)))
                        .build()),
                PREFIX + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified for index: by_g when "
                        + "BillingMode is PAY_PER_REQUEST");
    }
}
