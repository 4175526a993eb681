package dev.singletable.engine.fidelity;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * PutItem, GetItem and DeleteItem on hash and hash-range tables: create, replace, read (consistent or not), delete,
 * missing items and tables, and request shapes AWS checks before looking at any table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PutGetTest extends DifferentialTest {

    private String hash;
    private String ranged;

    @BeforeAll
    void createTables() {
        hash = hashTable("pk", ScalarAttributeType.S);
        ranged = hashRangeTable("pk", ScalarAttributeType.N, "sk", ScalarAttributeType.B);
    }

    @Test
    void putReplaceReadDelete() {
        same(c -> c.getItem(r -> r.tableName(hash).key(Map.of("pk", s("a")))));
        same(c -> c.putItem(r -> r.tableName(hash).item(Map.of("pk", s("a"), "v", n("1"), "w", s("x")))));
        same(c -> c.getItem(r -> r.tableName(hash).key(Map.of("pk", s("a")))));
        same(c -> c.getItem(r -> r.tableName(hash).key(Map.of("pk", s("a"))).consistentRead(true)));
        same(c -> c.getItem(r -> r.tableName(hash).key(Map.of("pk", s("a"))).consistentRead(false)));
        same(c -> c.putItem(
                r -> r.tableName(hash).item(Map.of("pk", s("a"), "v", n("2"))).returnValues("ALL_OLD")));
        same(c -> c.getItem(r -> r.tableName(hash).key(Map.of("pk", s("a")))));
        same(c -> c.deleteItem(r -> r.tableName(hash).key(Map.of("pk", s("a"))).returnValues("ALL_OLD")));
        same(c -> c.getItem(r -> r.tableName(hash).key(Map.of("pk", s("a")))));
        same(c -> c.deleteItem(r -> r.tableName(hash).key(Map.of("pk", s("a"))).returnValues("ALL_OLD")));
    }

    @Test
    void hashRangeItems() {
        for (String sk : new String[] {"AA==", "AQ==", "/w==", "AAE="}) {
            same(c -> c.putItem(
                    r -> r.tableName(ranged).item(Map.of("pk", n("1"), "sk", av("{'B':'" + sk + "'}"), "v", s(sk)))));
        }
        same(c -> c.getItem(r -> r.tableName(ranged).key(Map.of("pk", n("1.0"), "sk", av("{'B':'/w=='}")))));
        same(c -> c.getItem(r -> r.tableName(ranged).key(Map.of("pk", n("1"), "sk", av("{'B':'Ag=='}")))));
        same(c -> c.query(r ->
                r.tableName(ranged).keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", n("1")))));
        same(c -> c.deleteItem(r -> r.tableName(ranged)
                .key(Map.of("pk", n("1"), "sk", av("{'B':'AA=='}")))
                .returnValues("ALL_OLD")));
        same(c -> c.query(r -> r.tableName(ranged)
                .keyConditionExpression("pk = :p")
                .scanIndexForward(false)
                .expressionAttributeValues(Map.of(":p", n("1")))));
    }

    @Test
    void missingTables() {
        same(c -> c.getItem(r -> r.tableName("no_such_table").key(Map.of("pk", s("a")))));
        same(c -> c.putItem(r -> r.tableName("no_such_table").item(Map.of("pk", s("a")))));
        same(c -> c.deleteItem(r -> r.tableName("no_such_table").key(Map.of("pk", s("a")))));
        same(c -> c.updateItem(r -> r.tableName("no_such_table").key(Map.of("pk", s("a")))));
        same(c -> c.putItem(r ->
                r.tableName("no_such_table").item(Map.of("pk", s("a"))).conditionExpression("attribute_exists(pk)")));
    }

    /** Request shapes are checked before the table is looked up, in AWS's Smithy words. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "ab",
                "has space",
                "bad/name",
                "a",
                "ok_name-1.2",
                "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                        + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                        + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            })
    void tableNamesAreCheckedFirst(String name) {
        if (name.equals("ok_name-1.2")) {
            same(c -> c.getItem(r -> r.tableName(name).key(Map.of("pk", s("a")))));
            return;
        }
        awsDiffersLike(
                c -> c.getItem(r -> r.tableName(name).key(Map.of("pk", s("a")))),
                "ValidationException",
                "1 validation error detected: Value '.*' at 'tableName' failed to satisfy constraint: Member must .*");
    }

    @Test
    void itemsWithManyAttributes() {
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item = new java.util.HashMap<>();
        item.put("pk", s("many"));
        for (int i = 0; i < 500; i++) {
            item.put("attr" + i, n(Integer.toString(i)));
        }
        same(c -> c.putItem(r -> r.tableName(hash).item(item)));
        same(c -> c.getItem(r -> r.tableName(hash).key(Map.of("pk", s("many")))));
        same(c ->
                c.getItem(r -> r.tableName(hash).key(Map.of("pk", s("many"))).projectionExpression("attr7, attr499")));
    }
}
