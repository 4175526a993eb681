package dev.singletable.engine.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.MutableClock;
import dev.singletable.engine.core.EngineOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingException;
import software.amazon.awssdk.services.dynamodb.model.ThrottlingReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Throttling by DynamoDB's documented rules (DynamoDB Local never throttles, so these are not differential): token
 * buckets at the provisioned rate with five minutes of burst, a per-partition-key ceiling on every table, GSI
 * back-pressure, and the shapes batches and transactions take. The clock is moved by hand: no sleeps.
 */
class ThrottlingTest {

    private static final String TABLE_MESSAGE = "The level of configured provisioned throughput for the table was "
            + "exceeded. Consider increasing your provisioning level with the UpdateTable API.";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final EmbeddedEngine engine =
            EmbeddedEngine.open(EngineOptions.inMemory().withClock(clock));
    private final DynamoDbClient dynamo = engine.dynamoDbClient();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void aFiveWcuTableAbsorbsItsBurstThenThrottlesThenRecoversAsTimePasses() {
        provisioned("tab", 5, 5);
        clock.advance(Duration.ofSeconds(300)); // idle: 300 s x 5 WCU of unused capacity saved as burst
        for (int i = 0; i < 1500; i++) {
            put("tab", "k" + i);
        }

        ProvisionedThroughputExceededException e =
                catchThrowableOfType(() -> put("tab", "one-more"), ProvisionedThroughputExceededException.class);
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ProvisionedThroughputExceededException");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(TABLE_MESSAGE);
        assertThat(e.throttlingReasons())
                .containsExactly(ThrottlingReason.builder()
                        .reason("TableWriteProvisionedThroughputExceeded")
                        .resource(arn("tab"))
                        .build());
        assertThat(item("tab", "one-more")).isNull();

        clock.advance(Duration.ofSeconds(1)); // one second refills 5 units
        for (int i = 0; i < 5; i++) {
            put("tab", "after" + i);
        }
        assertThatThrownBy(() -> put("tab", "sixth")).isInstanceOf(ProvisionedThroughputExceededException.class);

        clock.advance(Duration.ofSeconds(300));
        for (int i = 0; i < 1500; i++) {
            put("tab", "again" + i);
        }
        assertThatThrownBy(() -> put("tab", "over")).isInstanceOf(ProvisionedThroughputExceededException.class);
    }

