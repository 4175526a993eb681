package dev.singletable.bench;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.core.EngineOptions;
import dev.singletable.engine.validation.RequestShapes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The service's page reads (issue 21) on the engine alone, in-process: a Query of Limit 21, newest first
 * ({@code ScanIndexForward=false}), {@code pk = :p AND begins_with(sk, :s)}, on a partition of 1 000 items among
 * 50 000 (50 partitions), with the service's key shapes: {@code USER#<ulid>} / {@code TWEET#<ulid>} on GSI1
 * ({@code gsi}, the user's tweets) and {@code FEED#<ulid>} / {@code TWEET#<ulid>} on the table ({@code table}, the
 * home timeline). Items carry a ~200-byte body, as tweets do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class QueryPageBenchmark {

    static final String TABLE = "pages";
    static final int PARTITIONS = 50;
    static final int PER_PARTITION = 1_000;
    private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    @Param({"gsi", "table"})
    public String target;

    private EmbeddedEngine engine;
    private DynamoDbClient client;
    private final String[] partitions = new String[PARTITIONS];
    private QueryRequest pageRequest;

    @Setup(Level.Trial)
    public void setUp() {
        engine = EmbeddedEngine.open(EngineOptions.inMemory().withThrottling(false));
        client = engine.dynamoDbClient();
        createTable(client, TABLE);
        Random random = new Random(20261205);
        for (int p = 0; p < PARTITIONS; p++) {
            partitions[p] = ulid(1_700_000_000_000L + p, random);
        }
        pageRequest = request(partitions[0]);
        List<WriteRequest> batch = new ArrayList<>();
        long time = 1_760_000_000_000L;
        for (int i = 0; i < PARTITIONS * PER_PARTITION; i++) {
            time += 1 + random.nextInt(5_000); // tweets in time order, interleaved over the partitions
            String owner = partitions[random.nextInt(PARTITIONS)];
            batch.add(WriteRequest.builder()
                    .putRequest(PutRequest.builder()
                            .item(item(owner, ulid(time, random)))
                            .build())
                    .build());
            if (batch.size() == 25) {
                List<WriteRequest> chunk = List.copyOf(batch);
                client.batchWriteItem(r -> r.requestItems(Map.of(TABLE, chunk)));
                batch.clear();
            }
        }
    }

    /** A table with the service's key shapes: PK/SK, and GSI1 (GSI1PK/GSI1SK, all attributes projected). */
    static void createTable(DynamoDbClient client, String table) {
        client.createTable(r -> r.tableName(table)
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(
                        a -> a.attributeName("PK").attributeType("S"),
                        a -> a.attributeName("SK").attributeType("S"),
                        a -> a.attributeName("GSI1PK").attributeType("S"),
                        a -> a.attributeName("GSI1SK").attributeType("S"))
                .keySchema(k -> k.attributeName("PK").keyType("HASH"), k -> k.attributeName("SK")
                        .keyType("RANGE"))
                .globalSecondaryIndexes(g -> g.indexName("GSI1")
                        .keySchema(k -> k.attributeName("GSI1PK").keyType("HASH"), k -> k.attributeName("GSI1SK")
                                .keyType("RANGE"))
                        .projection(p -> p.projectionType("ALL"))));
    }

    private Map<String, AttributeValue> item(String owner, String tweetId) {
        Map<String, AttributeValue> item = new HashMap<>();
        if ("gsi".equals(target)) {
            item.put("PK", AttributeValue.fromS("TWEET#" + tweetId));
            item.put("SK", AttributeValue.fromS("TWEET"));
            item.put("GSI1PK", AttributeValue.fromS("USER#" + owner));
            item.put("GSI1SK", AttributeValue.fromS("TWEET#" + tweetId));
        } else {
            item.put("PK", AttributeValue.fromS("FEED#" + owner));
            item.put("SK", AttributeValue.fromS("TWEET#" + tweetId));
        }
        item.put("authorId", AttributeValue.fromS(owner));
        item.put("body", AttributeValue.fromS("b".repeat(200)));
        item.put("createdAt", AttributeValue.fromS("2026-12-06T10:00:00Z"));
        item.put("likes", AttributeValue.fromN("0"));
        return item;
    }

    /** A ULID-shaped id: 10 Crockford characters of time, 16 random ones. */
    static String ulid(long millis, Random random) {
        char[] c = new char[26];
        for (int i = 9; i >= 0; i--) {
            c[i] = CROCKFORD.charAt((int) (millis & 31));
            millis >>>= 5;
        }
        for (int i = 10; i < 26; i++) {
            c[i] = CROCKFORD.charAt(random.nextInt(32));
        }
        return new String(c);
    }

    /** The request-shape walk alone, on the page read's request (every in-process call makes it). */
    @Benchmark
    public QueryRequest validateQueryShape() {
        RequestShapes.validate(pageRequest);
        return pageRequest;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    public QueryResponse descendingPageOf21() {
        return client.query(request(partitions[ThreadLocalRandom.current().nextInt(PARTITIONS)]));
    }

    private QueryRequest request(String owner) {
        boolean gsi = "gsi".equals(target);
        return QueryRequest.builder()
                .tableName(TABLE)
                .indexName(gsi ? "GSI1" : null)
                .keyConditionExpression("#pk = :p AND begins_with(#sk, :s)")
                .expressionAttributeNames(
                        gsi ? Map.of("#pk", "GSI1PK", "#sk", "GSI1SK") : Map.of("#pk", "PK", "#sk", "SK"))
                .expressionAttributeValues(Map.of(
                        ":p",
                        AttributeValue.fromS((gsi ? "USER#" : "FEED#") + owner),
                        ":s",
                        AttributeValue.fromS("TWEET#")))
                .scanIndexForward(false)
                .limit(21)
                .build();
    }
}
