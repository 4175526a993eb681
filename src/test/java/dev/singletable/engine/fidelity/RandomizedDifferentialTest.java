package dev.singletable.engine.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Random valid and invalid operations from a fixed seed — puts, updates and deletes with random conditions and update
 * expressions, gets, queries on the table and its GSI, scans, batches and transactions, some malformed — applied to
 * both engines; every answer is compared (order-insensitively where DynamoDB leaves the order unspecified), and the
 * whole table and index at the end.
 */
class RandomizedDifferentialTest extends DifferentialTest {

    static final int OPERATIONS = 1_500;

    private RandomOperations gen;
    private String table;
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    @BeforeEach
    void quiet() {
        ScenarioCount.suspend(true);
    }

    @AfterEach
    void loud() {
        ScenarioCount.suspend(false);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {20261121L, 7L})
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void bothEnginesAnswerEveryOperationAlike(long seed) {
        // over the wire one seed is enough to prove the transport; the suite runs twice and must stay fast
        org.junit.jupiter.api.Assumptions.assumeFalse(
                "wire".equals(System.getProperty("fidelity.transport")) && seed != 20261121L);
        gen = new RandomOperations(new Random(seed));
        table = createTable(b -> b.attributeDefinitions(
                        attr("pk", ScalarAttributeType.S),
                        attr("sk", ScalarAttributeType.N),
                        attr("g", ScalarAttributeType.S),
                        attr("gs", ScalarAttributeType.N))
                .keySchema(hashKey("pk"), rangeKey("sk"))
                .globalSecondaryIndexes(i -> i.indexName("byGroup")
                        .keySchema(hashKey("g"), rangeKey("gs"))
                        .projection(p -> p.projectionType(ProjectionType.ALL))));
        for (int i = 0; i < OPERATIONS; i++) {
            int op = gen.nextInt(100);
            String kind = op < 18
                    ? "put"
                    : op < 38
                            ? "update"
                            : op < 46
                                    ? "delete"
                                    : op < 56
                                            ? "get"
                                            : op < 68
                                                    ? "query"
                                                    : op < 72
                                                            ? "indexQuery"
                                                            : op < 75
                                                                    ? "scan"
                                                                    : op < 83
                                                                            ? "batchWrite"
                                                                            : op < 87
                                                                                    ? "batchGet"
                                                                                    : op < 96
                                                                                            ? "transactWrite"
                                                                                            : "transactGet";
            counts.merge(kind, 1, Integer::sum);
            try {
                run(kind);
            } catch (AssertionError difference) {
                throw new AssertionError("operation " + i + " (" + kind + ", seed " + seed + "): " + last, difference);
            }
        }
        sameIgnoringOrder(c -> c.scan(r -> r.tableName(table)).items());
        sameIgnoringOrder(
                c -> c.scan(r -> r.tableName(table).indexName("byGroup")).items());
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(OPERATIONS);
    }

    /** The request of the current operation, for the failure message. */
    private Object last;

    private void run(String kind) {
        {
            switch (kind) {
                case "put" -> put();
                case "update" -> update();
                case "delete" -> delete();
                case "get" -> get();
                case "query" -> query();
                case "indexQuery" -> indexQuery();
                case "scan" -> scan();
                case "batchWrite" -> batchWrite();
                case "batchGet" -> batchGet();
                case "transactWrite" -> transactWrite();
                default -> transactGet();
            }
        }
    }

    private boolean exists(Map<String, AttributeValue> key) {
        return ours.getItem(r -> r.tableName(table).key(key).consistentRead(true))
                .hasItem();
    }

    private void put() {
        gen.newRequest();
        if (gen.chance(3)) {
            // known wording difference: DynamoDB Local says "One of the required keys was not given a value"
            last = "put without its sort key";
            awsDiffers(
                    c -> c.putItem(r -> r.tableName(table).item(Map.of("pk", s("p0")))),
                    "ValidationException",
                    "One or more parameter values were invalid: Missing the key sk in the item");
            return;
        }
        Map<String, AttributeValue> item = gen.item(gen.key());
        String condition = gen.chance(40) ? gen.condition() : null;
        String returnValues = gen.pick(List.of("NONE", "ALL_OLD"));
        String onFailure = gen.pick(List.of("NONE", "ALL_OLD"));
        var request = software.amazon.awssdk.services.dynamodb.model.PutItemRequest.builder()
                .tableName(table)
                .item(item)
                .conditionExpression(condition)
                .expressionAttributeValues(gen.valuesOrNull())
                .expressionAttributeNames(gen.namesOrNull())
                .returnValues(returnValues)
                .returnValuesOnConditionCheckFailure(onFailure)
                .build();
        last = request;
        same(c -> c.putItem(request));
    }