    @Test
    void aLargeItemOverdrawsTheBucketAndLaterWritesWaitForTheRefill() {
        provisioned("tab", 5, 5);
        for (int i = 0; i < 1499; i++) {
            put("tab", "k" + i);
        }
        // one unit left: the write is admitted and costs 10 units, leaving a debt of 9
        dynamo.putItem(r -> r.tableName("tab").item(Map.of("pk", s("bigtable"), "v", s("x".repeat(10 * 1024 - 20)))));
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> put("tab", "still-in-debt"))
                .isInstanceOf(ProvisionedThroughputExceededException.class);
        clock.advance(Duration.ofSeconds(1));
        put("tab", "repaid");
    }

    @Test
    void aHotKeyOnAnOnDemandTableIsThrottledAtAThousandWcuPerSecondWhileOtherKeysAreNot() {
        onDemand("ondemand");
        for (int i = 0; i < 1000; i++) {
            dynamo.putItem(r -> r.tableName("ondemand").item(Map.of("pk", s("hot"), "sk", s("x"))));
        }

        ThrottlingException e = catchThrowableOfType(() -> put("ondemand", "hot"), ThrottlingException.class);
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorMessage())
                .startsWith(
                        "Throughput exceeds the current capacity of your "
                                + "table or index. DynamoDB is automatically scaling your table or index so please try again shortly.");
        assertThat(e.throttlingReasons())
                .containsExactly(ThrottlingReason.builder()
                        .reason("TableWriteKeyRangeThroughputExceeded")
                        .resource(arn("ondemand"))
                        .build());

        put("ondemand", "cold");
        clock.advance(Duration.ofSeconds(1));
        put("ondemand", "hot");
    }

    @Test
    void aHotKeyOnAProvisionedTableIsProvisionedThroughputExceededWithTheKeyRangeReason() {
        provisioned("bigtable", 100, 10_000);
        for (int i = 0; i < 1000; i++) {
            put("bigtable", "hot");
        }
        ProvisionedThroughputExceededException e =
                catchThrowableOfType(() -> put("bigtable", "hot"), ProvisionedThroughputExceededException.class);
        assertThat(e.throttlingReasons())
                .extracting(ThrottlingReason::reason)
                .containsExactly("TableWriteKeyRangeThroughputExceeded");
        put("bigtable", "other");
    }

    @Test
    void aHotKeyIsThrottledForReadsAtThreeThousandRcuPerSecond() {
        onDemand("ondemand");
        put("ondemand", "hot");
        for (int i = 0; i < 3000; i++) {
            dynamo.getItem(
                    r -> r.tableName("ondemand").key(Map.of("pk", s("hot"))).consistentRead(true));
        }
        ThrottlingException e = catchThrowableOfType(
                () -> dynamo.getItem(
                        r -> r.tableName("ondemand").key(Map.of("pk", s("hot"))).consistentRead(true)),
                ThrottlingException.class);
        assertThat(e.throttlingReasons())
                .extracting(ThrottlingReason::reason)
                .containsExactly("TableReadKeyRangeThroughputExceeded");
        assertThat(item("ondemand", "cold")).isNull();
    }

    @Test
    void aGlobalIndexWithoutWriteCapacityThrottlesWritesToTheBaseTable() {
        dynamo.createTable(r -> r.tableName("gsi")
                .billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(p -> p.readCapacityUnits(100L).writeCapacityUnits(1000L))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"), a -> a.attributeName("gk")
                        .attributeType("S"))
                .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                .globalSecondaryIndexes(g -> g.indexName("byG")
                        .keySchema(k -> k.attributeName("gk").keyType("HASH"))
                        .projection(p -> p.projectionType("ALL"))
                        .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))));
        for (int i = 0; i < 300; i++) { // 300 s x 1 WCU of burst on the index
            String key = "k" + i;
            dynamo.putItem(r -> r.tableName("gsi").item(Map.of("pk", s(key), "gk", s("gsi"))));
        }

        ProvisionedThroughputExceededException e = catchThrowableOfType(
                () -> put("gsi", "not-even-indexed"), ProvisionedThroughputExceededException.class);
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo(
                        "The level of configured provisioned throughput for "
                                + "one or more global secondary indexes of the table was exceeded. Consider increasing your "
                                + "provisioning level for the under-provisioned global secondary indexes with the UpdateTable API");
        assertThat(e.throttlingReasons())
                .containsExactly(ThrottlingReason.builder()
                        .reason("IndexWriteProvisionedThroughputExceeded")
                        .resource(arn("gsi") + "/index/byG")
                        .build());
        assertThat(engine.capacity().index("gsi", "byG").throttled(true)).isEqualTo(1);
    }

    @Test
    void aQueryOfAGlobalIndexDrawsOnTheIndexReadCapacity() {
        dynamo.createTable(r -> r.tableName("gsi")
                .billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(p -> p.readCapacityUnits(100L).writeCapacityUnits(100L))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"), a -> a.attributeName("gk")
                        .attributeType("S"))
                .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                .globalSecondaryIndexes(g -> g.indexName("byG")
                        .keySchema(k -> k.attributeName("gk").keyType("HASH"))
                        .projection(p -> p.projectionType("ALL"))
                        .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(100L))));
        dynamo.putItem(r -> r.tableName("gsi").item(Map.of("pk", s("a"), "gk", s("gsi"))));
        for (int i = 0; i < 600; i++) { // 300 units of burst, half a unit per eventually consistent page
            dynamo.query(r -> r.tableName("gsi")
                    .indexName("byG")
                    .keyConditionExpression("gk = :g")
                    .expressionAttributeValues(Map.of(":g", s("gsi"))));
        }
        ProvisionedThroughputExceededException e = catchThrowableOfType(
                () -> dynamo.query(r -> r.tableName("gsi")
                        .indexName("byG")
                        .keyConditionExpression("gk = :g")
                        .expressionAttributeValues(Map.of(":g", s("gsi")))),
                ProvisionedThroughputExceededException.class);
        assertThat(e.throttlingReasons())
                .extracting(ThrottlingReason::reason)
                .containsExactly("IndexReadProvisionedThroughputExceeded");
        assertThat(item("gsi", "a")).isNotNull(); // the table's own read capacity is untouched
    }

    @Test
    void aThrottledTransactionIsCancelledWithTheReasonAtItsPosition() {
        provisioned("small", 5, 1);
        onDemand("ondemand");
        for (int i = 0; i < 300; i++) {
            put("small", "k" + i);
        }
        TransactionCanceledException e = catchThrowableOfType(
                () -> dynamo.transactWriteItems(r -> r.transactItems(
                        TransactWriteItem.builder()
                                .put(p -> p.tableName("ondemand").item(Map.of("pk", s("a"))))
                                .build(),
                        TransactWriteItem.builder()
                                .put(p -> p.tableName("small").item(Map.of("pk", s("b"))))
                                .build())),
                TransactionCanceledException.class);
        assertThat(e.cancellationReasons())
                .extracting(c -> c.code())
                .containsExactly("None", "ProvisionedThroughputExceeded");
        assertThat(e.cancellationReasons().get(1).message()).isEqualTo(TABLE_MESSAGE);
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("Transaction cancelled, please refer cancellation "
                        + "reasons for specific reasons [None, ProvisionedThroughputExceeded]");
        assertThat(item("ondemand", "a")).isNull();
    }

    @Test
    void aHotKeyInATransactionOnAnOnDemandTableIsAThrottlingError() {
        onDemand("ondemand");
        for (int i = 0; i < 1000; i++) {
            put("ondemand", "hot");
        }
        TransactionCanceledException e = catchThrowableOfType(
                () -> dynamo.transactGetItems(r ->
                        r.transactItems(t -> t.get(g -> g.tableName("ondemand").key(Map.of("pk", s("cold")))))),
                null);
        assertThat(e).isNull();
        e = catchThrowableOfType(
                () -> dynamo.transactWriteItems(r -> r.transactItems(TransactWriteItem.builder()
                        .put(p -> p.tableName("ondemand").item(Map.of("pk", s("hot"))))
                        .build())),
                TransactionCanceledException.class);
        assertThat(e.cancellationReasons()).extracting(c -> c.code()).containsExactly("ThrottlingError");
    }

    @Test
    void aBatchWriteLeavesWhatItCannotTakeUnprocessedAndFailsOnlyWhenNothingIsTaken() {
        provisioned("small", 5, 1);
        for (int i = 0; i < 297; i++) {
            put("small", "k" + i);
        }
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            writes.add(WriteRequest.builder()
                    .putRequest(
                            PutRequest.builder().item(Map.of("pk", s("b" + i))).build())
                    .build());
        }
        BatchWriteItemResponse out = dynamo.batchWriteItem(r -> r.requestItems(Map.of("small", writes)));
        assertThat(out.unprocessedItems().get("small")).containsExactlyElementsOf(writes.subList(3, 5));
        assertThat(item("small", "b2")).isNotNull();
        assertThat(item("small", "b3")).isNull();

        assertThatThrownBy(() -> dynamo.batchWriteItem(r -> r.requestItems(Map.of("small", writes.subList(3, 5)))))
                .isInstanceOf(ProvisionedThroughputExceededException.class);
    }

    @Test
    void aBatchGetLeavesThrottledKeysUnprocessed() {
        provisioned("small", 1, 100);
        put("small", "a");
        put("small", "b");
        for (int i = 0; i < 299; i++) {
            dynamo.getItem(r -> r.tableName("small").key(Map.of("pk", s("a"))).consistentRead(true));
        }
        BatchGetItemResponse out = dynamo.batchGetItem(r -> r.requestItems(Map.of(
                "small",
                KeysAndAttributes.builder()
                        .keys(Map.of("pk", s("a")), Map.of("pk", s("b")))
                        .consistentRead(true)
                        .build())));
        assertThat(out.responses().get("small")).hasSize(1);
        assertThat(out.unprocessedKeys().get("small").keys()).containsExactly(Map.of("pk", s("b")));

        assertThatThrownBy(() -> dynamo.batchGetItem(r -> r.requestItems(Map.of(
                        "small",
                        KeysAndAttributes.builder()
                                .keys(Map.of("pk", s("b")))
                                .consistentRead(true)
                                .build()))))
                .isInstanceOf(ProvisionedThroughputExceededException.class);
    }

    @Test
    void scansAndPartiqlStatementsAreThrottledToo() {
        provisioned("tab", 1, 100);
        put("tab", "a");
        for (int i = 0; i < 300; i++) {
            dynamo.scan(r -> r.tableName("tab").consistentRead(true));
        }
        assertThatThrownBy(() -> dynamo.scan(r -> r.tableName("tab").consistentRead(true)))
                .isInstanceOf(ProvisionedThroughputExceededException.class);
        assertThatThrownBy(() -> dynamo.executeStatement(
                        r -> r.statement("SELECT * FROM \"tab\" WHERE pk = 'a'").consistentRead(true)))
                .isInstanceOf(ProvisionedThroughputExceededException.class);
        var batch = dynamo.batchExecuteStatement(r -> r.statements(
                s -> s.statement("SELECT * FROM \"tab\" WHERE pk = 'a'").consistentRead(true)));
        assertThat(batch.responses().get(0).error().codeAsString()).isEqualTo("ProvisionedThroughputExceeded");
    }

    @Test
    void updateTableResizesTheBuckets() {
        provisioned("tab", 5, 1);
        for (int i = 0; i < 300; i++) {
            put("tab", "k" + i);
        }
        assertThatThrownBy(() -> put("tab", "x")).isInstanceOf(ProvisionedThroughputExceededException.class);
        dynamo.updateTable(r -> r.tableName("tab")
                .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(100L)));
        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 100; i++) { // the new rate: 100 units refilled in one second
            put("tab", "n" + i);
        }
        assertThatThrownBy(() -> put("tab", "y")).isInstanceOf(ProvisionedThroughputExceededException.class);

        dynamo.updateTable(r -> r.tableName("tab").billingMode(BillingMode.PAY_PER_REQUEST));
        for (int i = 0; i < 500; i++) {
            put("tab", "ondemand" + i);
        }
    }

    @Test
    void consumedAndThrottledUnitsAreCounted() {
        provisioned("tab", 5, 1);
        for (int i = 0; i < 300; i++) {
            put("tab", "k" + i);
        }
        assertThatThrownBy(() -> put("tab", "x")).isInstanceOf(ProvisionedThroughputExceededException.class);
        dynamo.getItem(r -> r.tableName("tab").key(Map.of("pk", s("k1"))));

        ResourceCapacity t = engine.capacity().table("tab");
        assertThat(t.consumed(true)).isEqualTo(300);
        assertThat(t.throttled(true)).isEqualTo(1);
        assertThat(t.consumed(false)).isEqualTo(0.5);
        assertThat(t.throttled(false)).isZero();
    }

    @Test
    void withThrottlingOffNothingIsRefused() {
        try (EmbeddedEngine off =
                EmbeddedEngine.open(EngineOptions.inMemory().withClock(clock).withThrottling(false))) {
            DynamoDbClient client = off.dynamoDbClient();
            client.createTable(r -> r.tableName("tab")
                    .billingMode(BillingMode.PROVISIONED)
                    .provisionedThroughput(p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                    .keySchema(k -> k.attributeName("pk").keyType("HASH")));
            for (int i = 0; i < 1500; i++) {
                client.putItem(r -> r.tableName("tab").item(Map.of("pk", s("hot"))));
            }
            assertThat(off.capacity().table("tab").consumed(true)).isEqualTo(1500);
        }
    }

    private void provisioned(String name, long rcu, long wcu) {
        dynamo.createTable(r -> r.tableName(name)
                .billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(p -> p.readCapacityUnits(rcu).writeCapacityUnits(wcu))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                .keySchema(k -> k.attributeName("pk").keyType("HASH")));
    }

    private void onDemand(String name) {
        dynamo.createTable(r -> r.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))
                .keySchema(k -> k.attributeName("pk").keyType("HASH")));
    }

    private void put(String table, String key) {
        dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", s(key))));
    }

    private Map<String, AttributeValue> item(String table, String key) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).key(Map.of("pk", s(key))))
                .item();
        return item == null || item.isEmpty() ? null : item;
    }

    private String arn(String table) {
        return dynamo.describeTable(r -> r.tableName(table)).table().tableArn();
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }
}
