package dev.singletable.engine.fidelity;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * ExpressionAttributeNames and ExpressionAttributeValues: reserved words (refused unless aliased), unused and undefined
 * placeholders, maps without expressions, empty maps, malformed keys and invalid values, on every operation that takes
 * expressions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExpressionNamesValuesTest extends DifferentialTest {

    private String table;
    private String ranged;

    @BeforeAll
    void createTables() {
        table = hashTable("pk", ScalarAttributeType.S);
        ranged = hashRangeTable("pk", ScalarAttributeType.S, "sk", ScalarAttributeType.S);
        onBoth(c -> c.putItem(r -> r.tableName(table).item(Catalogue.richItem("e"))));
        onBoth(c -> c.putItem(r -> r.tableName(ranged).item(Map.of("pk", s("e"), "sk", s("1"), "v", n("1")))));
    }

    /** A sample of DynamoDB's reserved words, in several spellings. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "ABORT",
                "ABSOLUTE",
                "ACTION",
                "ADD",
                "ALL",
                "AND",
                "ANY",
                "AS",
                "ASC",
                "ATTRIBUTE",
                "AUTHORIZATION",
                "AVG",
                "BETWEEN",
                "BINARY",
                "BOOLEAN",
                "BOTH",
                "BY",
                "CASCADE",
                "CASE",
                "CHAR",
                "COLUMN",
                "COMMENT",
                "COMMIT",
                "CONNECTION",
                "COUNT",
                "CREATE",
                "CURRENT",
                "DATA",
                "DATABASE",
                "DATE",
                "DAY",
                "DELETE",
                "DESC",
                "DOMAIN",
                "DROP",
                "EACH",
                "ELSE",
                "END",
                "EXISTS",
                "FALSE",
                "FIRST",
                "FOR",
                "FROM",
                "GROUP",
                "HASH",
                "HOUR",
                "IF",
                "IN",
                "INDEX",
                "INTO",
                "IS",
                "ITEM",
                "KEY",
                "KEYS",
                "LANGUAGE",
                "LAST",
                "LEVEL",
                "LIMIT",
                "LIST",
                "MAP",
                "MINUTE",
                "MONTH",
                "NAME",
                "NOT",
                "NULL",
                "NUMBER",
                "OBJECT",
                "OF",
                "ON",
                "OR",
                "ORDER",
                "OWNER",
                "PATH",
                "PERCENT",
                "POSITION",
                "PRIMARY",
                "RANGE",
                "REGION",
                "REMOVE",
                "ROLE",
                "ROW",
                "SECOND",
                "SELECT",
                "SET",
                "SIZE",
                "SOURCE",
                "STATUS",
                "STRING",
                "TABLE",
                "TIME",
                "TIMESTAMP",
                "TO",
                "TOTAL",
                "TRUE",
                "TYPE",
                "UPDATE",
                "USER",
                "VALUE",
                "VALUES",
                "VIEW",
                "WHERE",
                "WITH",
                "YEAR",
                "ZONE",
                "name",
                "Status",
                "dAtA",
                "user"
            })
    void reservedWordsAreRefusedUnlessAliased(String word) {
        same(c -> c.getItem(r -> r.tableName(table).key(Map.of("pk", s("e"))).projectionExpression(word)));
        same(c -> c.getItem(r -> r.tableName(table)
                .key(Map.of("pk", s("e")))
                .projectionExpression("#w")
                .expressionAttributeNames(Map.of("#w", word))));
        same(c -> c.putItem(r -> r.tableName(table)
                .item(Map.of("pk", s("w")))
                .conditionExpression("attribute_not_exists(" + word + ")")));
        same(c -> c.updateItem(r -> r.tableName(table)
                .key(Map.of("pk", s("w")))
                .updateExpression("SET " + word + " = :v")
                .expressionAttributeValues(Map.of(":v", n("1")))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "Names", "values", "sizes", "n1", "_x", "a_b", "STATUSES", "KEYSTORE", "dates"})
    void ordinaryWordsNeedNoAlias(String word) {
        same(c -> c.getItem(r -> r.tableName(table).key(Map.of("pk", s("e"))).projectionExpression(word)));
    }

    @Test
    void unusedPlaceholdersAreRefused() {
        same(c -> c.getItem(r -> r.tableName(table)
                .key(Map.of("pk", s("e")))
                .projectionExpression("s")
                .expressionAttributeNames(Map.of("#x", "x"))));
        same(c -> c.getItem(r -> r.tableName(table)
                .key(Map.of("pk", s("e")))
                .projectionExpression("#s")
                .expressionAttributeNames(Map.of("#s", "s", "#x", "x", "#y", "y"))));
        same(c -> c.putItem(r -> r.tableName(table)
                .item(Map.of("pk", s("e2")))
                .conditionExpression("a = :a")
                .expressionAttributeValues(Map.of(":a", n("1"), ":b", n("2")))));
        same(c -> c.putItem(r -> r.tableName(table)
                .item(Map.of("pk", s("e2")))
                .conditionExpression("#a = :a")
                .expressionAttributeNames(Map.of("#a", "a", "#b", "b"))
                .expressionAttributeValues(Map.of(":a", n("1"), ":b", n("2")))));
        same(c -> c.updateItem(r -> r.tableName(table)
                .key(Map.of("pk", s("e2")))
                .updateExpression("SET a = :a")
                .conditionExpression("attribute_exists(#b)")
                .expressionAttributeNames(Map.of("#b", "b", "#c", "c"))
                .expressionAttributeValues(Map.of(":a", n("1")))));
        same(c -> c.updateItem(r -> r.tableName(table)
                .key(Map.of("pk", s("e2")))
                .updateExpression("SET #b = :a")
                .conditionExpression("attribute_exists(#b)")
                .expressionAttributeNames(Map.of("#b", "b"))
                .expressionAttributeValues(Map.of(":a", n("1")))));
        same(c -> c.query(r -> r.tableName(ranged)
                .keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("e"), ":unused", s("x")))));
        same(c -> c.scan(r -> r.tableName(ranged)
                .filterExpression("v = :v")
                .expressionAttributeValues(Map.of(":v", n("1"), ":w", n("2")))));
    }

    @Test
    void undefinedPlaceholdersAreRefused() {
        same(c -> c.getItem(r -> r.tableName(table).key(Map.of("pk", s("e"))).projectionExpression("#nope")));
        same(c -> c.getItem(r -> r.tableName(table)
                .key(Map.of("pk", s("e")))
                .projectionExpression("#nope, #s")
                .expressionAttributeNames(Map.of("#s", "s"))));
        same(c -> c.putItem(r -> r.tableName(table).item(Map.of("pk", s("e2"))).conditionExpression("a = :nope")));
        same(c -> c.putItem(r -> r.tableName(table)
                .item(Map.of("pk", s("e2")))
                .conditionExpression("a = :nope")
                .expressionAttributeValues(Map.of(":other", n("1")))));
        same(c -> c.updateItem(r -> r.tableName(table)
                .key(Map.of("pk", s("e2")))
                .updateExpression("SET #a = :a")
                .expressionAttributeValues(Map.of(":a", n("1")))));
        same(c -> c.query(r -> r.tableName(ranged).keyConditionExpression("pk = :p")));
        same(c -> c.query(r -> r.tableName(ranged)
                .keyConditionExpression("#pk = :p")
                .expressionAttributeValues(Map.of(":p", s("e")))));
        same(c -> c.scan(
                r -> r.tableName(ranged).filterExpression("#v = :v").expressionAttributeValues(Map.of(":v", n("1")))));
    }

    @Test
    void placeholdersWithoutExpressionsAreRefused() {
        same(c -> c.getItem(
                r -> r.tableName(table).key(Map.of("pk", s("e"))).expressionAttributeNames(Map.of("#a", "a"))));
        same(c -> c.putItem(
                r -> r.tableName(table).item(Map.of("pk", s("e2"))).expressionAttributeValues(Map.of(":a", n("1")))));
        same(c -> c.putItem(
                r -> r.tableName(table).item(Map.of("pk", s("e2"))).expressionAttributeNames(Map.of("#a", "a"))));
        same(c -> c.deleteItem(
                r -> r.tableName(table).key(Map.of("pk", s("e2"))).expressionAttributeValues(Map.of(":a", n("1")))));
        same(c -> c.updateItem(
                r -> r.tableName(table).key(Map.of("pk", s("e2"))).expressionAttributeValues(Map.of(":a", n("1")))));
        same(c -> c.scan(r -> r.tableName(table).expressionAttributeNames(Map.of("#a", "a"))));
        same(c -> c.scan(r -> r.tableName(table).expressionAttributeValues(Map.of(":a", n("1")))));
    }

    @Test
    void emptyPlaceholderMapsAreRefused() {
        // a GetItem without a projection skips the expression step only when it has no ExpressionAttributeNames at
        // all: an empty map is present (ItemOperations.getItem)
        same(c -> c.getItem(r -> r.tableName(table).key(Map.of("pk", s("e"))).expressionAttributeNames(Map.of())));
        same(c -> c.getItem(r -> r.tableName(table)
                .key(Map.of("pk", s("e")))
                .projectionExpression("s")
                .expressionAttributeNames(Map.of())));
        same(c -> c.putItem(r -> r.tableName(table)
                .item(Map.of("pk", s("e2")))
                .conditionExpression("attribute_exists(a)")
                .expressionAttributeValues(Map.of())));
        same(c -> c.putItem(r -> r.tableName(table)
                .item(Map.of("pk", s("e2")))
                .conditionExpression("attribute_exists(a)")
                .expressionAttributeNames(Map.of())));
        same(c -> c.scan(r -> r.tableName(table).expressionAttributeValues(Map.of())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "#", "##a", "# a", "#a b", "#a-b", "#a.b", ":a", "#1", "#_", "#a_1", "#\u00e9"})
    void nameKeys(String key) {
        same(c -> c.getItem(r -> r.tableName(table)
                .key(Map.of("pk", s("e")))
                .projectionExpression(key)
                .expressionAttributeNames(Map.of(key, "s"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", ":", "::a", ": a", ":a b", ":a-b", ":a.b", "#a", ":1", ":_", ":a_1", ":\u00e9"})
    void valueKeys(String key) {
        same(c -> c.putItem(r -> r.tableName(table)
                .item(Map.of("pk", s("e2")))
                .conditionExpression("a = " + key)
                .expressionAttributeValues(Map.of(key, n("1")))));
    }

    @Test
    void emptyPlaceholderKeys() {
        nameKeys("");
        valueKeys("");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{'SS':[]}",
                "{'NS':['1','1']}",
                "{'NULL':false}",
                "{}",
                "{'S':'a','N':'1'}",
                "{'M':{'a':{'NS':[]}}}",
                "{'L':[{'BS':[]}]}"
            })
    void invalidValuesAreRefused(String json) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":v", av(json));
        same(c -> c.putItem(r -> r.tableName(table)
                .item(Map.of("pk", s("e2")))
                .conditionExpression("a = :v")
                .expressionAttributeValues(values)));
    }

    /** DynamoDB Local words bad numbers in values its own way; AWS names the value. */
    @Test
    void invalidNumbersInValuesAreRefusedWithAwsWording() {
        awsDiffers(
                c -> c.putItem(r -> r.tableName(table)
                        .item(Map.of("pk", s("e2")))
                        .conditionExpression("a = :v")
                        .expressionAttributeValues(Map.of(":v", n("one")))),
                "ValidationException",
                "ExpressionAttributeValues contains invalid value: The parameter cannot be converted to a numeric value: "
                        + "one for key :v");
    }

    @Test
    void namesMayMapToAnyAttributeName() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("#a", "a.b");
        names.put("#b", "name");
        names.put("#c", "with space");
        names.put("#d", ":colon");
        names.put("#e", "#hash");
        same(c -> c.updateItem(r -> r.tableName(table)
                .key(Map.of("pk", s("odd")))
                .updateExpression("SET #a = :v, #b = :v, #c = :v, #d = :v, #e = :v")
                .expressionAttributeNames(names)
                .expressionAttributeValues(Map.of(":v", n("1")))
                .returnValues("ALL_NEW")));
        same(c -> c.getItem(r -> r.tableName(table)
                .key(Map.of("pk", s("odd")))
                .projectionExpression("#a, #c, #e")
                .expressionAttributeNames(Map.of("#a", "a.b", "#c", "with space", "#e", "#hash"))));
        same(c -> c.getItem(r -> r.tableName(table)
                .key(Map.of("pk", s("odd")))
                .projectionExpression("#a")
                .expressionAttributeNames(Map.of("#a", ""))));
    }

    @Test
    void oneNamesAndValuesMapServesEveryExpressionOfARequest() {
        same(c -> c.updateItem(r -> r.tableName(table)
                .key(Map.of("pk", s("e")))
                .updateExpression("SET #n = :v")
                .conditionExpression("#s = :abc")
                .expressionAttributeNames(Map.of("#n", "n", "#s", "s"))
                .expressionAttributeValues(Map.of(":v", n("6"), ":abc", s("abc")))
                .returnValues("UPDATED_NEW")));
        same(c -> c.query(r -> r.tableName(ranged)
                .keyConditionExpression("#p = :p")
                .filterExpression("#v = :one")
                .projectionExpression("#v, #p")
                .expressionAttributeNames(Map.of("#p", "pk", "#v", "v"))
                .expressionAttributeValues(Map.of(":p", s("e"), ":one", n("1")))));
    }
}
