package dev.singletable.engine.regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.core.EngineOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Each region of each account has its own tables, as on AWS: a table, its items, its stream and its backups belong
 * to the region (and account) whose client created them, and every ARN says so. {@code -sharedDb} puts every region
 * in one namespace, as DynamoDB Local's flag does.
 */
class RegionsTest {

    @TempDir
    Path dir;

    @Test
    void eachRegionHasItsOwnTablesAndArns() {
        try (EmbeddedEngine engine = EmbeddedEngine.inMemory()) {
            DynamoDbClient virginia = engine.dynamoDbClient("us-east-1");
            DynamoDbClient ireland = engine.dynamoDbClient("eu-west-1");
            TableDescription created = createTable(virginia, "music");
            assertThat(created.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/music");

            assertThat(ireland.listTables().tableNames()).isEmpty();
            assertThatThrownBy(() -> ireland.describeTable(b -> b.tableName("music")))
                    .isInstanceOf(ResourceNotFoundException.class);

            TableDescription irish = createTable(ireland, "music");
            assertThat(irish.tableArn()).isEqualTo("arn:aws:dynamodb:eu-west-1:000000000000:table/music");
            assertThat(irish.latestStreamArn())
                    .startsWith("arn:aws:dynamodb:eu-west-1:000000000000:table/music/stream/");
            assertThat(irish.tableId()).isNotEqualTo(created.tableId());

            virginia.putItem(b -> b.tableName("music").item(Map.of("pk", s("a"), "v", s("virginia"))));
            assertThat(ireland.getItem(b -> b.tableName("music").key(Map.of("pk", s("a"))))
                            .hasItem())
                    .isFalse();
            assertThat(virginia.getItem(b -> b.tableName("music").key(Map.of("pk", s("a"))))
                            .item())
                    .containsEntry("v", s("virginia"));
            // the home client is the home region's
            assertThat(engine.dynamoDbClient()
                            .describeTable(b -> b.tableName("music"))
                            .table()
                            .tableArn())
                    .isEqualTo(created.tableArn());
            assertThat(engine.regions()).containsExactly("us-east-1", "eu-west-1");
        }
    }

    @Test
    void streamRecordsNameTheirRegionAndBackupsBelongToIt() {
        try (EmbeddedEngine engine = EmbeddedEngine.inMemory()) {
            DynamoDbClient ireland = engine.dynamoDbClient("eu-west-1");
            DynamoDbStreamsClient irishStreams = engine.dynamoDbStreamsClient("eu-west-1");
            String streamArn = createTable(ireland, "music").latestStreamArn();
            ireland.putItem(b -> b.tableName("music").item(Map.of("pk", s("a"))));

            assertThat(engine.dynamoDbStreamsClient("us-east-1").listStreams().streams())
                    .isEmpty();
            String shard = irishStreams
                    .describeStream(b -> b.streamArn(streamArn))
                    .streamDescription()
                    .shards()
                    .get(0)
                    .shardId();
            String iterator = irishStreams
                    .getShardIterator(b ->
                            b.streamArn(streamArn).shardId(shard).shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                    .shardIterator();
            assertThat(irishStreams.getRecords(b -> b.shardIterator(iterator)).records())
                    .singleElement()
                    .satisfies(r -> assertThat(r.awsRegion()).isEqualTo("eu-west-1"));

            String backupArn = ireland.createBackup(b -> b.tableName("music").backupName("nightly"))
                    .backupDetails()
                    .backupArn();
            assertThat(backupArn).startsWith("arn:aws:dynamodb:eu-west-1:000000000000:table/music/backup/");
            assertThat(engine.dynamoDbClient("us-east-1").listBackups().backupSummaries())
                    .isEmpty();
        }
    }

    @Test
    void sharedDbIsOneNamespaceForEveryRegion() {
        try (EmbeddedEngine engine =
                EmbeddedEngine.open(EngineOptions.inMemory(), RegionSettings.DEFAULTS.withSharedDb(true))) {
            createTable(engine.dynamoDbClient("eu-west-1"), "music");
            assertThat(engine.dynamoDbClient("us-east-1").listTables().tableNames())
                    .containsExactly("music");
            assertThat(engine.dynamoDbClient("ap-south-1")
                            .describeTable(b -> b.tableName("music"))
                            .table()
                            .tableArn())
                    .as("the home region's ARN, whatever the caller's region")
                    .isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/music");
            assertThat(engine.clients("111111111111", "eu-west-1")
                            .dynamo()
                            .listTables()
                            .tableNames())
                    .as("and whatever its account")
                    .containsExactly("music");
        }
    }

    @Test
    void aDurableEngineKeepsEveryRegionInItsOwnDirectory() {
        EngineOptions options = EngineOptions.durable(dir.resolve("data"));
        try (EmbeddedEngine engine = EmbeddedEngine.open(options)) {
            createTable(engine.dynamoDbClient("eu-west-1"), "music");
            engine.dynamoDbClient("eu-west-1").putItem(b -> b.tableName("music").item(Map.of("pk", s("a"))));
            createTable(engine.dynamoDbClient(), "home");
        }
        assertThat(Files.isDirectory(dir.resolve("data/regions/eu-west-1"))).isTrue();
        try (EmbeddedEngine engine = EmbeddedEngine.open(options)) {
            assertThat(engine.regions())
                    .as("opened at start, before any request names it")
                    .containsExactly("us-east-1", "eu-west-1");
            assertThat(engine.dynamoDbClient().listTables().tableNames()).containsExactly("home");
            DynamoDbClient ireland = engine.dynamoDbClient("eu-west-1");
            assertThat(ireland.listTables().tableNames()).containsExactly("music");
            assertThat(ireland.getItem(b -> b.tableName("music").key(Map.of("pk", s("a"))))
                            .hasItem())
                    .isTrue();
        }
    }

    @Test
    void aRegionNameThatCannotBeOneIsAwsSignatureError() {
        try (EmbeddedEngine engine = EmbeddedEngine.inMemory()) {
            for (String region : new String[] {"../etc", "US-EAST-1", "eu west", "-x", ""}) {
                assertThatThrownBy(() -> engine.clients(null, region))
                        .as(region)
                        .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                            assertThat(e.awsErrorDetails().errorMessage())
                                    .isEqualTo("Credential should be scoped to a valid region, not '" + region + "'.");
                        });
            }
            assertThat(engine.clients(null, "local").dynamo().listTables().tableNames())
                    .as("DynamoDB Local users' region names are regions here")
                    .isEmpty();
        }
    }