    private void update() {
        gen.newRequest();
        Map<String, AttributeValue> key = gen.key();
        String returnValues = gen.pick(List.of("NONE", "ALL_OLD", "ALL_NEW", "UPDATED_OLD", "UPDATED_NEW"));
        boolean topLevelOnly = returnValues.startsWith("UPDATED");
        String update = gen.update(topLevelOnly, !exists(key), false);
        String condition = gen.chance(35) ? gen.condition() : null;
        var request = software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest.builder()
                .tableName(table)
                .key(key)
                .updateExpression(update)
                .conditionExpression(condition)
                .expressionAttributeValues(gen.valuesOrNull())
                .expressionAttributeNames(gen.namesOrNull())
                .returnValues(returnValues)
                .returnValuesOnConditionCheckFailure(gen.pick(List.of("NONE", "ALL_OLD")))
                .build();
        last = request;
        same(c -> c.updateItem(request));
    }

    private void delete() {
        gen.newRequest();
        if (gen.chance(3)) {
            // known wording difference: DynamoDB Local says "The number of conditions on the keys is invalid"
            last = "delete without its sort key";
            awsDiffers(
                    c -> c.deleteItem(r -> r.tableName(table).key(Map.of("pk", s("p1")))),
                    "ValidationException",
                    "The provided key element does not match the schema");
            return;
        }
        Map<String, AttributeValue> key = gen.key();
        String condition = gen.chance(40) ? gen.condition() : null;
        var request = software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest.builder()
                .tableName(table)
                .key(key)
                .conditionExpression(condition)
                .expressionAttributeValues(gen.valuesOrNull())
                .returnValues(gen.pick(List.of("NONE", "ALL_OLD")))
                .build();
        last = request;
        same(c -> c.deleteItem(request));
    }

    private void get() {
        gen.newRequest();
        Map<String, AttributeValue> key = gen.key();
        String projection = gen.chance(40) ? gen.projection() : null;
        same(c -> c.getItem(r ->
                r.tableName(table).key(key).projectionExpression(projection).consistentRead(gen.chance(50))));
    }

    private void query() {
        gen.newRequest();
        String keyCondition = gen.keyCondition();
        // which of two invalid expressions DynamoDB reports first is not modelled (see docs/fidelity.md)
        String filter = gen.chance(30) && !gen.invalidKeyCondition ? gen.condition() : null;
        String projection = gen.chance(30) ? gen.projection() : null;
        Integer limit = gen.chance(50) ? 1 + gen.nextInt(6) : null;
        boolean forward = gen.chance(60);
        var request = software.amazon.awssdk.services.dynamodb.model.QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression(keyCondition)
                .filterExpression(filter)
                .projectionExpression(projection)
                .expressionAttributeValues(gen.valuesOrNull())
                .expressionAttributeNames(gen.namesOrNull())
                .limit(limit)
                .scanIndexForward(forward)
                .build();
        last = request;
        same(c -> c.query(request));
    }

    /** Items with equal index keys come back in an order DynamoDB does not specify: compared as multisets. */
    private void indexQuery() {
        gen.newRequest();
        String group = gen.value(s(RandomOperations.GROUPS[gen.nextInt(RandomOperations.GROUPS.length)]));
        String keyCondition = gen.chance(50)
                ? "g = " + group
                : "g = " + group + " AND gs >= " + gen.value(n(Integer.toString(gen.nextInt(4))));
        String filter = gen.chance(30) ? gen.condition() : null;
        sameIgnoringOrder(c -> c.query(r -> r.tableName(table)
                .indexName("byGroup")
                .keyConditionExpression(keyCondition)
                .filterExpression(filter)
                .expressionAttributeValues(gen.valuesOrNull())
                .expressionAttributeNames(gen.namesOrNull())));
    }

    private void scan() {
        gen.newRequest();
        String filter = gen.chance(50) ? gen.condition() : null;
        sameIgnoringOrder(c -> c.scan(r -> r.tableName(table)
                .filterExpression(filter)
                .expressionAttributeValues(gen.valuesOrNull())
                .expressionAttributeNames(gen.namesOrNull())));
    }

