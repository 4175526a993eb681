package dev.singletable.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The engine in-process against DynamoDB Local embedded, same JVM settings, same data, same requests: throughput per
 * operation. {@code engine} is a JMH parameter, so one run yields both columns and their ratio.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineBenchmark extends BothEngines {

    @Benchmark
    public void getItem() {
        Operations.GET.run(engines.client);
    }

    @Benchmark
    public void putItem() {
        Operations.PUT.run(engines.client);
    }

    @Benchmark
    public Object updateItemWithCondition() {
        return engines.client.updateItem(r -> r.tableName(Engines.TABLE)
                .key(Engines.key(Operations.any(Engines.ITEMS)))
                .updateExpression("SET #c = #c + :one")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeNames(Map.of("#c", "counter"))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
    }

    @Benchmark
    public void queryPageOf25() {
        Operations.QUERY.run(engines.client);
    }

    @Benchmark
    public void gsiQueryPageOf25() {
        Operations.GSI_QUERY.run(engines.client);
    }

    @Benchmark
    public void transactWriteOf4() {
        Operations.TRANSACT4.run(engines.client);
    }

    @Benchmark
    public void batchWriteOf25() {
        Operations.BATCH_WRITE25.run(engines.client);
    }

    @Benchmark
    public void batchGetOf100() {
        Operations.BATCH_GET100.run(engines.client);
    }
}
