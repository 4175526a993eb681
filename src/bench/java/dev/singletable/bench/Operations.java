package dev.singletable.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The benchmark operations, shared by the JMH benchmarks and the wire load generator. */
enum Operations {
    GET(c -> c.getItem(r -> r.tableName(Engines.TABLE).key(Engines.key(any(Engines.ITEMS))))),
    PUT(c -> c.putItem(r -> r.tableName(Engines.TABLE).item(Engines.item(any(Engines.ITEMS))))),
    QUERY(c -> c.query(r -> r.tableName(Engines.TABLE)
            .keyConditionExpression("pk = :p")
            .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("P" + any(Engines.PARTITIONS))))
            .limit(25))),
    QUERY100(c -> {
        // a Query returning 100 items in pages of 25, as in the baseline figures
        Map<String, AttributeValue> start = null;
        String partition = "P" + any(Engines.PARTITIONS);
        do {
            Map<String, AttributeValue> from = start;
            var page = c.query(r -> r.tableName(Engines.TABLE)
                    .keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(partition)))
                    .limit(25)
                    .exclusiveStartKey(from));
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }),
    GSI_QUERY(c -> c.query(r -> r.tableName(Engines.TABLE)
            .indexName("byGroup")
            .keyConditionExpression("gpk = :p")
            .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("G" + any(Engines.PARTITIONS))))
            .limit(25))),
    TRANSACT4(c -> {
        int base = any(Engines.ITEMS - 4);
        List<TransactWriteItem> actions = new ArrayList<>(4);
        for (int i = 0; i < 4; i++) {
            int n = base + i;
            actions.add(TransactWriteItem.builder()
                    .update(u -> u.tableName(Engines.TABLE)
                            .key(Engines.key(n))
                            .updateExpression("ADD #c :one")
                            .expressionAttributeNames(Map.of("#c", "counter"))
                            .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))))
                    .build());
        }
        c.transactWriteItems(r -> r.transactItems(actions));
    }),
    BATCH_WRITE25(c -> {
        int base = any(Engines.ITEMS - 25);
        List<WriteRequest> writes = new ArrayList<>(25);
        for (int i = 0; i < 25; i++) {
            writes.add(WriteRequest.builder()
                    .putRequest(
                            PutRequest.builder().item(Engines.item(base + i)).build())
                    .build());
        }
        c.batchWriteItem(r -> r.requestItems(Map.of(Engines.TABLE, writes)));
    }),
    BATCH_GET100(c -> {
        int base = any(Engines.ITEMS - 100);
        List<Map<String, AttributeValue>> keys = new ArrayList<>(100);
        for (int i = 0; i < 100; i++) {
            keys.add(Engines.key(base + i));
        }
        c.batchGetItem(r -> r.requestItems(
                Map.of(Engines.TABLE, KeysAndAttributes.builder().keys(keys).build())));
    });

    private final Consumer<DynamoDbClient> call;

    Operations(Consumer<DynamoDbClient> call) {
        this.call = call;
    }

    void run(DynamoDbClient client) {
        call.accept(client);
    }

    static int any(int bound) {
        return ThreadLocalRandom.current().nextInt(bound);
    }
}
