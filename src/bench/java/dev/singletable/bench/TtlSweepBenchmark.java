package dev.singletable.bench;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.core.EngineOptions;
import dev.singletable.engine.storage.StoredItem;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
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
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * What the TTL sweeper costs (issue 21: it showed as 12 % of the service's CPU once the feeds held a few hundred
 * thousand items), in one run: a tick of the sweeper over a TTL-enabled table of {@code items} feed-like items, none
 * due ({@code sweepTick}: the engine's sweeper, reading its expiry index), the loop the sweeper ran before the index
 * ({@code fullScanTick}: every item's TTL attribute looked up and parsed, as TtlSweeper did up to commit 22e7b1b), and
 * what keeping the index adds to a write: PutItem of the same item shape to a table with TTL enabled
 * ({@code putWithTtl}, each put moves the item's expiry) and to one without ({@code putWithoutTtl}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class TtlSweepBenchmark {

    @Param({"100000", "300000"})
    public int items;

    private EmbeddedEngine engine;
    private DynamoDbClient dynamo;
    private long expiresAt;
    private long writes;

    @Setup(Level.Trial)
    public void start() {
        // the background sweeper stays out of the way: the benchmark calls the sweep itself
        engine = EmbeddedEngine.open(
                EngineOptions.inMemory().withThrottling(false).withTtlSweepInterval(Duration.ofHours(24)));
        dynamo = engine.dynamoDbClient();
        for (String table : new String[] {"feeds", "writes-ttl", "writes-plain"}) {
            dynamo.createTable(b -> b.tableName(table)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                            a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk")
                            .keyType(KeyType.RANGE)));
        }
        for (String table : new String[] {"feeds", "writes-ttl"}) {
            dynamo.updateTimeToLive(b -> b.tableName(table)
                    .timeToLiveSpecification(t -> t.attributeName("expiresAt").enabled(true)));
        }
        expiresAt = Instant.now().getEpochSecond() + 86_400;
        for (int i = 0; i < items; i++) {
            Map<String, AttributeValue> item = feedEntry(i, expiresAt + i % 3600);
            dynamo.putItem(b -> b.tableName("feeds").item(item));
        }
        engine.sweepExpiredItems(); // builds the index once, as the first tick after a start does
    }

    @TearDown(Level.Trial)
    public void stop() {
        engine.close();
    }

    @Benchmark
    public int sweepTick() {
        return engine.sweepExpiredItems();
    }

    @Benchmark
    public int fullScanTick() {
        BigDecimal now = BigDecimal.valueOf(System.currentTimeMillis()).movePointLeft(3);
        int expired = 0;
        for (StoredItem item : engine.core().table("feeds").data().items().values()) {
            AttributeValue ttl = item.attributes().get("expiresAt");
            if (ttl != null && ttl.n() != null && new BigDecimal(ttl.n()).compareTo(now) < 0) {
                expired++;
            }
        }
        return expired;
    }

    @Benchmark
    public Object putWithTtl() {
        return put("writes-ttl");
    }

    @Benchmark
    public Object putWithoutTtl() {
        return put("writes-plain");
    }

    private Object put(String table) {
        long n = writes++;
        Map<String, AttributeValue> item = feedEntry((int) (n % 1000), expiresAt + n % 100_000);
        return dynamo.putItem(b -> b.tableName(table).item(item));
    }

    /** The shape of a timeline entry: keys, a few strings and numbers, the TTL attribute last. */
    private static Map<String, AttributeValue> feedEntry(int i, long expiry) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS("FEED#user" + (i % 500)));
        item.put("sk", AttributeValue.fromS("TWEET#2026-12-06T01:00:00Z#" + i));
        item.put("type", AttributeValue.fromS("FeedEntry"));
        item.put("tweetId", AttributeValue.fromS("t" + i));
        item.put("author", AttributeValue.fromS("user" + (i % 997)));
        item.put("text", AttributeValue.fromS("a tweet of some forty characters, more or less"));
        item.put("likes", AttributeValue.fromN(Integer.toString(i % 50)));
        item.put("createdAt", AttributeValue.fromS("2026-12-06T01:00:00Z"));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(expiry)));
        return item;
    }
}
