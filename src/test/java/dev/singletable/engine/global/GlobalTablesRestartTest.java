package dev.singletable.engine.global;

import static dev.singletable.engine.global.Replicas.addReplica;
import static dev.singletable.engine.global.Replicas.awaitItem;
import static dev.singletable.engine.global.Replicas.contents;
import static dev.singletable.engine.global.Replicas.createTable;
import static dev.singletable.engine.global.Replicas.get;
import static dev.singletable.engine.global.Replicas.item;
import static dev.singletable.engine.global.Replicas.streamRecords;
import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.core.EngineOptions;
import dev.singletable.engine.regions.RegionSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ReplicaStatus;

/**
 * A durable engine keeps its global tables across restarts: the groups, every region's stamps, and the writes not yet
 * delivered, which a replica that was behind receives after the restart, once.
 */
class GlobalTablesRestartTest {

    @TempDir
    Path dir;

    @Test
    void groupsAndReplicationSurviveARestart() {
        EngineOptions options = EngineOptions.durable(dir.resolve("data"));
        try (EmbeddedEngine engine = EmbeddedEngine.open(options)) {
            DynamoDbClient east = engine.dynamoDbClient("us-east-1");
            createTable(east, "music");
            east.putItem(b -> b.tableName("music").item(item("a", 1, "before the replica")));
            addReplica(east, "music", "eu-west-1");
            awaitItem(engine.dynamoDbClient("eu-west-1"), "music", "a", 1, "before the replica");
        }
        try (EmbeddedEngine engine = EmbeddedEngine.open(options)) {
            DynamoDbClient east = engine.dynamoDbClient("us-east-1");
            DynamoDbClient west = engine.dynamoDbClient("eu-west-1");
            assertThat(Replicas.replicaRegions(east, "music")).containsExactly("eu-west-1");
            assertThat(west.describeTable(b -> b.tableName("music")).table().globalTableVersion())
                    .isEqualTo("2019.11.21");
            west.putItem(b -> b.tableName("music").item(item("b", 1, "after the restart")));
            awaitItem(east, "music", "b", 1, "after the restart");
            assertThat(contents(east, "music")).isEqualTo(contents(west, "music"));
        }
    }

    @Test
    void aReplicaThatWasBehindCatchesUpOnceAfterARestart() throws Exception {
        EngineOptions options = EngineOptions.durable(dir.resolve("data"));
        try (EmbeddedEngine engine = EmbeddedEngine.open(options)) {
            DynamoDbClient east = engine.dynamoDbClient("us-east-1");
            createTable(east, "music");
            addReplica(east, "music", "eu-west-1");
        }
        // an hour's delay: nothing reaches Ireland before the engine stops
        try (EmbeddedEngine engine =
                EmbeddedEngine.open(options, RegionSettings.DEFAULTS.withReplicationDelay(Duration.ofHours(1)))) {
            DynamoDbClient east = engine.dynamoDbClient("us-east-1");
            for (int i = 0; i < 20; i++) {
                int sk = i;
                east.putItem(b -> b.tableName("music").item(item("pending", sk, "v" + sk)));
            }
            assertThat(engine.globalTables().stats())
                    .filteredOn(s -> s.destination().equals("eu-west-1"))
                    .singleElement()
                    .satisfies(s -> assertThat(s.pending()).isEqualTo(20));
            assertThat(get(engine.dynamoDbClient("eu-west-1"), "music", "pending", 0))
                    .isNull();
        }
        try (EmbeddedEngine engine = EmbeddedEngine.open(options)) {
            assertThat(engine.globalTables().awaitQuiescence(Replicas.PATIENCE)).isTrue();
            DynamoDbClient west = engine.dynamoDbClient("eu-west-1");
            assertThat(contents(west, "music"))
                    .hasSize(20)
                    .isEqualTo(contents(engine.dynamoDbClient("us-east-1"), "music"));
            assertThat(streamRecords(west, engine.dynamoDbStreamsClient("eu-west-1"), "music"))
                    .hasSize(20);
        }
        try (EmbeddedEngine engine = EmbeddedEngine.open(options)) {
            assertThat(engine.globalTables().awaitQuiescence(Replicas.PATIENCE)).isTrue();
            assertThat(streamRecords(
                            engine.dynamoDbClient("eu-west-1"), engine.dynamoDbStreamsClient("eu-west-1"), "music"))
                    .as("nothing applied twice")
                    .hasSize(20);
        }
    }

    @Test
    void aReplicaBeingCreatedWhenTheEngineStoppedIsFinishedAtTheNextStart() throws Exception {
        EngineOptions options = EngineOptions.durable(dir.resolve("data"));
        try (EmbeddedEngine engine = EmbeddedEngine.open(options)) {
            DynamoDbClient east = engine.dynamoDbClient("us-east-1");
            createTable(east, "music");
            for (int i = 0; i < 50; i++) {
                int sk = i;
                east.putItem(b -> b.tableName("music").item(item("p" + sk % 5, sk, "v" + sk)));
            }
            // record a CREATING replica as an interrupted start left it: the registry says so, nothing was copied
            ReplicaGroups groups = engine.globalTables().groups();
            groups.put(new ReplicaGroups.Group(
                    "000000000000",
                    "music",
                    java.util.List.of(
                            new ReplicaGroups.Member("us-east-1", ReplicaGroups.Status.ACTIVE, null, 0, null),
                            new ReplicaGroups.Member(
                                    "eu-west-1",
                                    ReplicaGroups.Status.CREATING,
                                    "us-east-1",
                                    System.currentTimeMillis(),
                                    null))));
        }
        try (EmbeddedEngine engine = EmbeddedEngine.open(options)) {
            DynamoDbClient east = engine.dynamoDbClient("us-east-1");
            Replicas.awaitReplica(east, "music", "eu-west-1", ReplicaStatus.ACTIVE);
            assertThat(engine.globalTables().awaitQuiescence(Replicas.PATIENCE)).isTrue();
            assertThat(contents(engine.dynamoDbClient("eu-west-1"), "music"))
                    .hasSize(50)
                    .isEqualTo(contents(east, "music"));
        }
    }
}
