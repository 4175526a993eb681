package dev.singletable.engine.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Random sequences of puts, conditional updates, deletes, batches and transactions, applied to the engine and to a
 * plain map that models DynamoDB's documented semantics; every answer and the final contents must agree.
 */
class RandomizedModelTest {

    static final int OPERATIONS = 3_000;
    static final int KEYS = 40;

    /** The model: id -> (value, counter). */
    private final Map<String, long[]> model = new TreeMap<>();

    private DynamoDbClient dynamo;
    private Random random;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 42})
    void engineAgreesWithTheModel(long seed) {
        random = new Random(seed);
        dynamo = EngineFixture.newClient();
        EngineFixture.createSimpleTable(dynamo, "model");
        for (int i = 0; i < OPERATIONS; i++) {
            switch (random.nextInt(6)) {
                case 0 -> put();
                case 1 -> update();
                case 2 -> delete();
                case 3 -> batch();
                case 4 -> transact();
                default -> get();
            }
        }
        assertThat(contents()).isEqualTo(expectedContents());
    }

    private void put() {
        String id = id();
        long value = random.nextInt(1000);
        boolean onlyIfAbsent = random.nextBoolean();
        boolean expectFailure = onlyIfAbsent && model.containsKey(id);
        try {
            dynamo.putItem(r -> {
                r.tableName("model").item(item(id, value, 0));
                if (onlyIfAbsent) {
                    r.conditionExpression("attribute_not_exists(id)");
                }
            });
            assertThat(expectFailure).as("put %s should have failed", id).isFalse();
            model.put(id, new long[] {value, 0});
        } catch (ConditionalCheckFailedException e) {
            assertThat(expectFailure).as("put %s should have succeeded", id).isTrue();
        }
    }

    private void update() {
        String id = id();
        long value = random.nextInt(1000);
        boolean onlyIfPresent = random.nextBoolean();
        boolean expectFailure = onlyIfPresent && !model.containsKey(id);
        try {
            dynamo.updateItem(r -> {
                r.tableName("model")
                        .key(key(id))
                        .updateExpression("SET v = :v ADD c :one")
                        .expressionAttributeValues(Map.of(":v", n(value), ":one", n(1)));
                if (onlyIfPresent) {
                    r.conditionExpression("attribute_exists(id)");
                }
            });
            assertThat(expectFailure).isFalse();
            long[] current = model.get(id);
            model.put(id, new long[] {value, current == null ? 1 : current[1] + 1});
        } catch (ConditionalCheckFailedException e) {
            assertThat(expectFailure).isTrue();
        }
    }

    private void delete() {
        String id = id();
        boolean onlyIfSmall = random.nextBoolean();
        long[] current = model.get(id);
        boolean expectFailure = onlyIfSmall && (current == null || current[0] >= 500);
        try {
            var response = dynamo.deleteItem(r -> {
                r.tableName("model").key(key(id)).returnValues("ALL_OLD");
                if (onlyIfSmall) {
                    r.conditionExpression("v < :half").expressionAttributeValues(Map.of(":half", n(500)));
                }
            });
            assertThat(expectFailure).isFalse();
            assertThat(response.hasAttributes()).isEqualTo(current != null);
            model.remove(id);
        } catch (ConditionalCheckFailedException e) {
            assertThat(expectFailure).isTrue();
        }
    }

    private void batch() {
        Set<String> ids = distinctIds(1 + random.nextInt(8));
        List<WriteRequest> writes = new ArrayList<>();
        Map<String, long[]> effects = new HashMap<>();
        for (String id : ids) {
            if (random.nextBoolean()) {
                long value = random.nextInt(1000);
                writes.add(WriteRequest.builder()
                        .putRequest(
                                PutRequest.builder().item(item(id, value, 0)).build())
                        .build());
                effects.put(id, new long[] {value, 0});
            } else {
                writes.add(WriteRequest.builder()
                        .deleteRequest(DeleteRequest.builder().key(key(id)).build())
                        .build());
                effects.put(id, null);
            }
        }
        dynamo.batchWriteItem(r -> r.requestItems(Map.of("model", writes)));
        effects.forEach((id, v) -> {
            if (v == null) {
                model.remove(id);
            } else {
                model.put(id, v);
            }
        });
    }

    private void transact() {
        Set<String> ids = distinctIds(2 + random.nextInt(3));
        List<TransactWriteItem> actions = new ArrayList<>();
        boolean expectFailure = false;
        Map<String, long[]> effects = new HashMap<>();
        for (String id : ids) {
            long[] current = model.get(id);
            switch (random.nextInt(3)) {
                case 0 -> {
                    long value = random.nextInt(1000);
                    actions.add(TransactWriteItem.builder()
                            .put(p -> p.tableName("model")
                                    .item(item(id, value, 0))
                                    .conditionExpression("attribute_not_exists(id)"))
                            .build());
                    expectFailure |= current != null;
                    effects.put(id, new long[] {value, 0});
                }
                case 1 -> {
                    actions.add(TransactWriteItem.builder()
                            .update(u -> u.tableName("model")
                                    .key(key(id))
                                    .updateExpression("ADD c :one")
                                    .conditionExpression("attribute_exists(id)")
                                    .expressionAttributeValues(Map.of(":one", n(1))))
                            .build());
                    expectFailure |= current == null;
                    effects.put(id, current == null ? null : new long[] {current[0], current[1] + 1});
                }
                default -> {
                    actions.add(TransactWriteItem.builder()
                            .delete(d -> d.tableName("model").key(key(id)))
                            .build());
                    effects.put(id, null);
                }
            }
        }
        try {
            dynamo.transactWriteItems(r -> r.transactItems(actions));
            assertThat(expectFailure).isFalse();
            effects.forEach((id, v) -> {
                if (v == null) {
                    model.remove(id);
                } else {
                    model.put(id, v);
                }
            });
        } catch (TransactionCanceledException e) {
            assertThat(expectFailure).isTrue();
            assertThat(e.cancellationReasons()).hasSize(actions.size());
        }
    }

    private void get() {
        String id = id();
        var item = dynamo.getItem(r -> r.tableName("model").key(key(id)).consistentRead(true));
        long[] expected = model.get(id);
        if (expected == null) {
            assertThat(item.hasItem()).isFalse();
        } else {
            assertThat(item.item().get("v").n()).isEqualTo(Long.toString(expected[0]));
            assertThat(item.item().get("c").n()).isEqualTo(Long.toString(expected[1]));
        }
    }

    private Map<String, String> contents() {
        Map<String, String> out = new TreeMap<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamo.scan(r -> r.tableName("model").limit(7).exclusiveStartKey(from));
            page.items()
                    .forEach(i -> out.put(
                            i.get("id").s(), i.get("v").n() + "/" + i.get("c").n()));
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    private Map<String, String> expectedContents() {
        Map<String, String> out = new TreeMap<>();
        model.forEach((id, v) -> out.put(id, v[0] + "/" + v[1]));
        return out;
    }

    private String id() {
        return "k" + random.nextInt(KEYS);
    }

    private Set<String> distinctIds(int count) {
        Set<String> ids = new LinkedHashSet<>();
        while (ids.size() < count) {
            ids.add(id());
        }
        return ids;
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("id", AttributeValue.fromS(id));
    }

    private static Map<String, AttributeValue> item(String id, long value, long counter) {
        return Map.of("id", AttributeValue.fromS(id), "v", n(value), "c", n(counter));
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