    private void batchWrite() {
        List<WriteRequest> writes = new ArrayList<>();
        Set<Map<String, AttributeValue>> keys = new HashSet<>();
        int size = 1 + gen.nextInt(6);
        for (int i = 0; i < size; i++) {
            Map<String, AttributeValue> key = gen.key();
            if (!keys.add(key) && !gen.chance(30)) {
                continue;
            }
            writes.add(
                    gen.chance(70)
                            ? WriteRequest.builder()
                                    .putRequest(PutRequest.builder()
                                            .item(gen.item(key))
                                            .build())
                                    .build()
                            : WriteRequest.builder()
                                    .deleteRequest(
                                            DeleteRequest.builder().key(key).build())
                                    .build());
        }
        same(c -> c.batchWriteItem(r -> r.requestItems(Map.of(table, writes))));
    }

    private void batchGet() {
        gen.newRequest();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        int size = 1 + gen.nextInt(6);
        for (int i = 0; i < size; i++) {
            Map<String, AttributeValue> key = gen.key();
            if (!keys.contains(key) || gen.chance(20)) {
                keys.add(key);
            }
        }
        String projection = gen.chance(30) ? gen.projection() : null;
        sameIgnoringOrder(c -> c.batchGetItem(r -> r.requestItems(Map.of(
                table,
                KeysAndAttributes.builder()
                        .keys(keys)
                        .projectionExpression(projection)
                        .consistentRead(gen.chance(50))
                        .build()))));
    }

    private void transactWrite() {
        List<TransactWriteItem> actions = new ArrayList<>();
        Set<Map<String, AttributeValue>> keys = new HashSet<>();
        int size = 1 + gen.nextInt(4);
        // DynamoDB Local checks conditions before it refuses two actions on one item: a request that might name an
        // item twice carries no conditions
        boolean mayRepeat = gen.chance(10);
        for (int i = 0; i < size; i++) {
            Map<String, AttributeValue> key = gen.key();
            boolean duplicate = !keys.add(key);
            if (duplicate && !mayRepeat) {
                continue;
            }
            gen.newRequest();
            String condition = !mayRepeat && gen.chance(40) ? gen.condition() : null;
            Map<String, AttributeValue> conditionValues = gen.valuesOrNull();
            TransactWriteItem action =
                    switch (duplicate ? 1 : gen.nextInt(4)) {
                        case 0 ->
                            TransactWriteItem.builder()
                                    .put(p -> p.tableName(table)
                                            .item(gen.item(key))
                                            .conditionExpression(condition)
                                            .expressionAttributeValues(conditionValues)
                                            .returnValuesOnConditionCheckFailure("ALL_OLD"))
                                    .build();
                        case 1 -> {
                            String update = gen.update(true, true, true);
                            Map<String, AttributeValue> values = gen.valuesOrNull();
                            yield TransactWriteItem.builder()
                                    .update(u -> u.tableName(table)
                                            .key(key)
                                            .updateExpression(update)
                                            .conditionExpression(condition)
                                            .expressionAttributeValues(values))
                                    .build();
                        }
                        case 2 ->
                            TransactWriteItem.builder()
                                    .delete(d -> d.tableName(table)
                                            .key(key)
                                            .conditionExpression(condition)
                                            .expressionAttributeValues(conditionValues))
                                    .build();
                        default ->
                            mayRepeat
                                    ? TransactWriteItem.builder()
                                            .delete(d -> d.tableName(table).key(key))
                                            .build()
                                    : TransactWriteItem.builder()
                                            .conditionCheck(cc -> cc.tableName(table)
                                                    .key(key)
                                                    .conditionExpression(
                                                            condition == null ? "attribute_exists(pk)" : condition)
                                                    .expressionAttributeValues(conditionValues)
                                                    .returnValuesOnConditionCheckFailure("ALL_OLD"))
                                            .build();
                    };
            actions.add(action);
        }
        last = actions;
        same(c -> c.transactWriteItems(r -> r.transactItems(actions)));
    }

    private void transactGet() {
        List<TransactGetItem> gets = new ArrayList<>();
        Set<Map<String, AttributeValue>> keys = new HashSet<>();
        int size = 1 + gen.nextInt(5);
        for (int i = 0; i < size; i++) {
            Map<String, AttributeValue> key = gen.key();
            if (keys.add(key) || gen.chance(20)) {
                gets.add(TransactGetItem.builder()
                        .get(g -> g.tableName(table).key(key))
                        .build());
            }
        }
        same(c -> c.transactGetItems(r -> r.transactItems(gets)));
    }
}
