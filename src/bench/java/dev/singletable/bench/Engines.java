package dev.singletable.bench;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.core.EngineOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Opens either engine in-process and loads the benchmark data set: 10 000 items of about 1 KB. */
final class Engines implements AutoCloseable {

    static final String TABLE = "bench";
    static final int ITEMS = 10_000;
    static final int PARTITIONS = 100;
    static final String PAYLOAD = "p".repeat(900);

    final DynamoDbClient client;
    private final AutoCloseable owner;

    private Engines(DynamoDbClient client, AutoCloseable owner) {
        this.client = client;
        this.owner = owner;
    }

    static Engines open(String which) {
        if ("dynamodb-local".equals(which)) {
            AmazonDynamoDBLocal local = DynamoDBEmbedded.create(true);
            return new Engines(local.dynamoDbClient(), local::shutdown);
        }
        EmbeddedEngine engine = EmbeddedEngine.open(EngineOptions.inMemory().withThrottling(false));
        return new Engines(engine.dynamoDbClient(), engine);
    }

    void load() {
        load(client);
    }

    /**
     * Our engine for a write benchmark, throttling off (the figure is the engine's, not a per-key ceiling's): in memory
     * when {@code sync} is null, else durable in {@code dir} with that sync policy.
     */
    static EmbeddedEngine openForWrites(Path dir, EngineOptions.@Nullable SyncPolicy sync) {
        return EmbeddedEngine.open(
                sync == null
                        ? EngineOptions.inMemory().withThrottling(false)
                        : EngineOptions.durable(dir)
                                .withThrottling(false)
                                .withSyncPolicy(sync, EngineOptions.DEFAULT_GROUP_COMMIT_WAIT));
    }

    /** Removes a benchmark's temporary directory and everything in it. */
    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** pk = "P" + (i % 100), sk = i (N), gpk = "G" + (i % 100), gsk = i: 100 items per partition. */
    static void load(DynamoDbClient client) {
        client.createTable(r -> r.tableName(TABLE)
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(
                        a -> a.attributeName("pk").attributeType("S"),
                        a -> a.attributeName("sk").attributeType("N"),
                        a -> a.attributeName("gpk").attributeType("S"),
                        a -> a.attributeName("gsk").attributeType("N"))
                .keySchema(k -> k.attributeName("pk").keyType("HASH"), k -> k.attributeName("sk")
                        .keyType("RANGE"))
                .globalSecondaryIndexes(g -> g.indexName("byGroup")
                        .keySchema(k -> k.attributeName("gpk").keyType("HASH"), k -> k.attributeName("gsk")
                                .keyType("RANGE"))
                        .projection(p -> p.projectionType("ALL"))));
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            batch.add(WriteRequest.builder()
                    .putRequest(PutRequest.builder().item(item(i)).build())
                    .build());
            if (batch.size() == 25) {
                List<WriteRequest> chunk = List.copyOf(batch);
                client.batchWriteItem(r -> r.requestItems(Map.of(TABLE, chunk)));
                batch.clear();
            }
        }
    }

    static Map<String, AttributeValue> item(int i) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS("P" + (i % PARTITIONS)));
        item.put("sk", AttributeValue.fromN(Integer.toString(i)));
        item.put("gpk", AttributeValue.fromS("G" + (i % PARTITIONS)));
        item.put("gsk", AttributeValue.fromN(Integer.toString(i)));
        item.put("counter", AttributeValue.fromN("0"));
        item.put("payload", AttributeValue.fromS(PAYLOAD));
        return item;
    }

    static Map<String, AttributeValue> key(int i) {
        return Map.of(
                "pk", AttributeValue.fromS("P" + (i % PARTITIONS)), "sk", AttributeValue.fromN(Integer.toString(i)));
    }

    @Override
    public void close() throws Exception {
        owner.close();
    }
}
