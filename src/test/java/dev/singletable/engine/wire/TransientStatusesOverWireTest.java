package dev.singletable.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.MutableClock;
import dev.singletable.engine.core.EngineOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * Transient statuses (DynamoDB Local's {@code -delayTransientStatuses}, {@code singletable.engine.delay-transient-statuses})
 * through the SDK over HTTP, with the SDK's own waiters: a table is CREATING, UPDATING and DELETING for a while, a new
 * global index CREATING longer than its table is UPDATING, and what AWS refuses in those states is refused with AWS's
 * errors (public probes of AWS record them; https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html:
 * "You can perform read and write operations only on an ACTIVE table"; "Cannot read from backfilling global secondary
 * index" is the error AWS gives while an index is built). The engine's clock is moved by hand, so what is asserted
 * "during" a status is not at the mercy of a loaded machine.
 */
class TransientStatusesOverWireTest {

    private static final Duration DELAY = Duration.ofSeconds(2);
    private static final String IN_USE = "Attempt to change a resource which is still in use: ";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private EmbeddedEngine engine;
    private WireServer server;
    private DynamoDbClient client;
    private DynamoDbWaiter waiter;

    @BeforeEach
    void start() {
        start(EngineOptions.inMemory());
    }

    private void start(EngineOptions base) {
        engine = EmbeddedEngine.open(base.withClock(clock).withThrottling(false).withTransientStatusDelay(DELAY));
        server =
                WireServer.start(WireServerOptions.defaults(), engine.dynamoDbClient(), engine.dynamoDbStreamsClient());
        client = WireTestClients.dynamo(server.endpoint());
        // the SDK's waiter as clients use it, polling faster than its 20 s default
        waiter = DynamoDbWaiter.builder()
                .client(client)
                .overrideConfiguration(WaiterOverrideConfiguration.builder()
                        .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(200)))
                        .maxAttempts(100)
                        .build())
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
        engine.close();
    }

    private static DynamoDbException failure(Runnable call) {
        return catchThrowableOfType(DynamoDbException.class, call::run);
    }

    private static void assertError(Supplier<?> call, String code, String message) {
        DynamoDbException e = failure(call::get);
        assertThat(e).as("expected %s", code).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    }

    private void createTable(String name) {
        var created = client.createTable(b -> b.tableName(name)
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(
                        a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("g").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .globalSecondaryIndexes(g -> g.indexName("byG")
                        .keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL))));
        assertThat(created.tableDescription().tableStatus()).isEqualTo(TableStatus.CREATING);
        assertThat(created.tableDescription().globalSecondaryIndexes().get(0).indexStatus())
                .isEqualTo(IndexStatus.CREATING);
    }

    @Test
    void aNewTableIsCreatingUntilItIsActive() {
        createTable("fresh");
        var described = client.describeTable(b -> b.tableName("fresh")).table();
        assertThat(described.tableStatus()).isEqualTo(TableStatus.CREATING);
        assertThat(described.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.CREATING);
        assertThat(client.listTables().tableNames()).contains("fresh");
        Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("a"), "g", AttributeValue.fromS("x"));
        assertError(
                () -> client.putItem(b -> b.tableName("fresh").item(item)),
                "ResourceNotFoundException",
                "Requested resource not found");
        assertError(
                () -> client.updateTable(b -> b.tableName("fresh").deletionProtectionEnabled(true)),
                "ResourceInUseException",
                IN_USE + "Table is being created: fresh");
        assertError(
                () -> client.deleteTable(b -> b.tableName("fresh")),
                "ResourceInUseException",
                IN_USE + "Table is being created: fresh");
        assertError(
                () -> client.createTable(b -> b.tableName("fresh")
                        .billingMode("PAY_PER_REQUEST")
                        .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))),
                "ResourceInUseException",
                IN_USE + "Table is being created: fresh");
        assertError(
                () -> client.describeTimeToLive(b -> b.tableName("fresh")),
                "ValidationException",
                "Cannot describe time to live while table is in CREATING state: Current table state is CREATING");
        String arn = described.tableArn();
        assertError(
                () -> client.listTagsOfResource(b -> b.resourceArn(arn)),
                "ResourceNotFoundException",
                "Requested resource not found: ResourceArn: " + arn + " not found");
        assertError(
                () -> client.getResourcePolicy(b -> b.resourceArn(arn)),
                "ResourceNotFoundException",
                "Requested resource not found: Table: fresh not found");

        clock.advance(DELAY);
        waiter.waitUntilTableExists(b -> b.tableName("fresh"));
        var active = client.describeTable(b -> b.tableName("fresh")).table();
        assertThat(active.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(active.globalSecondaryIndexes().get(0).indexStatus()).isEqualTo(IndexStatus.ACTIVE);
        client.putItem(b -> b.tableName("fresh").item(item));
        assertThat(client.getItem(b -> b.tableName("fresh").key(Map.of("pk", AttributeValue.fromS("a"))))
                        .item())
                .isEqualTo(item);
    }

    @Test
    void updatesAndNewIndexesTakeTheirTime() {
        createTable("busy");
        clock.advance(DELAY);
        waiter.waitUntilTableExists(b -> b.tableName("busy"));
        Map<String, AttributeValue> item =
                Map.of("pk", AttributeValue.fromS("a"), "g", AttributeValue.fromS("x"), "h", AttributeValue.fromS("y"));
        client.putItem(b -> b.tableName("busy").item(item));
        var updated = client.updateTable(b -> b.tableName("busy")
                .attributeDefinitions(a -> a.attributeName("h").attributeType(ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byH")
                        .keySchema(k -> k.attributeName("h").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))));
        assertThat(updated.tableDescription().tableStatus()).isEqualTo(TableStatus.UPDATING);
        var described = client.describeTable(b -> b.tableName("busy")).table();
        assertThat(described.tableStatus()).isEqualTo(TableStatus.UPDATING);
        assertThat(described.globalSecondaryIndexes())
                .filteredOn(i -> i.indexName().equals("byH"))
                .singleElement()
                .satisfies(i -> assertThat(i.indexStatus()).isEqualTo(IndexStatus.CREATING));
        // reads and writes go on while a table is UPDATING; the control plane waits
        client.putItem(b -> b.tableName("busy").item(item));
        assertError(
                () -> client.updateTable(b -> b.tableName("busy").deletionProtectionEnabled(true)),
                "ResourceInUseException",
                IN_USE + "Table: busy is in the process of being updated.");
        assertError(
                () -> client.query(b -> b.tableName("busy")
                        .indexName("byH")
                        .keyConditionExpression("h = :h")
                        .expressionAttributeValues(Map.of(":h", AttributeValue.fromS("y")))),
                "ValidationException",
                "Cannot read from backfilling global secondary index: byH");
        // the table is ACTIVE again while the index is still being built
        clock.advance(DELAY);
        waiter.waitUntilTableExists(b -> b.tableName("busy"));
        assertThat(client.describeTable(b -> b.tableName("busy")).table().globalSecondaryIndexes())
                .filteredOn(i -> i.indexName().equals("byH"))
                .singleElement()
                .satisfies(i -> assertThat(i.indexStatus()).isEqualTo(IndexStatus.CREATING));
        assertError(
                () -> client.deleteTable(b -> b.tableName("busy")),
                "ResourceInUseException",
                IN_USE + "Cannot delete table while indexes are being created, updated, or deleted.");
        clock.advance(DELAY);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (client.describeTable(b -> b.tableName("busy")).table().globalSecondaryIndexes().stream()
                        .anyMatch(i -> i.indexStatus() != IndexStatus.ACTIVE)
                && System.nanoTime() < deadline) {
            sleep(100);
        }
        assertThat(client.query(b -> b.tableName("busy")
                                .indexName("byH")
                                .keyConditionExpression("h = :h")
                                .expressionAttributeValues(Map.of(":h", AttributeValue.fromS("y"))))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aDeletedTableIsDeletingUntilItIsGone() {
        createTable("doomed");
        clock.advance(DELAY);
        waiter.waitUntilTableExists(b -> b.tableName("doomed"));
        String arn = client.describeTable(b -> b.tableName("doomed")).table().tableArn();
        client.putResourcePolicy(b -> b.resourceArn(arn)
                .policy("{\"Version\":\"2012-10-17\",\"Statement\":[{"
                        + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111122223333\"},\"Action\":\"dynamodb:GetItem\","
                        + "\"Resource\":\"" + arn + "\"}]}"));
        assertThat(client.deleteTable(b -> b.tableName("doomed"))
                        .tableDescription()
                        .tableStatus())
                .isEqualTo(TableStatus.DELETING);
        assertThat(client.describeTable(b -> b.tableName("doomed")).table().tableStatus())
                .isEqualTo(TableStatus.DELETING);
        assertThat(client.listTables().tableNames()).contains("doomed");
        assertError(
                () -> client.getItem(b -> b.tableName("doomed").key(Map.of("pk", AttributeValue.fromS("a")))),
                "ResourceNotFoundException",
                "Requested resource not found");
        assertError(
                () -> client.deleteTable(b -> b.tableName("doomed")),
                "ResourceInUseException",
                IN_USE + "Table is being deleted: doomed");
        assertError(
                () -> client.createTable(b -> b.tableName("doomed")
                        .billingMode("PAY_PER_REQUEST")
                        .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))),
                "ResourceInUseException",
                "Table already exists: doomed");
        assertError(
                () -> client.tagResource(
                        b -> b.resourceArn(arn).tags(t -> t.key("k").value("v"))),
                "ResourceInUseException",
                IN_USE + "Table is being deleted: doomed");
        assertThat(client.getResourcePolicy(b -> b.resourceArn(arn)).revisionId())
                .isNotNull();
        assertError(
                () -> client.deleteResourcePolicy(b -> b.resourceArn(arn)),
                "ResourceInUseException",
                IN_USE + "Table is being deleted: doomed");

        clock.advance(DELAY);
        waiter.waitUntilTableNotExists(b -> b.tableName("doomed"));
        assertThat(client.listTables().tableNames()).doesNotContain("doomed");
        assertError(
                () -> client.describeTable(b -> b.tableName("doomed")),
                "ResourceNotFoundException",
                "Requested resource not found: Table: doomed not found");
    }

    @Test
    void anIndexLeftCreatingByAStopIsActiveAfterTheRestart() {
        stop();
        start(EngineOptions.durable(dir));
        createTable("stopped");
        clock.advance(DELAY);
        waiter.waitUntilTableExists(b -> b.tableName("stopped"));
        client.updateTable(b -> b.tableName("stopped")
                .attributeDefinitions(a -> a.attributeName("h").attributeType(ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("byH")
                        .keySchema(k -> k.attributeName("h").keyType(KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.ALL)))));
        stop();
        start(EngineOptions.durable(dir));
        assertThat(client.describeTable(b -> b.tableName("stopped")).table().globalSecondaryIndexes())
                .allSatisfy(i -> assertThat(i.indexStatus()).isEqualTo(IndexStatus.ACTIVE));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every region and account the engine serves takes the same time as its home region: a table created in eu-west-1
     * (a namespace of its own, opened by the first request that names it) is CREATING too, until the delay has passed.
     * In process: this test's wire server serves the home region only.
     */
    @Test
    void aTableInAnotherRegionIsCreatingUntilItIsActiveToo() {
        DynamoDbClient ireland = engine.dynamoDbClient("eu-west-1");
        var created = ireland.createTable(b -> b.tableName("elsewhere")
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
        assertThat(created.tableDescription().tableArn()).contains(":eu-west-1:");
        assertThat(created.tableDescription().tableStatus()).isEqualTo(TableStatus.CREATING);
        assertThat(ireland.describeTable(b -> b.tableName("elsewhere")).table().tableStatus())
                .isEqualTo(TableStatus.CREATING);
        clock.advance(DELAY);
        assertThat(ireland.describeTable(b -> b.tableName("elsewhere")).table().tableStatus())
                .isEqualTo(TableStatus.ACTIVE);
    }
}
