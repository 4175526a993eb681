package dev.singletable.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The engine in-process against DynamoDB Local embedded, same JVM settings, same data, same requests: throughput per
 * operation. {@code engine} is a JMH parameter, so one run yields both columns and their ratio.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineBenchmark {

    @Param({"singletable", "dynamodb-local"})
    public String engine;

    private Engines engines;

    @Setup(Level.Trial)
    public void setUp() {
        engines = Engines.open(engine);
        engines.load();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        engines.close();
    }

    private static int anyItem() {
        return ThreadLocalRandom.current().nextInt(Engines.ITEMS);
    }

    @Benchmark
    public Object getItem() {
        return engines.client.getItem(r -> r.tableName(Engines.TABLE).key(Engines.key(anyItem())));
    }

    @Benchmark
    public Object putItem() {
        return engines.client.putItem(r -> r.tableName(Engines.TABLE).item(Engines.item(anyItem())));
    }

    @Benchmark
    public Object updateItemWithCondition() {
        return engines.client.updateItem(r -> r.tableName(Engines.TABLE).key(Engines.key(anyItem()))
                .updateExpression("SET #c = #c + :one")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeNames(Map.of("#c", "counter"))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
    }

    @Benchmark
    public Object queryPageOf25() {
        int partition = ThreadLocalRandom.current().nextInt(Engines.PARTITIONS);
        return engines.client.query(r -> r.tableName(Engines.TABLE).keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("P" + partition))).limit(25));
    }

    @Benchmark
    public Object gsiQueryPageOf25() {
        int partition = ThreadLocalRandom.current().nextInt(Engines.PARTITIONS);
        return engines.client.query(r -> r.tableName(Engines.TABLE).indexName("byGroup")
                .keyConditionExpression("gpk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("G" + partition))).limit(25));
    }

    @Benchmark
    public Object transactWriteOf4() {
        int base = ThreadLocalRandom.current().nextInt(Engines.ITEMS - 4);
        List<TransactWriteItem> actions = new ArrayList<>(4);
        for (int i = 0; i < 4; i++) {
            int n = base + i;
            actions.add(TransactWriteItem.builder().update(u -> u.tableName(Engines.TABLE).key(Engines.key(n))
                    .updateExpression("ADD #c :one").expressionAttributeNames(Map.of("#c", "counter"))
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))).build());
        }
        return engines.client.transactWriteItems(r -> r.transactItems(actions));
    }

    @Benchmark
    public Object batchWriteOf25() {
        int base = ThreadLocalRandom.current().nextInt(Engines.ITEMS - 25);
        List<WriteRequest> writes = new ArrayList<>(25);
        for (int i = 0; i < 25; i++) {
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Engines.item(base + i)).build())
                    .build());
        }
        return engines.client.batchWriteItem(r -> r.requestItems(Map.of(Engines.TABLE, writes)));
    }

    @Benchmark
    public Object batchGetOf100() {
        int base = ThreadLocalRandom.current().nextInt(Engines.ITEMS - 100);
        List<Map<String, AttributeValue>> keys = new ArrayList<>(100);
        for (int i = 0; i < 100; i++) {
            keys.add(Engines.key(base + i));
        }
        return engines.client.batchGetItem(r -> r.requestItems(Map.of(Engines.TABLE,
                KeysAndAttributes.builder().keys(keys).build())));
    }
}
