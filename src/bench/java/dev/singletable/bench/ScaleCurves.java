package dev.singletable.bench;

import dev.singletable.engine.EmbeddedEngine;
import dev.singletable.engine.core.EngineOptions;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.HdrHistogram.Histogram;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Scale curves of the in-memory engine, in-process through its SDK client: for each table size, the heap the items
 * take (after a full GC, per item), GetItem and Query (page of 25) latency under one thread; then PutItem throughput
 * on a table with and without a GSI (the cost of an index on writes). Items are the benchmark's (about 1 KB), 100 per
 * partition at every size, so a Query reads the same amount of data whatever the table size.
 *
 * <pre>./mvnw -Pbench test-compile exec:exec -Dbench.main=dev.singletable.bench.ScaleCurves -Dbench.args="10000,100000,1000000"</pre>
 * Needs a heap of about 3 GB for 10^6 items (the bench profile's exec runs with -Xmx6g).
 */
public final class ScaleCurves {

    private static final String TABLE = "scale";
    private static final int PER_PARTITION = 100;
    private static final int SAMPLES = 20_000;

    public static void main(String[] args) throws Exception {
        String sizes = args.length > 0 ? args[0] : "10000,100000,1000000";
        System.out.printf(
                Locale.ROOT,
                "%10s %9s %12s %12s %26s %26s%n",
                "items",
                "load s",
                "heap MB",
                "heap B/item",
                "GetItem p50/p99/p99.9 us",
                "Query25 p50/p99/p99.9 us");
        for (String size : sizes.split(",")) {
            curvePoint(Integer.parseInt(size.trim()));
        }
        gsiWriteCost();
        System.exit(0);
    }

    private static void curvePoint(int items) {
        long before = usedHeapAfterGc();
        EmbeddedEngine engine = EmbeddedEngine.open(EngineOptions.inMemory().withThrottling(false));
        DynamoDbClient client = engine.dynamoDbClient();
        createTable(client, TABLE, true);
        long start = System.nanoTime();
        load(client, TABLE, items);
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        long heap = usedHeapAfterGc() - before;
        int partitions = Math.max(1, items / PER_PARTITION);
        Histogram get = new Histogram(3);
        Histogram query = new Histogram(3);
        for (int round = 0; round < 2; round++) { // the first round warms up
            get.reset();
            query.reset();
            for (int i = 0; i < SAMPLES; i++) {
                int n = ThreadLocalRandom.current().nextInt(items);
                long t0 = System.nanoTime();
                client.getItem(r -> r.tableName(TABLE).key(key(n)));
                long t1 = System.nanoTime();
                String p = "P" + ThreadLocalRandom.current().nextInt(partitions);
                client.query(r -> r.tableName(TABLE)
                        .keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(p)))
                        .limit(25));
                long t2 = System.nanoTime();
                get.recordValue((t1 - t0) / 1000);
                query.recordValue((t2 - t1) / 1000);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%10d %9.1f %12.0f %12.0f %26s %26s%n",
                items,
                loadSeconds,
                heap / 1e6,
                heap / (double) items,
                percentiles(get),
                percentiles(query));
        engine.close();
    }

    /** PutItem throughput, one thread, 10^4 items in place, with and without a GSI projecting ALL. */
    private static void gsiWriteCost() {
        for (boolean withGsi : new boolean[] {false, true, false, true}) {
            EmbeddedEngine engine = EmbeddedEngine.open(EngineOptions.inMemory().withThrottling(false));
            DynamoDbClient client = engine.dynamoDbClient();
            createTable(client, TABLE, withGsi);
            load(client, TABLE, 10_000);
            long end = System.nanoTime() + 5_000_000_000L;
            long count = 0;
            long start = System.nanoTime();
            while (System.nanoTime() < end) {
                int n = ThreadLocalRandom.current().nextInt(10_000);
                client.putItem(r -> r.tableName(TABLE).item(item(n)));
                count++;
            }
            double rate = count / ((System.nanoTime() - start) / 1e9);
            System.out.printf(
                    Locale.ROOT,
                    "PutItem, 1 thread, %-13s %10.0f ops/s%n",
                    withGsi ? "with a GSI:" : "no index:",
                    rate);
            engine.close();
        }
    }

    private static String percentiles(Histogram h) {
        return String.format(
                Locale.ROOT,
                "%d / %d / %d",
                h.getValueAtPercentile(50),
                h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9));
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void createTable(DynamoDbClient client, String table, boolean withGsi) {
        client.createTable(r -> {
            r.tableName(table)
                    .billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(
                            a -> a.attributeName("pk").attributeType("S"),
                            a -> a.attributeName("sk").attributeType("N"),
                            a -> a.attributeName("gpk").attributeType("S"),
                            a -> a.attributeName("gsk").attributeType("N"))
                    .keySchema(k -> k.attributeName("pk").keyType("HASH"), k -> k.attributeName("sk")
                            .keyType("RANGE"));
            if (withGsi) {
                r.globalSecondaryIndexes(g -> g.indexName("byGroup")
                        .keySchema(k -> k.attributeName("gpk").keyType("HASH"), k -> k.attributeName("gsk")
                                .keyType("RANGE"))
                        .projection(p -> p.projectionType("ALL")));
            } else {
                r.attributeDefinitions(a -> a.attributeName("pk").attributeType("S"), a -> a.attributeName("sk")
                        .attributeType("N"));
            }
        });
    }

    private static void load(DynamoDbClient client, String table, int items) {
        List<WriteRequest> batch = new ArrayList<>(25);
        for (int i = 0; i < items; i++) {
            batch.add(WriteRequest.builder()
                    .putRequest(PutRequest.builder().item(item(i)).build())
                    .build());
            if (batch.size() == 25 || i == items - 1) {
                List<WriteRequest> chunk = List.copyOf(batch);
                client.batchWriteItem(r -> r.requestItems(Map.of(table, chunk)));
                batch.clear();
            }
        }
    }

    /** As {@link Engines#item}, with partitions growing with the table: 100 items each. */
    private static Map<String, AttributeValue> item(int i) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS("P" + (i / PER_PARTITION)));
        item.put("sk", AttributeValue.fromN(Integer.toString(i)));
        item.put("gpk", AttributeValue.fromS("G" + (i % 1000)));
        item.put("gsk", AttributeValue.fromN(Integer.toString(i)));
        item.put("counter", AttributeValue.fromN("0"));
        item.put("payload", AttributeValue.fromS(Engines.PAYLOAD));
        return item;
    }

    private static Map<String, AttributeValue> key(int i) {
        return Map.of(
                "pk", AttributeValue.fromS("P" + (i / PER_PARTITION)), "sk", AttributeValue.fromN(Integer.toString(i)));
    }
}
