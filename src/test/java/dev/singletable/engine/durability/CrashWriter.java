package dev.singletable.engine.durability;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.core.EngineOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The child process of {@link CrashTest}: writes under load through the SDK interface (PutItem, UpdateItem,
 * TransactWriteItems) from several threads and prints an acknowledgement line after each write returns, until it is
 * killed. Arguments: data directory, sync policy, round number.
 */
public final class CrashWriter {

    static final int THREADS = 3;

    private CrashWriter() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        EngineOptions.SyncPolicy policy = EngineOptions.SyncPolicy.valueOf(args[1]);
        String round = args[2];
        EngineOptions options = EngineOptions.durable(dir)
                .withSyncPolicy(policy, Duration.ofMillis(1))
                .withSnapshotAfterLogBytes(256 * 1024)
                .withLogSegmentBytes(128 * 1024)
                .withThrottling(false); // its writers hammer one counter key each, far beyond the per-key ceiling
        EmbeddedEngine engine = EmbeddedEngine.open(options);
        DynamoDbClient dynamo = engine.dynamoDbClient();
        if (!dynamo.listTables().tableNames().contains("orders")) {
            dynamo.createTable(b -> b.tableName("orders")
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk")
                            .keyType(KeyType.RANGE))
                    .attributeDefinitions(
                            a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                            a -> a.attributeName("sk").attributeType(ScalarAttributeType.S),
                            a -> a.attributeName("gpk").attributeType(ScalarAttributeType.S),
                            a -> a.attributeName("gsk").attributeType(ScalarAttributeType.S))
                    .globalSecondaryIndexes(g -> g.indexName("byGroup")
                            .keySchema(k -> k.attributeName("gpk").keyType(KeyType.HASH), k -> k.attributeName("gsk")
                                    .keyType(KeyType.RANGE))
                            .projection(p -> p.projectionType(ProjectionType.ALL)))
                    .billingMode(BillingMode.PAY_PER_REQUEST));
        }
        PrintStream out = System.out;
        synchronized (out) {
            out.println("READY");
            out.flush();
        }
        for (int t = 0; t < THREADS; t++) {
            String thread = round + "-" + t;
            new Thread(() -> write(dynamo, thread, out), "writer-" + t).start();
        }
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static void write(DynamoDbClient dynamo, String thread, PrintStream out) {
        String payload = "x".repeat(200);
        for (long n = 1; ; n++) {
            String kind;
            long number = n;
            switch ((int) (n % 3)) {
                case 0 -> {
                    dynamo.putItem(b -> b.tableName("orders")
                            .item(Map.of(
                                    "pk",
                                    s("p-" + thread),
                                    "sk",
                                    s("" + number),
                                    "gpk",
                                    s("g" + (number % 4)),
                                    "gsk",
                                    s("" + number),
                                    "payload",
                                    s(payload))));
                    kind = "PUT";
                }
                case 1 -> {
                    dynamo.updateItem(b -> b.tableName("orders")
                            .key(Map.of("pk", s("c-" + thread), "sk", s("counter")))
                            .updateExpression("SET #v = :n, gpk = :g, gsk = :t")
                            .expressionAttributeNames(Map.of("#v", "value"))
                            .expressionAttributeValues(Map.of(
                                    ":n", AttributeValue.fromN("" + number), ":g", s("counters"), ":t", s(thread))));
                    kind = "CTR";
                }
                default -> {
                    dynamo.transactWriteItems(b -> b.transactItems(
                            t -> t.put(p -> p.tableName("orders")
                                    .item(Map.of(
                                            "pk", s("x-" + thread), "sk", s("a-" + number), "payload", s(payload)))),
                            t -> t.put(p -> p.tableName("orders")
                                    .item(Map.of(
                                            "pk",
                                            s("x-" + thread),
                                            "sk",
                                            s("b-" + number),
                                            "gpk",
                                            s("tx"),
                                            "gsk",
                                            s(thread + number)))),
                            t -> t.update(u -> u.tableName("orders")
                                    .key(Map.of("pk", s("xc-" + thread), "sk", s("counter")))
                                    .updateExpression("SET #v = :n")
                                    .expressionAttributeNames(Map.of("#v", "value"))
                                    .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("" + number))))));
                    kind = "TX";
                }
            }
            synchronized (out) {
                out.println("ACK " + kind + " " + thread + " " + n);
                out.flush();
            }
        }
    }
}
