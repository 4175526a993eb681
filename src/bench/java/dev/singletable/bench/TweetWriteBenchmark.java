package dev.singletable.bench;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.core.EngineOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A tweet's writes on the engine alone (issue 21), in-process, on a table already holding 100 000 items with the
 * service's key shapes: {@code postTweet}, the tweet's PutItem ({@code attribute_not_exists(PK)}, in GSI1 under its
 * author), and {@code fanOutTo10}, its timeline fan-out to ten followers (one BatchWriteItem of ten feed entries, as
 * {@code TimelineProjector} writes them). {@code store}: {@code memory} (the service's benchmark configuration) or
 * {@code group} (a durable engine with the default sync=group, in a temporary directory). A call writes the keys of
 * the next of {@value #RING} tweets: new items for the first {@value #RING} calls, then the same items again (which
 * keeps a long run's heap bounded). Meant for {@code InterleavedAb} (two builds in one JVM) as well as JMH.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TweetWriteBenchmark {

    static final String TABLE = "tweets";
    static final int USERS = 1_000;
    static final int PRELOADED = 100_000;
    static final int FOLLOWERS = 10;
    static final int RING = 20_000;

    @Param({"memory", "group"})
    public String store = "memory";

    private Path dir;
    private EmbeddedEngine engine;
    private DynamoDbClient client;
    private final String[] users = new String[USERS];
    private final Random random = new Random(20261205);
    private long time = 1_760_000_000_000L;
    private final String[] ring = new String[RING];
    private final String[] ringAuthors = new String[RING];
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("singletable-tweet-bench");
        engine = Engines.openForWrites(dir, store.equals("memory") ? null : EngineOptions.SyncPolicy.GROUP);
        client = engine.dynamoDbClient();
        QueryPageBenchmark.createTable(client, TABLE);
        for (int u = 0; u < USERS; u++) {
            users[u] = QueryPageBenchmark.ulid(1_700_000_000_000L + u, random);
        }
        for (int i = 0; i < PRELOADED / (FOLLOWERS + 1); i++) {
            String author = users[random.nextInt(USERS)];
            String tweetId = QueryPageBenchmark.ulid(time += 1 + random.nextInt(5_000), random);
            client.putItem(r -> r.tableName(TABLE).item(tweet(author, tweetId)));
            client.batchWriteItem(r -> r.requestItems(Map.of(TABLE, fanOut(author, tweetId))));
        }
        for (int i = 0; i < RING; i++) {
            ringAuthors[i] = users[random.nextInt(USERS)];
            ring[i] = QueryPageBenchmark.ulid(time += 1, random);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        engine.close();
        Engines.deleteTree(dir);
    }

    @Benchmark
    public PutItemResponse postTweet() {
        int i = next++ % RING;
        return client.putItem(r -> r.tableName(TABLE).item(tweet(ringAuthors[i], ring[i])));
    }

    @Benchmark
    public BatchWriteItemResponse fanOutTo10() {
        int i = next++ % RING;
        List<WriteRequest> entries = fanOut(ringAuthors[i], ring[i]);
        return client.batchWriteItem(r -> r.requestItems(Map.of(TABLE, entries)));
    }

    private static Map<String, AttributeValue> tweet(String author, String tweetId) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", AttributeValue.fromS("TWEET#" + tweetId));
        item.put("SK", AttributeValue.fromS("TWEET"));
        item.put("GSI1PK", AttributeValue.fromS("USER#" + author));
        item.put("GSI1SK", AttributeValue.fromS("TWEET#" + tweetId));
        item.put("entityType", AttributeValue.fromS("TWEET"));
        putTweet(item, author, tweetId);
        item.put("likes", AttributeValue.fromN("0"));
        return item;
    }

    /** What a tweet and its feed entries both carry. */
    private static void putTweet(Map<String, AttributeValue> item, String author, String tweetId) {
        item.put("tweetId", AttributeValue.fromS(tweetId));
        item.put("authorId", AttributeValue.fromS(author));
        item.put("authorUsername", AttributeValue.fromS("user" + author.hashCode()));
        item.put("text", AttributeValue.fromS("t".repeat(120)));
        item.put("createdAt", AttributeValue.fromS("2026-12-06T10:00:00Z"));
    }

    private List<WriteRequest> fanOut(String author, String tweetId) {
        List<WriteRequest> entries = new ArrayList<>();
        for (int f = 0; f < FOLLOWERS; f++) {
            String owner = users[random.nextInt(USERS)];
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("PK", AttributeValue.fromS("FEED#" + owner));
            item.put("SK", AttributeValue.fromS("TWEET#" + tweetId));
            item.put("entityType", AttributeValue.fromS("FEED"));
            item.put("ownerId", AttributeValue.fromS(owner));
            putTweet(item, author, tweetId);
            item.put("ttl", AttributeValue.fromN("1765000000"));
            if (entries.stream().noneMatch(e -> e.putRequest().item().get("PK").equals(item.get("PK")))) {
                entries.add(WriteRequest.builder()
                        .putRequest(PutRequest.builder().item(item).build())
                        .build());
            }
        }
        return entries;
    }
}
