package dev.singletable.engine.global;

import static dev.singletable.engine.global.Replicas.addReplica;
import static dev.singletable.engine.global.Replicas.await;
import static dev.singletable.engine.global.Replicas.awaitItem;
import static dev.singletable.engine.global.Replicas.createTable;
import static dev.singletable.engine.global.Replicas.get;
import static dev.singletable.engine.global.Replicas.item;
import static dev.singletable.engine.global.Replicas.replicaRegions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.MutableClock;
import dev.singletable.engine.core.EngineOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.MultiRegionConsistency;
import software.amazon.awssdk.services.dynamodb.model.ReplicationGroupUpdate;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/**
 * UpdateTable's ReplicaUpdates and what a global table's regions share, checked as AWS checks them: the rules and
 * messages recorded from AWS by the AWS Controllers for Kubernetes' API-quirks lab (UpdateTable ReplicaUpdates
 * probes, 2026-10) and AWS's documentation
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html,
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_reqs_bestpractices.html).
 */
class ReplicaUpdatesTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
    private final EmbeddedEngine engine =
            EmbeddedEngine.open(EngineOptions.inMemory().withClock(clock));
    private final DynamoDbClient east = engine.dynamoDbClient("us-east-1");
    private final DynamoDbClient west = engine.dynamoDbClient("eu-west-1");
    private final DynamoDbClient tokyo = engine.dynamoDbClient("ap-northeast-1");

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void replicaUpdatesAreCheckedAsAwsChecksThem() {
        createTable(east, "music");
        refused(
                () -> update(east, b -> b.replicaUpdates(create("eu-west-1")).deletionProtectionEnabled(true)),
                "One or more parameter values were invalid: Replica modification must be the only operation in the "
                        + "request");
        refused(
                () -> update(
                        east,
                        b -> b.replicaUpdates(ReplicationGroupUpdate.builder().build())),
                "There are no actions specified in the Replica Update Action of the request.");
        refused(
                () -> update(east, b -> b.replicaUpdates(u -> u.update(x -> x.regionName("eu-west-1")))),
                "There are no actions specified in the Replica Update Action of the request.");
        refused(
                () -> update(
                        east,
                        b -> b.replicaUpdates(
                                u -> u.create(c -> c.regionName("eu-west-1")).delete(d -> d.regionName("eu-west-1")))),
                "Update table operation with more than one type of replica actions not allowed.");
        refused(
                () -> update(east, b -> b.replicaUpdates(create("eu-west-1"), create("ap-northeast-1"))),
                "Update table operation with more than one create or delete replica actions not allowed");
        refused(
                () -> update(east, b -> b.replicaUpdates(create("EU-WEST-1"))),
                "Region EU-WEST-1 is not supported. The latest version of global tables are only supported in the "
                        + "following regions: [");
        refused(
                () -> update(east, b -> b.replicaUpdates(create("us-east-1"))),
                "Cannot add or delete the local region through ReplicaUpdates. Use CreateTable, DeleteTable, or "
                        + "UpdateTable as required.");
        refused(
                () -> update(east, b -> b.replicaUpdates(u -> u.delete(d -> d.regionName("ca-central-1")))),
                "Update global table operation failed because one or more replicas were not part of the global "
                        + "table. Please retry the request without these replicas: [ca-central-1].");
        createTable(west, "music");
        refused(
                () -> update(east, b -> b.replicaUpdates(create("eu-west-1"))),
                "Failed to create a the new replica of table with name: \u2018music\u2019 because one or more "
                        + "replicas already existed as tables.");
        assertThatThrownBy(() -> update(east, b -> b.tableName("missing").replicaUpdates(create("ap-south-1"))))
                .isInstanceOf(ResourceNotFoundException.class);

        east.createTable(b -> b.tableName("provisioned")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(5L)));
        refused(
                () -> update(east, b -> b.tableName("provisioned").replicaUpdates(create("eu-west-1"))),
                "Table write capacity should either be Pay-Per-Request or AutoScaled.");
    }

    @Test
    void aTableWithoutAStreamGetsNewAndOldImages() {
        east.createTable(b -> b.tableName("plain")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                .billingMode("PAY_PER_REQUEST"));
        addReplica(east, "plain", "eu-west-1");
        TableDescription source = east.describeTable(b -> b.tableName("plain")).table();
        assertThat(source.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(west.describeTable(b -> b.tableName("plain"))
                        .table()
                        .streamSpecification()
                        .streamViewType())
                .isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        refused(
                () -> east.updateTable(b -> b.tableName("plain").streamSpecification(s -> s.streamEnabled(false))),
                "One or more parameter values were invalid: Disabling Stream is not allowed for a Global Table "
                        + "replica.");
        refused(
                () -> west.updateTable(b -> b.tableName("plain")
                        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY))),
                "Table already has an enabled stream: TableName: plain");
    }

    @Test
    void aThirdReplicaAddedFromAReplicaJoinsEveryRegion() {
        createTable(east, "music");
        east.putItem(b -> b.tableName("music").item(item("a", 1, "before")));
        addReplica(east, "music", "eu-west-1");
        refused(
                () -> update(west, b -> b.replicaUpdates(create("eu-west-1"))),
                "Cannot add or delete the local region through ReplicaUpdates. Use CreateTable, DeleteTable, or "
                        + "UpdateTable as required.");
        refused(
                () -> update(west, b -> b.replicaUpdates(create("us-east-1"))),
                "Failed to create a the new replica of table with name: \u2018music\u2019 because one or more "
                        + "replicas already existed as tables.");
        addReplica(west, "music", "ap-northeast-1");
        assertThat(replicaRegions(east, "music")).containsExactly("eu-west-1", "ap-northeast-1");
        assertThat(replicaRegions(west, "music")).containsExactly("us-east-1", "ap-northeast-1");
        assertThat(replicaRegions(tokyo, "music")).containsExactly("us-east-1", "eu-west-1");
        awaitItem(tokyo, "music", "a", 1, "before");
        tokyo.putItem(b -> b.tableName("music").item(item("t", 1, "from tokyo")));
        awaitItem(east, "music", "t", 1, "from tokyo");
        awaitItem(west, "music", "t", 1, "from tokyo");
    }

    @Test
    void aDeletedReplicaLeavesTheGroupAndTheTableIsRegionalAgain() {
        createTable(east, "music");
        addReplica(east, "music", "eu-west-1");
        var answer = update(east, b -> b.replicaUpdates(u -> u.delete(d -> d.regionName("eu-west-1"))));
        assertThat(answer.tableDescription().replicas())
                .as("AWS echoes the replica as it was")
                .hasSize(1);
        assertThatThrownBy(() -> west.describeTable(b -> b.tableName("music")))
                .isInstanceOf(ResourceNotFoundException.class);
        TableDescription regional =
                east.describeTable(b -> b.tableName("music")).table();
        assertThat(regional.globalTableVersion()).isNull();
        assertThat(regional.hasReplicas()).isFalse();
        assertThat(regional.streamSpecification().streamEnabled())
                .as("the stream stays")
                .isTrue();

        east.putItem(b -> b.tableName("music").item(item("after", 1, "regional")));
        createTable(west, "music"); // a table of its own now
        assertThat(get(west, "music", "after", 1)).isNull();
        // and the name can be a replica again once that table is gone
        west.deleteTable(b -> b.tableName("music"));
        addReplica(east, "music", "eu-west-1");
        awaitItem(west, "music", "after", 1, "regional");
    }

    @Test
    void aReplicasOwnDeleteTableRemovesItFromTheGroup() {
        createTable(east, "music");
        addReplica(east, "music", "eu-west-1");
        west.updateTable(b -> b.tableName("music").deletionProtectionEnabled(true));
        refused(
                () -> update(east, b -> b.replicaUpdates(u -> u.delete(d -> d.regionName("eu-west-1")))),
                "Cannot delete table music in region eu-west-1 because it has deletion protection enabled. Disable "
                        + "deletion protection first.");
        assertThat(east.describeTable(b -> b.tableName("music")).table().deletionProtectionEnabled())
                .as("deletion protection is regional")
                .isFalse();
        west.updateTable(b -> b.tableName("music").deletionProtectionEnabled(false));
        assertThat(west.deleteTable(b -> b.tableName("music"))
                        .tableDescription()
                        .tableStatusAsString())
                .isEqualTo("DELETING");
        assertThat(east.describeTable(b -> b.tableName("music")).table().hasReplicas())
                .isFalse();
    }

    @Test
    void aRegionThatAddedAReplicaStaysForADay() {
        createTable(east, "music");
        addReplica(east, "music", "eu-west-1");
        String message = "Replica cannot be deleted because it has acted as a source region for new replica(s) being "
                + "added to the table in the last 24 hours.";
        refused(() -> east.deleteTable(b -> b.tableName("music")), message);
        refused(() -> update(west, b -> b.replicaUpdates(u -> u.delete(d -> d.regionName("us-east-1")))), message);
        clock.advance(Duration.ofHours(25));
        update(west, b -> b.replicaUpdates(u -> u.delete(d -> d.regionName("us-east-1"))));
        assertThatThrownBy(() -> east.describeTable(b -> b.tableName("music")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(west.describeTable(b -> b.tableName("music")).table().hasReplicas())
                .isFalse();
    }

    @Test
    void indexesTtlAndTableClassAreTheGroupsDeletionProtectionAndTagsTheRegions() {
        createTable(east, "music");
        east.putItem(b -> b.tableName("music")
                .item(java.util.Map.of("pk", Replicas.s("a"), "sk", Replicas.n(1), "genre", Replicas.s("jazz"))));
        addReplica(east, "music", "eu-west-1");
        west.updateTable(b -> b.tableName("music")
                .attributeDefinitions(
                        a -> a.attributeName("pk").attributeType("S"),
                        a -> a.attributeName("sk").attributeType("N"),
                        a -> a.attributeName("genre").attributeType("S"))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byGenre")
                        .keySchema(k -> k.attributeName("genre").keyType("HASH"))
                        .projection(p -> p.projectionType("ALL")))));
        assertThat(east.query(b -> b.tableName("music")
                                .indexName("byGenre")
                                .keyConditionExpression("genre = :g")
                                .expressionAttributeValues(java.util.Map.of(":g", Replicas.s("jazz"))))
                        .count())
                .as("an index added in Ireland exists in Virginia, backfilled")
                .isEqualTo(1);
        west.updateTimeToLive(b -> b.tableName("music")
                .timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
        assertThat(east.describeTimeToLive(b -> b.tableName("music"))
                        .timeToLiveDescription()
                        .attributeName())
                .isEqualTo("expires");
        east.updateTable(b -> b.tableName("music").tableClass(TableClass.STANDARD_INFREQUENT_ACCESS));
        assertThat(west.describeTable(b -> b.tableName("music"))
                        .table()
                        .tableClassSummary()
                        .tableClass())
                .isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS);
        String eastArn = east.describeTable(b -> b.tableName("music")).table().tableArn();
        east.tagResource(b -> b.resourceArn(eastArn).tags(t -> t.key("team").value("music")));
        String westArn = west.describeTable(b -> b.tableName("music")).table().tableArn();
        assertThat(west.listTagsOfResource(b -> b.resourceArn(westArn)).tags()).isEmpty();
    }

    @Test
    void aReplicaTableClassOverrideIsItsOwn() {
        createTable(east, "music");
        addReplica(east, "music", "eu-west-1");
        update(
                east,
                b -> b.replicaUpdates(u -> u.update(
                        x -> x.regionName("eu-west-1").tableClassOverride(TableClass.STANDARD_INFREQUENT_ACCESS))));
        assertThat(west.describeTable(b -> b.tableName("music"))
                        .table()
                        .tableClassSummary()
                        .tableClass())
                .isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS);
        assertThat(east.describeTable(b -> b.tableName("music")).table().replicas())
                .singleElement()
                .satisfies(r -> assertThat(r.replicaTableClassSummary().tableClass())
                        .isEqualTo(TableClass.STANDARD_INFREQUENT_ACCESS));
        refused(
                () -> update(
                        east,
                        b -> b.replicaUpdates(
                                u -> u.update(x -> x.regionName("eu-west-1").kmsMasterKeyId("alias/aws/dynamodb")))),
                "One or more parameter values were invalid: KMSMasterKeyId must be specified for each replica.");
        refused(
                () -> update(
                        east,
                        b -> b.replicaUpdates(u -> u.update(x -> x.regionName("eu-west-1")
                                .provisionedThroughputOverride(p -> p.readCapacityUnits(10L))))),
                "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is "
                        + "PAY_PER_REQUEST");
    }

    @Test
    void multiRegionStrongConsistencyIsCheckedThenRefusedClearly() {
        createTable(east, "music");
        refused(
                () -> update(east, b -> b.multiRegionConsistency(MultiRegionConsistency.STRONG)
                        .replicaUpdates(create("eu-west-1"))),
                "Unsupported replica count for global tables with MultiRegionConsistency set to STRONG.");
        refused(
                () -> update(east, b -> b.replicaUpdates(create("eu-west-1"))
                        .globalTableWitnessUpdates(w -> w.create(c -> c.regionName("us-east-2")))),
                "MultiRegionConsistency must be set as STRONG when GlobalTableWitnessUpdates parameter is present.");
        refused(
                () -> update(east, b -> b.multiRegionConsistency(MultiRegionConsistency.STRONG)
                        .replicaUpdates(create("eu-west-1"))
                        .globalTableWitnessUpdates(w -> w.create(c -> c.regionName("eu-west-1")))),
                "Cannot target multiple regions with the same action");
        refused(
                () -> update(east, b -> b.multiRegionConsistency(MultiRegionConsistency.STRONG)
                        .replicaUpdates(create("us-west-1"), create("us-east-2"))),
                "Unsupported Region(s) specified for global tables with MultiRegionConsistency set to STRONG: "
                        + "[us-west-1].");
        refused(
                () -> update(east, b -> b.multiRegionConsistency(MultiRegionConsistency.STRONG)
                        .replicaUpdates(create("eu-west-1"), create("us-east-2"))),
                "Multi-Region strong consistency (MultiRegionConsistency STRONG) is not supported by this engine");
        assertThat(east.describeTable(b -> b.tableName("music")).table().hasReplicas())
                .isFalse();
    }

    @Test
    void theLegacyVersionAnswersAsAwsDoesNow() {
        createTable(east, "music");
        refused(
                () -> east.createGlobalTable(b -> b.globalTableName("music")
                        .replicationGroup(r -> r.regionName("us-east-1"), r -> r.regionName("eu-west-1"))),
                "One or more parameter values were invalid: DynamoDB global tables version 2017.11.29 is not "
                        + "supported. We recommend using DynamoDB global tables version 2019.11.21, instead of "
                        + "version 2017.11.29 (Legacy).");
        assertThatThrownBy(() -> east.describeGlobalTable(b -> b.globalTableName("music")))
                .isInstanceOfSatisfying(
                        software.amazon.awssdk.services.dynamodb.model.GlobalTableNotFoundException.class, e -> {
                            assertThat(e.awsErrorDetails().errorMessage())
                                    .isEqualTo(
                                            "Global table not found: Global table with name: 'music' does not exist.");
                            // every DynamoDB error carries its request id (x-amzn-RequestId), this one too
                            assertThat(e.requestId()).isNotBlank();
                        });
        assertThatThrownBy(() -> east.describeGlobalTableSettings(b -> b.globalTableName("music")))
                .isInstanceOfSatisfying(
                        software.amazon.awssdk.services.dynamodb.model.GlobalTableNotFoundException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo("Global table with name: 'music' does not exist."));
        assertThat(east.listGlobalTables(b -> {}).globalTables()).isEmpty();
        assertThatThrownBy(() -> east.describeTableReplicaAutoScaling(b -> b.tableName("music")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(
                                e.awsErrorDetails().errorMessage())
                        .isEqualTo("Global table with name: 'music' does not exist."));
        addReplica(east, "music", "eu-west-1");
        assertThat(east.describeTableReplicaAutoScaling(b -> b.tableName("music"))
                        .tableAutoScalingDescription()
                        .replicas())
                .extracting(r -> r.regionName())
                .containsExactly("eu-west-1", "us-east-1");
    }

    private static ReplicationGroupUpdate create(String region) {
        return ReplicationGroupUpdate.builder()
                .create(c -> c.regionName(region))
                .build();
    }

    private static software.amazon.awssdk.services.dynamodb.model.UpdateTableResponse update(
            DynamoDbClient client, Consumer<UpdateTableRequest.Builder> request) {
        return client.updateTable(b -> {
            b.tableName("music");
            request.accept(b);
        });
    }

    private static void refused(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorMessage()).startsWith(message);
        });
    }

    static void awaitGone(DynamoDbClient client, String table) {
        await("table gone", () -> {
            try {
                client.describeTable(b -> b.tableName(table));
                return false;
            } catch (ResourceNotFoundException e) {
                return true;
            }
        });
    }
}