    @Test
    void accessKeysActInTheirAccounts() {
        try (EmbeddedEngine engine = EmbeddedEngine.open(
                EngineOptions.inMemory(),
                RegionSettings.DEFAULTS.withAccountsByAccessKey(Map.of("AKIDANN", "222222222222")))) {
            DynamoDbClient home = engine.clients("AKIDWHOEVER", "us-east-1").dynamo();
            DynamoDbClient numbered =
                    engine.clients("111111111111", "us-east-1").dynamo();
            DynamoDbClient mapped = engine.clients("AKIDANN", "us-east-1").dynamo();

            String homeArn = createTable(home, "music").tableArn();
            assertThat(homeArn).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/music");
            assertThat(engine.dynamoDbClient().listTables().tableNames())
                    .as("an unmapped key acts in the engine's own account")
                    .containsExactly("music");
            assertThat(numbered.listTables().tableNames()).isEmpty();
            assertThat(createTable(numbered, "music").tableArn())
                    .isEqualTo("arn:aws:dynamodb:us-east-1:111111111111:table/music");
            assertThat(createTable(mapped, "music").tableArn())
                    .isEqualTo("arn:aws:dynamodb:us-east-1:222222222222:table/music");
        }
    }

    @Test
    void anArnOfAnotherAccountIsAccessDenied() {
        try (EmbeddedEngine engine = EmbeddedEngine.inMemory()) {
            DynamoDbClient other = engine.clients("111111111111", "us-east-1").dynamo();
            String homeArn = createTable(engine.dynamoDbClient(), "music").tableArn();

            assertThatThrownBy(() -> other.listTagsOfResource(b -> b.resourceArn(homeArn)))
                    .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                        assertThat(e.awsErrorDetails().errorMessage())
                                .isEqualTo(
                                        "User: arn:aws:iam::111111111111:root"
                                                + " is not authorized to perform: dynamodb:ListTagsOfResource on resource: "
                                                + homeArn
                                                + " because no resource-based policy allows the dynamodb:ListTagsOfResource action");
                    });
            assertThatThrownBy(() -> other.getItem(b -> b.tableName(homeArn).key(Map.of("pk", s("a")))))
                    .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(
                                    e.awsErrorDetails().errorMessage())
                            .as("a table named by another account's ARN (TableArnTest)")
                            .isEqualTo("Access is denied"));
            assertThatThrownBy(() -> other.batchGetItem(b -> b.requestItems(Map.of(
                            homeArn,
                            software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder()
                                    .keys(Map.of("pk", s("a")))
                                    .build()))))
                    .isInstanceOfSatisfying(
                            DynamoDbException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
            assertThatThrownBy(() -> other.transactWriteItems(b ->
                            b.transactItems(t -> t.put(p -> p.tableName(homeArn).item(Map.of("pk", s("a")))))))
                    .isInstanceOfSatisfying(
                            DynamoDbException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
            // the owner's own ARN is no foreign one: its account answers (here: the table is found by its tags)
            assertThat(engine.dynamoDbClient()
                            .listTagsOfResource(b -> b.resourceArn(homeArn))
                            .tags())
                    .isEmpty();
        }
    }

    static TableDescription createTable(DynamoDbClient client, String name) {
        return client.createTable(b -> b.tableName(name)
                        .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                        .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                        .billingMode("PAY_PER_REQUEST")
                        .streamSpecification(
                                s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
                .tableDescription();
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
