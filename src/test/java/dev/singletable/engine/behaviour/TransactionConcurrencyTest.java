package dev.singletable.engine.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Isolation as DynamoDB promises it, under bounded contention. */
class TransactionConcurrencyTest {

    static final int ACCOUNTS = 8;
    static final int INITIAL = 1_000;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void transfersNeverChangeTheTotalSeenByTransactionalReads() throws Exception {
        DynamoDbClient dynamo = EngineFixture.newClient();
        EngineFixture.createSimpleTable(dynamo, "accounts");
        for (int i = 0; i < ACCOUNTS; i++) {
            int n = i;
            dynamo.putItem(r -> r.tableName("accounts")
                    .item(Map.of(
                            "id",
                            AttributeValue.fromS("a" + n),
                            "balance",
                            AttributeValue.fromN(Integer.toString(INITIAL)))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        AtomicInteger committed = new AtomicInteger();
        AtomicInteger cancelled = new AtomicInteger();
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            writers.add(pool.submit(() -> {
                for (int i = 0; i < 500; i++) {
                    int from = ThreadLocalRandom.current().nextInt(ACCOUNTS);
                    int to = (from + 1 + ThreadLocalRandom.current().nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                    int amount = 1 + ThreadLocalRandom.current().nextInt(300);
                    try {
                        dynamo.transactWriteItems(
                                r -> r.transactItems(move("a" + from, -amount, true), move("a" + to, amount, false)));
                        committed.incrementAndGet();
                    } catch (TransactionCanceledException insufficient) {
                        cancelled.incrementAndGet();
                    }
                }
            }));
        }
        List<Future<Integer>> readers = new ArrayList<>();
        for (int rd = 0; rd < 2; rd++) {
            readers.add(pool.submit(() -> {
                int reads = 0;
                while (writers.stream().anyMatch(f -> !f.isDone()) && reads < 5_000) {
                    assertThat(total(dynamo)).isEqualTo(ACCOUNTS * INITIAL);
                    reads++;
                }
                return reads;
            }));
        }
        for (Future<?> f : writers) {
            f.get();
        }
        for (Future<Integer> f : readers) {
            assertThat(f.get()).isPositive();
        }
        pool.shutdown();
        assertThat(committed.get() + cancelled.get()).isEqualTo(2_000);
        assertThat(committed.get()).isPositive();
        assertThat(total(dynamo)).isEqualTo(ACCOUNTS * INITIAL);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void optimisticCountersUnderContentionEndExact() throws Exception {
        DynamoDbClient dynamo = EngineFixture.newClient();
        EngineFixture.createSimpleTable(dynamo, "counters");
        dynamo.putItem(r -> r.tableName("counters")
                .item(Map.of(
                        "id",
                        AttributeValue.fromS("c"),
                        "n",
                        AttributeValue.fromN("0"),
                        "version",
                        AttributeValue.fromN("0"))));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            workers.add(pool.submit(() -> {
                int retries = 0;
                for (int i = 0; i < 250; i++) {
                    while (true) {
                        var item = dynamo.getItem(r -> r.tableName("counters")
                                        .consistentRead(true)
                                        .key(Map.of("id", AttributeValue.fromS("c"))))
                                .item();
                        String version = item.get("version").n();
                        try {
                            dynamo.updateItem(r -> r.tableName("counters")
                                    .key(Map.of("id", AttributeValue.fromS("c")))
                                    .updateExpression("SET n = n + :one, version = version + :one")
                                    .conditionExpression("version = :v")
                                    .expressionAttributeValues(Map.of(
                                            ":one", AttributeValue.fromN("1"), ":v", AttributeValue.fromN(version))));
                            break;
                        } catch (ConditionalCheckFailedException lost) {
                            retries++;
                        }
                    }
                }
                return retries;
            }));
        }
        for (Future<Integer> f : workers) {
            f.get();
        }
        pool.shutdown();
        var item = dynamo.getItem(r -> r.tableName("counters").key(Map.of("id", AttributeValue.fromS("c"))))
                .item();
        assertThat(item.get("n").n()).isEqualTo("1000");
        assertThat(item.get("version").n()).isEqualTo("1000");
    }

    private static TransactWriteItem move(String account, int delta, boolean mustCover) {
        return TransactWriteItem.builder()
                .update(u -> {
                    u.tableName("accounts")
                            .key(Map.of("id", AttributeValue.fromS(account)))
                            .updateExpression("SET balance = balance + :d");
                    if (mustCover) {
                        u.conditionExpression("balance >= :need")
                                .expressionAttributeValues(Map.of(
                                        ":d", AttributeValue.fromN(Integer.toString(delta)),
                                        ":need", AttributeValue.fromN(Integer.toString(-delta))));
                    } else {
                        u.expressionAttributeValues(Map.of(":d", AttributeValue.fromN(Integer.toString(delta))));
                    }
                })
                .build();
    }

    private static int total(DynamoDbClient dynamo) {
        List<TransactGetItem> gets = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            int n = i;
            gets.add(TransactGetItem.builder()
                    .get(g -> g.tableName("accounts").key(Map.of("id", AttributeValue.fromS("a" + n))))
                    .build());
        }
        return dynamo.transactGetItems(r -> r.transactItems(gets)).responses().stream()
                .mapToInt(resp -> Integer.parseInt(resp.item().get("balance").n()))
                .sum();
    }
}
