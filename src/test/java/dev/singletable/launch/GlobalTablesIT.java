package dev.singletable.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.singletable.process.ChildProcess;
import dev.singletable.process.SingletableJar;
import dev.singletable.process.WarmAwsCli;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ReplicaStatus;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Global tables as a learner meets them: the standalone engine as a process ({@code java -jar target/singletable.jar
 * --engine-only}) with an artificial replication delay, reached over HTTP by AWS SDK v2 clients that sign for
 * {@code us-east-1} and {@code eu-west-1}. A write in one region is missing in the other for the delay, then there;
 * two writes of one item made in both regions before either has heard of the other end with the later one in both,
 * and each region's stream shows what happened to its replica. Then the AWS CLI and boto3 do the same
 * ({@code scripts/global-tables-cli.sh}, {@code scripts/global-tables-boto3.py}), where installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GlobalTablesIT {

    private static final Duration DELAY = Duration.ofSeconds(3);
    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final String TABLE = "chat";

    private ChildProcess engine;
    private URI endpoint;
    private final List<AutoCloseable> clients = new ArrayList<>();
    private DynamoDbClient virginia;
    private DynamoDbClient ireland;
    /** The AWS CLI and boto3 run their own tables, alongside the SDK's checks (each is slow to start). */
    private ChildProcess awsCli;

    private ChildProcess boto3;

    private Optional<WarmAwsCli> warmCli = Optional.empty();

    @BeforeAll
    void startTheEngine() {
        engine = SingletableJar.command(
                        "global-tables-engine",
                        List.of(
                                "--engine-only",
                                "-inMemory",
                                "-port",
                                "0",
                                "--singletable.engine.replication.delay=" + DELAY.toMillis() + "ms"))
                .start();
        endpoint = SingletableJar.awaitEngine(engine);
        virginia = dynamo(Region.US_EAST_1);
        ireland = dynamo(Region.EU_WEST_1);
        if (AwsCli.installed()) {
            warmCli = WarmAwsCli.start(List.of("dynamodb", "dynamodbstreams"));
            awsCli = AwsCli.script("aws-cli-global-tables", "scripts/global-tables-cli.sh", endpoint, warmCli);
        }
        if (boto3Importable()) {
            boto3 = ChildProcess.command(
                            "boto3-global-tables",
                            List.of("python3", "scripts/global-tables-boto3.py", endpoint.toString()))
                    .start();
        }
    }

    @AfterAll
    void stopEverything() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
        for (ChildProcess child : new ChildProcess[] {awsCli, boto3}) {
            if (child != null) {
                child.close();
            }
        }
        warmCli.ifPresent(WarmAwsCli::close);
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    @Order(1)
    void aReplicaIsAddedAndDescribedInBothRegions() {
        virginia.createTable(b -> b.tableName(TABLE)
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"), a -> a.attributeName("sk")
                        .attributeType("S"))
                .keySchema(k -> k.attributeName("pk").keyType("HASH"), k -> k.attributeName("sk")
                        .keyType("RANGE")));
        assertThat(ireland.listTables().tableNames())
                .as("eu-west-1 has tables of its own")
                .doesNotContain(TABLE);

        virginia.updateTable(b -> b.tableName(TABLE).replicaUpdates(u -> u.create(c -> c.regionName("eu-west-1"))));
        await(
                "the replica becomes ACTIVE",
                () -> virginia.describeTable(b -> b.tableName(TABLE)).table().replicas().stream()
                        .anyMatch(r -> r.replicaStatus() == ReplicaStatus.ACTIVE));

        TableDescription replica =
                ireland.describeTable(b -> b.tableName(TABLE)).table();
        assertThat(replica.tableArn()).isEqualTo("arn:aws:dynamodb:eu-west-1:000000000000:table/" + TABLE);
        assertThat(replica.globalTableVersion()).isEqualTo("2019.11.21");
        assertThat(replica.replicas()).singleElement().satisfies(r -> {
            assertThat(r.regionName()).isEqualTo("us-east-1");
            assertThat(r.replicaStatus()).isEqualTo(ReplicaStatus.ACTIVE);
        });
        assertThat(replica.latestStreamArn())
                .as("a replica has a stream of its own")
                .contains(":eu-west-1:");
    }

    @Test
    @Order(2)
    void aWriteInUsEast1ReachesEuWest1AfterTheLag() {
        long start = System.nanoTime();
        virginia.putItem(b -> b.tableName(TABLE).item(item("room#1", "msg#1", "text", "hi from Virginia")));
        assertThat(read(ireland, "room#1", "msg#1"))
                .as("eventual consistency: not there at once, even with " + "ConsistentRead")
                .isNull();

        await("the write reaches eu-west-1", () -> read(ireland, "room#1", "msg#1") != null);
        Duration lag = Duration.ofNanos(System.nanoTime() - start);
        assertThat(lag).as("the replication delay is the least lag").isGreaterThanOrEqualTo(DELAY);
        assertThat(read(ireland, "room#1", "msg#1")).containsEntry("text", AttributeValue.fromS("hi from Virginia"));
    }

    @Test
    @Order(3)
    void aConflictEndsWithTheLaterWriteInBothRegions() {
        virginia.putItem(b -> b.tableName(TABLE).item(item("room#1", "topic", "t", "from Virginia")));
        assertThat(read(ireland, "room#1", "topic"))
                .as("eu-west-1 has not heard of it yet")
                .isNull();
        ireland.putItem(b -> b.tableName(TABLE).item(item("room#1", "topic", "t", "from Ireland")));
        assertThat(read(virginia, "room#1", "topic"))
                .as("for now each region has its own write")
                .containsEntry("t", AttributeValue.fromS("from Virginia"));

        await("both regions agree", () -> {
            Map<String, AttributeValue> east = read(virginia, "room#1", "topic");
            Map<String, AttributeValue> west = read(ireland, "room#1", "topic");
            return east != null && east.equals(west);
        });
        for (DynamoDbClient region : List.of(virginia, ireland)) {
            assertThat(read(region, "room#1", "topic"))
                    .as("last writer wins")
                    .containsEntry("t", AttributeValue.fromS("from Ireland"));
        }
        // nothing more may arrive: Virginia's copy reached eu-west-1 and lost there
        sleep(DELAY.multipliedBy(2));
        assertThat(read(ireland, "room#1", "topic")).containsEntry("t", AttributeValue.fromS("from Ireland"));
    }

    @Test
    @Order(4)
    void eachRegionsStreamShowsWhatHappenedToItsReplica() {
        List<String> east = topicChanges(Region.US_EAST_1);
        List<String> west = topicChanges(Region.EU_WEST_1);
        assertThat(east)
                .as("us-east-1: its own write, then Ireland's, which won")
                .containsExactly("INSERT from Virginia", "MODIFY from Ireland");
        assertThat(west)
                .as("eu-west-1: its own write; Virginia's copy lost and left no record")
                .containsExactly("INSERT from Ireland");
        assertThat(streamRecords(Region.EU_WEST_1))
                .as("the replicated message is in eu-west-1's stream")
                .anySatisfy(r -> assertThat(r.dynamodb().newImage())
                        .containsEntry("text", AttributeValue.fromS("hi from Virginia")));
    }

    @Test
    @Order(5)
    void theAwsCliCreatesAGlobalTableAndReadsInAnotherRegion() {
        assumeTrue(awsCli != null, "the AWS CLI is not installed");
        int status = awsCli.awaitExit(Duration.ofSeconds(300));
        assertThat(status).as(awsCli.transcript()).isZero();
        assertThat(awsCli.output())
                .contains(
                        "ok: written in us-east-1, read in eu-west-1 after",
                        "ok: the later write won in eu-west-1",
                        "ok: eu-west-1's stream carries the write made in us-east-1",
                        "AWS CLI global tables test passed");
    }

    @Test
    @Order(6)
    void boto3CreatesAGlobalTableAndReadsInAnotherRegion() {
        assumeTrue(boto3 != null, "boto3 is not importable");
        int status = boto3.awaitExit(Duration.ofSeconds(300));
        assertThat(status).as(boto3.transcript()).isZero();
        assertThat(boto3.output())
                .contains(
                        "ok: written in eu-west-1, read in us-east-1",
                        "ok: updated in us-east-1, read in eu-west-1",
                        "boto3 global tables test passed");
    }

    // ---- helpers

    private DynamoDbClient dynamo(Region region) {
        DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(ApacheHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(30))
                        .build())
                .build();
        clients.add(client);
        return client;
    }

    private List<Record> streamRecords(Region region) {
        try (DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder()
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(ApacheHttpClient.builder().build())
                .build()) {
            DynamoDbClient dynamo = region == Region.US_EAST_1 ? virginia : ireland;
            String arn = dynamo.describeTable(b -> b.tableName(TABLE)).table().latestStreamArn();
            assertThat(arn).contains(":" + region.id() + ":");
            List<Record> records = new ArrayList<>();
            streams.describeStream(b -> b.streamArn(arn))
                    .streamDescription()
                    .shards()
                    .forEach(shard -> {
                        String iterator = streams.getShardIterator(b -> b.streamArn(arn)
                                        .shardId(shard.shardId())
                                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                                .shardIterator();
                        while (iterator != null) {
                            String current = iterator;
                            var page = streams.getRecords(b -> b.shardIterator(current));
                            records.addAll(page.records());
                            if (page.records().isEmpty()) {
                                break;
                            }
                            iterator = page.nextShardIterator();
                        }
                    });
            return records;
        }
    }

    /** The topic item's stream records of a region, as "EVENT value". */
    private List<String> topicChanges(Region region) {
        return streamRecords(region).stream()
                .filter(r -> r.dynamodb().keys().get("sk").s().equals("topic"))
                .map(r -> r.eventNameAsString() + " "
                        + r.dynamodb().newImage().get("t").s())
                .toList();
    }

    private static Map<String, AttributeValue> item(String pk, String sk, String name, String value) {
        return Map.of(
                "pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk), name, AttributeValue.fromS(value));
    }

    private static Map<String, AttributeValue> read(DynamoDbClient region, String pk, String sk) {
        var answer = region.getItem(b -> b.tableName(TABLE)
                .consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk))));
        return answer.hasItem() ? answer.item() : null;
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out: " + what).isLessThan(deadline);
            sleep(Duration.ofMillis(100));
        }
    }

    private static void sleep(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static boolean boto3Importable() {
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import boto3")
                    .redirectErrorStream(true)
                    .start();
            try {
                return probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0;
            } finally {
                probe.destroyForcibly();
            }
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
