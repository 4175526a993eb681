package dev.singletable.engine.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Global secondary indexes with multi-attribute keys (DynamoDB, November 2025): up to four HASH and four RANGE
 * attributes, HASH first; a Query gives every partition attribute with {@code =} and the sort attributes left to
 * right, equality on all but the last one named; items missing any key attribute are not indexed. DynamoDB Local
 * 2.6.1 refuses such key schemas ("Key Schema too big"), so these scenarios assert AWS's documented behaviour on our
 * engine only: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.MultiAttributeKeys and
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.DesignPattern.MultiAttributeKeys.html. The
 * RANGE-order message is the one AWS answers (captured by the public conformance suite's multi-attribute tests).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiAttributeKeyTest extends DifferentialTest {

    private String table; // index idx: HASH h1, h2; RANGE r1 (N), r2 (S)

    @BeforeAll
    void createTable() {
        table = createOurs(b -> b.attributeDefinitions(
                        attr("p", ScalarAttributeType.S),
                        attr("h1", ScalarAttributeType.S),
                        attr("h2", ScalarAttributeType.S),
                        attr("r1", ScalarAttributeType.N),
                        attr("r2", ScalarAttributeType.S))
                .keySchema(hashKey("p"))
                .globalSecondaryIndexes(gsi(
                        "idx",
                        List.of(hashKey("h1"), hashKey("h2"), rangeKey("r1"), rangeKey("r2")),
                        ProjectionType.ALL)));
        String[][] rows = {
            {"i1", "a", "x", "1", "alpha"}, {"i2", "a", "x", "1", "beta"}, {"i3", "a", "x", "2", "alpha"},
            {"i4", "a", "x", "10", "gamma"}, {"i5", "a", "y", "1", "alpha"}, {"i6", "b", "x", "1", "alpha"},
        };
        for (String[] r : rows) {
            put(Map.of("p", s(r[0]), "h1", s(r[1]), "h2", s(r[2]), "r1", n(r[3]), "r2", s(r[4]), "v", s("v" + r[0])));
        }
        // missing one HASH, one RANGE attribute: not in the index
        put(Map.of("p", s("m1"), "h1", s("a"), "r1", n("1"), "r2", s("alpha")));
        put(Map.of("p", s("m2"), "h1", s("a"), "h2", s("x"), "r1", n("1")));
    }

    @Test
    void describeTableListsEveryKeyAttributeInOrder() {
        var index = ours.describeTable(b -> b.tableName(table))
                .table()
                .globalSecondaryIndexes()
                .get(0);
        assertThat(index.keySchema()).containsExactly(hashKey("h1"), hashKey("h2"), rangeKey("r1"), rangeKey("r2"));
        assertThat(ours.describeTable(b -> b.tableName(table)).table().attributeDefinitions())
                .extracting(a -> a.attributeName())
                .containsExactlyInAnyOrder("p", "h1", "h2", "r1", "r2");
    }

    @Test
    void everyPartitionAttributeSelectsOnePartitionInSortOrder() {
        assertThat(keys(query("h1 = :a AND h2 = :x", Map.of(":a", s("a"), ":x", s("x")), true)))
                .containsExactly("i1", "i2", "i3", "i4");
        assertThat(keys(query("h2 = :x AND h1 = :a", Map.of(":a", s("a"), ":x", s("x")), false)))
                .containsExactly("i4", "i3", "i2", "i1");
        assertThat(keys(query("h1 = :a AND h2 = :y", Map.of(":a", s("a"), ":y", s("y")), true)))
                .containsExactly("i5");
    }

    @Test
    void sortAttributesLeftToRightWithTheConditionOnTheLastOneNamed() {
        Map<String, AttributeValue> v = Map.of(
                ":a",
                s("a"),
                ":x",
                s("x"),
                ":one",
                n("1"),
                ":two",
                n("2"),
                ":al",
                s("alpha"),
                ":b",
                s("b"),
                ":g",
                s("g"));
        assertThat(keys(query("h1 = :a AND h2 = :x AND r1 = :one", v, true))).containsExactly("i1", "i2");
        assertThat(keys(query("r2 = :al AND h1 = :a AND r1 = :one AND h2 = :x", v, true)))
                .containsExactly("i1");
        assertThat(keys(query("h1 = :a AND h2 = :x AND r1 > :one", v, true))).containsExactly("i3", "i4");
        assertThat(keys(query("h1 = :a AND h2 = :x AND r1 >= :two", v, true))).containsExactly("i3", "i4");
        assertThat(keys(query("h1 = :a AND h2 = :x AND r1 < :two", v, true))).containsExactly("i1", "i2");
        assertThat(keys(query("h1 = :a AND h2 = :x AND r1 <= :two", v, false))).containsExactly("i3", "i2", "i1");
        assertThat(keys(query("h1 = :a AND h2 = :x AND r1 BETWEEN :one AND :two", v, true)))
                .containsExactly("i1", "i2", "i3");
        assertThat(keys(query("h1 = :a AND h2 = :x AND r1 = :one AND begins_with(r2, :b)", v, true)))
                .containsExactly("i2");
        assertThat(keys(query("h1 = :a AND h2 = :x AND r1 = :one AND r2 > :al", v, true)))
                .containsExactly("i2");
        assertThat(keys(query("h1 = :a AND h2 = :x AND r1 = :one AND r2 < :g", v, false)))
                .containsExactly("i2", "i1");
    }

    @Test
    void itemsMissingAKeyAttributeAreNotIndexed() {
        ScanResponse scan = ours.scan(b -> b.tableName(table).indexName("idx"));
        assertThat(scan.items())
                .extracting(i -> i.get("p").s())
                .containsExactlyInAnyOrder("i1", "i2", "i3", "i4", "i5", "i6");
        // an UpdateItem that removes one key attribute takes the item out; adding it back puts it in again
        ours.updateItem(b -> b.tableName(table).key(Map.of("p", s("i6"))).updateExpression("REMOVE r2"));
        assertThat(keys(query("h1 = :b AND h2 = :x", Map.of(":b", s("b"), ":x", s("x")), true)))
                .isEmpty();
        ours.updateItem(b -> b.tableName(table)
                .key(Map.of("p", s("i6")))
                .updateExpression("SET r2 = :v")
                .expressionAttributeValues(Map.of(":v", s("alpha"))));
        assertThat(keys(query("h1 = :b AND h2 = :x", Map.of(":b", s("b"), ":x", s("x")), true)))
                .containsExactly("i6");
    }

    @Test
    void aPartitionAttributeWithoutEqualityIsRefused() {
        assertError(
                () -> query("h1 = :a", Map.of(":a", s("a")), true),
                "HASH key attributes h2 must have equality conditions specified in the query");
        assertError(
                () -> query("h1 = :a AND h2 > :x", Map.of(":a", s("a"), ":x", s("x")), true),
                "HASH key attributes h2 must have equality conditions specified in the query");
        assertError(
                () -> query("r1 = :one AND r2 = :x", Map.of(":one", n("1"), ":x", s("x")), true),
                "HASH key attributes h1, h2 must have equality conditions specified in the query");
    }

    @Test
    void aGapOrAnEarlierRangeConditionIsRefusedWithAwsMessage() {
        Map<String, AttributeValue> v = Map.of(":a", s("a"), ":x", s("x"), ":one", n("1"), ":al", s("alpha"));
        assertError(
                () -> query("h1 = :a AND h2 = :x AND r2 = :al", v, true),
                "RANGE key attributes r1 must have "
                        + "equality conditions specified in the query because a condition is present on key attribute r2");
        assertError(
                () -> query("h1 = :a AND h2 = :x AND r1 > :one AND r2 = :al", v, true),
                "RANGE key attributes r1 "
                        + "must have equality conditions specified in the query because a condition is present on key "
                        + "attribute r2");
    }

    @Test
    void keyValuesAreCheckedAgainstEachAttributesType() {
        assertError(
                () -> query(
                        "h1 = :a AND h2 = :x AND r1 = :bad", Map.of(":a", s("a"), ":x", s("x"), ":bad", s("1")), true),
                "One or more parameter values were invalid: Condition parameter type does not " + "match schema type");
        assertError(
                () -> query(
                        "h1 = :a AND h2 = :x AND begins_with(r1, :one)",
                        Map.of(":a", s("a"), ":x", s("x"), ":one", n("1")),
                        true),
                "Invalid KeyConditionExpression: Incorrect operand type for operator or "
                        + "function; operator or function: begins_with, operand type: N");
        assertError(
                () -> query(
                        "h1 = :a AND h2 = :x AND r1 = :one AND v = :a",
                        Map.of(":a", s("a"), ":x", s("x"), ":one", n("1")),
                        true),
                "Query key condition not supported");
    }

    @Test
    void aFilterMayNotNameAnyIndexKeyAttribute() {
        assertError(
                () -> ours.query(QueryRequest.builder()
                        .tableName(table)
                        .indexName("idx")
                        .keyConditionExpression("h1 = :a AND h2 = :x")
                        .filterExpression("r2 = :al")
                        .expressionAttributeValues(Map.of(":a", s("a"), ":x", s("x"), ":al", s("alpha")))
                        .build()),
                "Filter Expression can only contain non-primary key attributes: Primary key attribute: r2");
    }

    @Test
    void pagesCarryTheTableKeyAndEveryIndexKeyAttribute() {
        List<String> seen = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = ours.query(b -> b.tableName(table)
                    .indexName("idx")
                    .limit(1)
                    .keyConditionExpression("h1 = :a AND h2 = :x")
                    .expressionAttributeValues(Map.of(":a", s("a"), ":x", s("x")))
                    .exclusiveStartKey(from));
            page.items().forEach(i -> seen.add(i.get("p").s()));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            if (start != null) {
                assertThat(start.keySet()).containsExactlyInAnyOrder("p", "h1", "h2", "r1", "r2");
            }
            pages++;
        } while (start != null && pages < 10);
        assertThat(seen).containsExactly("i1", "i2", "i3", "i4");
    }

    @Test
    void aStartKeyMissingOrAddingAnAttributeIsInvalid() {
        // AWS: "The provided starting key is invalid" (DynamoDB Local: "Exclusive Start Key must have same size ...")
        Map<String, AttributeValue> missing = Map.of("p", s("i1"), "h1", s("a"), "r1", n("1"), "r2", s("alpha"));
        Map<String, AttributeValue> spurious = new HashMap<>(missing);
        spurious.put("h2", s("x"));
        spurious.put("extra", s("y"));
        for (Map<String, AttributeValue> esk : List.of(missing, spurious)) {
            assertError(
                    () -> ours.query(b -> b.tableName(table)
                            .indexName("idx")
                            .exclusiveStartKey(esk)
                            .keyConditionExpression("h1 = :a AND h2 = :x")
                            .expressionAttributeValues(Map.of(":a", s("a"), ":x", s("x")))),
                    "The provided starting key is invalid");
        }
    }

    @Test
    void legacyKeyConditionsFollowTheSameRules() {
        Map<String, Condition> conditions = Map.of(
                "h1",
                eq(s("a")),
                "h2",
                eq(s("x")),
                "r1",
                Condition.builder()
                        .comparisonOperator(ComparisonOperator.GE)
                        .attributeValueList(n("2"))
                        .build());
        assertThat(keys(ours.query(b -> b.tableName(table).indexName("idx").keyConditions(conditions))))
                .containsExactly("i3", "i4");
        assertError(
                () -> ours.query(b -> b.tableName(table)
                        .indexName("idx")
                        .keyConditions(Map.of("h1", eq(s("a")), "h2", eq(s("x")), "r2", eq(s("alpha"))))),
                "RANGE key attributes r1 must have equality conditions "
                        + "specified in the query because a condition is present on key attribute r2");
    }

    @Test
    void eachAttributeKeepsItsTypeAndOrdersByIt() {
        String mixed = createOurs(b -> b.attributeDefinitions(
                        attr("p", ScalarAttributeType.S),
                        attr("c", ScalarAttributeType.S),
                        attr("a", ScalarAttributeType.S),
                        attr("b", ScalarAttributeType.N),
                        attr("x", ScalarAttributeType.N),
                        attr("y", ScalarAttributeType.B))
                .keySchema(hashKey("p"), rangeKey("c"))
                .globalSecondaryIndexes(gsi(
                        "mixed",
                        List.of(hashKey("a"), hashKey("b"), rangeKey("x"), rangeKey("y")),
                        ProjectionType.KEYS_ONLY)));
        int[][] rows = {{10, 2}, {9, 1}, {10, 1}, {-3, 7}};
        for (int i = 0; i < rows.length; i++) {
            Map<String, AttributeValue> item = new HashMap<>(Map.of(
                    "p",
                    s("p"),
                    "c",
                    s("c" + i),
                    "a",
                    s("k"),
                    "b",
                    n("5"),
                    "x",
                    n(Integer.toString(rows[i][0])),
                    "extra",
                    s("not projected")));
            item.put("y", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {(byte) rows[i][1]})));
            ours.putItem(b -> b.tableName(mixed).item(item));
        }
        QueryResponse r = ours.query(b -> b.tableName(mixed)
                .indexName("mixed")
                .keyConditionExpression("a = :a AND b = :b")
                .expressionAttributeValues(Map.of(":a", s("k"), ":b", n("5"))));
        assertThat(r.items()).extracting(i -> i.get("c").s()).containsExactly("c3", "c1", "c2", "c0");
        assertThat(r.items().get(0).keySet()).containsExactlyInAnyOrder("p", "c", "a", "b", "x", "y");
        assertError(
                () -> ours.putItem(
                        b -> b.tableName(mixed).item(Map.of("p", s("p"), "c", s("bad"), "a", s("k"), "b", s("5")))),
                "One or more parameter values were invalid: Type mismatch for Index Key b Expected: N "
                        + "Actual: S IndexName: mixed");
    }

    @Test
    void updateTableAddsAMultiAttributeIndexAndBackfillsIt() {
        String name = createOurs(
                b -> b.attributeDefinitions(attr("p", ScalarAttributeType.S)).keySchema(hashKey("p")));
        for (int i = 0; i < 5; i++) {
            Map<String, AttributeValue> item = Map.of("p", s("p" + i), "a", s("t"), "b", s("u"), "c", n("" + (9 - i)));
            ours.putItem(b -> b.tableName(name).item(item));
        }
        ours.putItem(b -> b.tableName(name).item(Map.of("p", s("lacks-b"), "a", s("t"), "c", n("1"))));
        ours.updateTable(b -> b.tableName(name)
                .attributeDefinitions(
                        attr("a", ScalarAttributeType.S),
                        attr("b", ScalarAttributeType.S),
                        attr("c", ScalarAttributeType.N))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("abc")
                        .keySchema(hashKey("a"), hashKey("b"), rangeKey("c"))
                        .projection(Projection.builder()
                                .projectionType(ProjectionType.ALL)
                                .build()))));
        assertThat(ours.describeTable(b -> b.tableName(name))
                        .table()
                        .globalSecondaryIndexes()
                        .get(0)
                        .keySchema())
                .containsExactly(hashKey("a"), hashKey("b"), rangeKey("c"));
        QueryResponse r = ours.query(b -> b.tableName(name)
                .indexName("abc")
                .keyConditionExpression("a = :a AND b = :b")
                .expressionAttributeValues(Map.of(":a", s("t"), ":b", s("u"))));
        assertThat(keys(r)).containsExactly("p4", "p3", "p2", "p1", "p0");
    }

    @Test
    void keySchemasAreCheckedAsAwsDocuments() {
        List<KeySchemaElement> five = List.of(hashKey("a"), hashKey("b"), hashKey("c"), hashKey("d"), hashKey("e"));
        assertCreateFails(
                List.of(five.toArray(KeySchemaElement[]::new)),
                "One or more parameter values were invalid: The KeySchema exceeds the maximum allowed number of HASH "
                        + "key attributes");
        assertCreateFails(
                List.of(hashKey("a"), rangeKey("b"), rangeKey("c"), rangeKey("d"), rangeKey("e"), rangeKey("f")),
                "One or more parameter values were invalid: The KeySchema exceeds the maximum allowed "
                        + "number of RANGE key attributes");
        assertCreateFails(
                List.of(hashKey("a"), rangeKey("b"), hashKey("c")),
                "One or more parameter values were "
                        + "invalid: All HASH key attributes must precede RANGE key attributes in the KeySchema");
        assertCreateFails(
                List.of(rangeKey("a"), rangeKey("b")),
                "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        // AWS's wording (bare, no prefix), as a public probe of the real service recorded it:
        // https://github.com/aws-controllers-k8s/dynamodb-controller/blob/4534c4f1fe6b8d590bf14e64e86169320a116a1f/docs/api-quirks/table-indexes.md
        assertCreateFails(
                List.of(hashKey("a"), hashKey("a")),
                "The KeySchema contains multiple key attributes with the same name");
        // reported before an unused AttributeDefinition (b here), as AWS does
        assertError(
                () -> ours.createTable(b -> b.tableName(uniqueName("dup"))
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(defs("p", "a", "b"))
                        .keySchema(hashKey("p"))
                        .globalSecondaryIndexes(
                                gsi("dup", List.of(hashKey("a"), hashKey("b"), rangeKey("a")), ProjectionType.ALL))),
                "The KeySchema contains multiple key attributes with the same name");
        assertCreateFails(
                List.of(hashKey("a"), hashKey("zz")),
                "One or more parameter values were invalid: Some "
                        + "index key attributes are not defined in AttributeDefinitions. Keys: [a, zz], AttributeDefinitions: "
                        + "[a, p]");
        // the largest key schema: four and four
        String max = createOurs(b -> b.attributeDefinitions(defs("p", "a", "b", "c", "d", "e", "f", "g", "h"))
                .keySchema(hashKey("p"))
                .globalSecondaryIndexes(gsi(
                        "max",
                        List.of(
                                hashKey("a"),
                                hashKey("b"),
                                hashKey("c"),
                                hashKey("d"),
                                rangeKey("e"),
                                rangeKey("f"),
                                rangeKey("g"),
                                rangeKey("h")),
                        ProjectionType.ALL)));
        assertThat(ours.describeTable(b -> b.tableName(max))
                        .table()
                        .globalSecondaryIndexes()
                        .get(0)
                        .keySchema())
                .hasSize(8);
    }

    @Test
    void localIndexesAndTablesKeepSingleAttributeKeys() {
        Outcome lsi = oursOnly(c -> c.createTable(b -> b.tableName(uniqueName("lsiMulti"))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(defs("p", "c", "l"))
                .keySchema(hashKey("p"), rangeKey("c"))
                .localSecondaryIndexes(LocalSecondaryIndex.builder()
                        .indexName("lsi")
                        .keySchema(hashKey("p"), rangeKey("c"), rangeKey("l"))
                        .projection(Projection.builder()
                                .projectionType(ProjectionType.ALL)
                                .build())
                        .build())));
        assertThat(lsi.errorCode()).isEqualTo("ValidationException");
        Outcome base = oursOnly(c -> c.createTable(b -> b.tableName(uniqueName("tableMulti"))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(defs("p", "q"))
                .keySchema(hashKey("p"), hashKey("q"))));
        assertThat(base.errorCode()).isEqualTo("ValidationException");
    }

    private void assertCreateFails(List<KeySchemaElement> keySchema, String message) {
        assertError(
                () -> ours.createTable(b -> b.tableName(uniqueName("bad"))
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(defs(java.util.stream.Stream.concat(
                                        java.util.stream.Stream.of("p"),
                                        keySchema.stream().map(KeySchemaElement::attributeName))
                                .distinct()
                                .filter(n -> !n.equals("zz"))
                                .toArray(String[]::new)))
                        .keySchema(hashKey("p"))
                        .globalSecondaryIndexes(gsi("bad", keySchema, ProjectionType.ALL))),
                message);
    }

    private void assertError(java.util.function.Supplier<?> call, String message) {
        Outcome outcome = oursOnly(c -> call.get());
        assertThat(outcome.errorCode()).as("error for %s", outcome.value()).isEqualTo("ValidationException");
        assertThat(outcome.message()).isEqualTo(message);
    }

    private static software.amazon.awssdk.services.dynamodb.model.AttributeDefinition[] defs(String... names) {
        return java.util.Arrays.stream(names)
                .map(n -> attr(n, ScalarAttributeType.S))
                .toArray(software.amazon.awssdk.services.dynamodb.model.AttributeDefinition[]::new);
    }

    private static Condition eq(AttributeValue v) {
        return Condition.builder()
                .comparisonOperator(ComparisonOperator.EQ)
                .attributeValueList(v)
                .build();
    }

    private static GlobalSecondaryIndex gsi(String name, List<KeySchemaElement> keySchema, ProjectionType projection) {
        return GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(keySchema)
                .projection(Projection.builder().projectionType(projection).build())
                .build();
    }

    private String createOurs(Consumer<CreateTableRequest.Builder> spec) {
        String name = uniqueName("multiKey");
        ours.createTable(b -> {
            b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST);
            spec.accept(b);
        });
        return name;
    }

    private void put(Map<String, AttributeValue> item) {
        ours.putItem(b -> b.tableName(table).item(item));
    }

    private QueryResponse query(String keyCondition, Map<String, AttributeValue> values, boolean forward) {
        Map<String, AttributeValue> used = new HashMap<>();
        values.forEach((k, v) -> {
            if (java.util.regex.Pattern.compile(k + "\\b").matcher(keyCondition).find()) {
                used.put(k, v);
            }
        });
        return ours.query(b -> b.tableName(table)
                .indexName("idx")
                .keyConditionExpression(keyCondition)
                .expressionAttributeValues(used)
                .scanIndexForward(forward));
    }

    private static List<String> keys(QueryResponse r) {
        return r.items().stream().map(i -> i.get("p").s()).toList();
    }
}
