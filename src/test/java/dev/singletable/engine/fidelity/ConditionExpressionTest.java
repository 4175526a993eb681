package dev.singletable.engine.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * ConditionExpression: every comparator, BETWEEN, IN, AND/OR/NOT with precedence and parentheses, the functions
 * (attribute_exists, attribute_not_exists, attribute_type, begins_with, contains, size), nested paths, type mismatches
 * and syntax errors. Each condition guards a PutItem that rewrites the same rich item, so a scenario observes exactly
 * whether (or why not) the condition held, and the old item on failure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConditionExpressionTest extends DifferentialTest {

    private String table;
    private final Map<String, AttributeValue> rich = Catalogue.richItem("cond");

    @BeforeAll
    void createTable() {
        table = hashTable("pk", ScalarAttributeType.S);
        onBoth(c -> c.putItem(r -> r.tableName(table).item(rich)));
    }

    private void guardedPut(String condition) {
        same(c -> c.putItem(r -> r.tableName(table)
                .item(rich)
                .conditionExpression(condition)
                .expressionAttributeValues(Placeholders.values(Catalogue.VALUES, condition))
                .expressionAttributeNames(Placeholders.names(Catalogue.NAMES, condition))
                .returnValuesOnConditionCheckFailure("ALL_OLD")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "n = :five",
                "n = :fivef",
                "n <> :five",
                "n <> :six",
                "n < :six",
                "n < :five",
                "n <= :five",
                "n <= :four",
                "n > :four",
                "n > :five",
                "n >= :five",
                "n >= :six",
                "neg < :zero",
                "zero = :zero",
                "n > :neg",
                "s = :abc",
                "s <> :abc",
                "s < :abd",
                "s > :ab",
                "s >= :abc",
                "s <= :ab",
                "empty = :empty",
                "empty < :a",
                "b = :bin",
                "b > :binp",
                "b < :binp",
                "t = :true",
                "t = :false",
                "t <> :false",
                "z = :null",
                "z <> :null",
                "l = :list",
                "l <> :list",
                "m = :map",
                "ss = :ss",
                "ss = :ssba",
                "ss <> :ssa",
                "ns = :ns",
                "bs = :bs1",
                "el = :elist",
                "em = :emap",
                "eb = :ebin",
                "l[3] = :list",
                "m.b = :map2",
                ":five = n",
                ":abc = s",
                ":one = :one",
                ":one < :two",
                ":one = :two",
                "n = n",
                "n <> s",
                "m.a = l[0]",
                "n > zero",
                "n < zero",
                "l[2].a = m.a",
                "m.list[1] = :two",
                "l[3][1] = :list",
                "l[3][0] < l[3][1]"
            })
    void comparisons(String condition) {
        guardedPut(condition);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "n = :abc",
                "n < :abc",
                "n > :abc",
                "s > :five",
                "s <> :five",
                "t < :true",
                "t > :false",
                "z < :null",
                "l < :list",
                "m > :map",
                "ss < :ss",
                "b < :abc",
                "missing = :five",
                "missing <> :five",
                "missing < :five",
                "missing > :five",
                "missing = missing",
                "missing <> missing",
                "missing2 = missing",
                "n = missing"
            })
    void comparisonsOfOtherTypesOrMissingAttributes(String condition) {
        guardedPut(condition);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "n BETWEEN :four AND :six",
                "n BETWEEN :five AND :five",
                "n BETWEEN :one AND :four",
                "s BETWEEN :a AND :z",
                "s BETWEEN :abd AND :z",
                "b BETWEEN :binp AND :bin2",
                "missing BETWEEN :one AND :two",
                "n BETWEEN :abc AND :z",
                "s BETWEEN :one AND :six",
                "n BETWEEN :one AND :abc",
                "n BETWEEN :six AND :four",
                "s BETWEEN :z AND :a",
                "n BETWEEN n AND n",
                "n BETWEEN zero AND :six",
                "m.a BETWEEN :zero AND :two",
                "n between :four and :six",
                "t BETWEEN :false AND :true",
                "l BETWEEN :list AND :list"
            })
    void between(String condition) {
        guardedPut(condition);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "n IN (:four, :five)", "n IN (:four)", "n IN (:five)", "s IN (:abc, :five)", "s IN (:ab, :abd)",
                "ss IN (:ssba)", "missing IN (:five)", "n IN (n)", "n IN (:abc, zero, :five)", "m.a IN (:one, :two)",
                "l IN (:list)", "n in (:five)", ":five IN (n, s)"
            })
    void in(String condition) {
        guardedPut(condition);
    }

    @Test
    void inAcceptsAtMost100Values() {
        StringBuilder ok = new StringBuilder("n IN (");
        Map<String, AttributeValue> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 101; i++) {
            values.put(":v" + i, n(Integer.toString(i)));
        }
        for (int i = 0; i < 100; i++) {
            ok.append(i == 0 ? "" : ", ").append(":v").append(i);
        }
        String hundred = ok + ")";
        String hundredAndOne = ok + ", :v100)";
        Map<String, AttributeValue> first100 = new java.util.LinkedHashMap<>(values);
        first100.remove(":v100");
        same(c -> c.putItem(
                r -> r.tableName(table).item(rich).conditionExpression(hundred).expressionAttributeValues(first100)));
        same(c -> c.putItem(r ->
                r.tableName(table).item(rich).conditionExpression(hundredAndOne).expressionAttributeValues(values)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "attribute_exists(n)", "attribute_exists(missing)", "attribute_not_exists(missing)",
                        "attribute_not_exists(n)",
                "attribute_exists(m.b.c)", "attribute_exists(m.b.zz)", "attribute_exists(l[0])",
                        "attribute_exists(l[9])",
                "attribute_not_exists(l[9])", "attribute_exists(l[2].a)", "attribute_exists(s.x)",
                        "attribute_exists(l.x)",
                "attribute_exists(m[0])", "attribute_exists(z)", "attribute_exists(empty)", "attribute_exists(#dot)",
                "attribute_exists(a.b)", "attribute_exists(#name)", "attribute_exists(pk)", "attribute_not_exists(#pk)",
                "ATTRIBUTE_EXISTS(n)", "attribute_exists (n)", "attribute_exists( n )"
            })
    void attributeExistence(String condition) {
        guardedPut(condition);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "attribute_type(n, :N)",
                "attribute_type(n, :S)",
                "attribute_type(s, :S)",
                "attribute_type(b, :B)",
                "attribute_type(t, :BOOL)",
                "attribute_type(z, :NULL)",
                "attribute_type(l, :L)",
                "attribute_type(m, :M)",
                "attribute_type(ss, :SS)",
                "attribute_type(ns, :NS)",
                "attribute_type(bs, :BS)",
                "attribute_type(ss, :S)",
                "attribute_type(missing, :S)",
                "attribute_type(m.a, :N)",
                "attribute_type(l[1], :S)",
                "attribute_type(n, :XX)",
                "attribute_type(n, :lower)",
                "attribute_type(n, :five)",
                "attribute_type(:N, :N)",
                "attribute_type(n)",
                "attribute_type(n, :N, :S)"
            })
    void attributeType(String condition) {
        guardedPut(condition);
    }

    /**
     * DynamoDB lists the operand types of this message from a hash set whose order changes from one JVM to the next
     * (DynamoDB Local's differs between runs): the same message with the same set of types is what can be compared.
     */
    @Test
    void attributeTypeWithAPathAsType() {
        String condition = "attribute_type(n, s)";
        java.util.function.Function<software.amazon.awssdk.services.dynamodb.DynamoDbClient, ?> call =
                c -> c.putItem(r -> r.tableName(table).item(rich).conditionExpression(condition));
        Outcome mine = oursOnly(call);
        String theirs = ((software.amazon.awssdk.awscore.exception.AwsServiceException)
                        org.assertj.core.api.Assertions.catchThrowable(() -> call.apply(local)))
                .awsErrorDetails()
                .errorMessage();
        String prefix = "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or "
                + "function: attribute_type, operand type: ";
        assertThat(mine.message()).startsWith(prefix);
        assertThat(theirs).startsWith(prefix);
        assertThat(typeSet(mine.message(), prefix)).isEqualTo(typeSet(theirs, prefix));
    }

    private static java.util.Set<String> typeSet(String message, String prefix) {
        String list = message.substring(prefix.length());
        assertThat(list).startsWith("{").endsWith("}");
        return new java.util.TreeSet<>(
                List.of(list.substring(1, list.length() - 1).split(",")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "begins_with(s, :ab)",
                "begins_with(s, :abc)",
                "begins_with(s, :abd)",
                "begins_with(s, :x)",
                "begins_with(s, :empty)",
                "begins_with(b, :binp)",
                "begins_with(b, :bin2)",
                "begins_with(n, :ab)",
                "begins_with(missing, :ab)",
                "begins_with(s, :five)",
                "begins_with(s, :binp)",
                "begins_with(m.b.c, :x)",
                "begins_with(l[1], :twoS)",
                "begins_with(s, s)",
                "begins_with(:abc, :ab)",
                "begins_with(s, :ss)",
                "begins_with(s)",
                "begins_with(s, :ab, :a)",
                "begins_with(ss, :a)",
                "contains(s, :b)",
                "contains(s, :x)",
                "contains(s, :abc)",
                "contains(s, :empty)",
                "contains(ss, :a)",
                "contains(ss, :c)",
                "contains(ns, :two)",
                "contains(ns, :six)",
                "contains(bs, :binp)",
                "contains(l, :twoS)",
                "contains(l, :one)",
                "contains(l, :map2)",
                "contains(l, :list)",
                "contains(m, :a)",
                "contains(n, :five)",
                "contains(missing, :a)",
                "contains(s, :five)",
                "contains(ss, :one)",
                "contains(ss, :ss)",
                "contains(b, :binp)",
                "contains(s, s)",
                "contains(m.s, :q)",
                "contains(l[3], :six)",
                "contains(:abc, :b)",
                "contains(s)",
                "CONTAINS(s, :b)"
            })
    void beginsWithAndContains(String condition) {
        guardedPut(condition);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "size(s) = :three",
                "size(s) > :three",
                "size(empty) = :zero",
                "size(b) = :three",
                "size(l) = :four",
                "size(m) = :four",
                "size(ss) = :two",
                "size(ns) = :three",
                "size(bs) = :two",
                "size(el) = :zero",
                "size(em) = :zero",
                "size(eb) = :zero",
                "size(n) = :one",
                "size(t) = :one",
                "size(z) = :one",
                "size(missing) = :zero",
                "size(missing) <> :zero",
                "size(m.list) = :two",
                "size(l[3]) < n",
                "size(s) = size(ss)",
                "size(s) BETWEEN :two AND :four",
                "size(s) IN (:three)",
                ":three = size(s)",
                "size(:abc) = :three",
                "size(s)",
                "size(s) = :abc",
                "size(s, l) = :three",
                "size(size(s)) = :one",
                "SIZE(s) = :three"
            })
    void size(String condition) {
        guardedPut(condition);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "n = :five AND s = :abc",
                "n = :five AND s = :x",
                "n = :five OR s = :x",
                "n = :six OR s = :x",
                "NOT n = :five",
                "NOT n = :six",
                "NOT (n = :five AND s = :x)",
                "NOT NOT n = :five",
                "n = :six AND s = :x OR t = :true",
                "n = :six OR s = :x AND t = :true",
                "n = :five OR s = :x AND t = :false",
                "(n = :five OR s = :x) AND t = :false",
                "n = :five OR (s = :x AND t = :false)",
                "NOT n = :six AND s = :abc",
                "NOT (n = :six AND s = :abc)",
                "((n = :five))",
                "(n = :five) AND (s = :abc)",
                "attribute_exists(n) AND NOT attribute_exists(missing)",
                "n = :five and s = :abc or not t = :true",
                "n = :six OR n = :five OR n = :four",
                "n = :five AND s = :abc AND t = :true AND z = :null",
                "NOT contains(s, :x) AND size(l) > :one",
                "(((n > :one) AND (n < :six)) OR missing = :one)"
            })
    void logicalOperatorsAndPrecedence(String condition) {
        guardedPut(condition);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "#n = :five",
                "#name = :abc",
                "#dot = :x",
                "#m.a = :one",
                "#m.#a = :one",
                "m.#a = :one",
                "#l[0] = :one",
                "attribute_exists(#missing)",
                "attribute_not_exists(#missing)",
                "#status = :x",
                "#ss = :ss",
                "#m.b.#c = :x",
                "#m.#list[0] = :one"
            })
    void namePlaceholders(String condition) {
        guardedPut(condition);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "n =",
                "= :five",
                "n = = :five",
                "n == :five",
                "n != :five",
                "n = :five AND",
                "AND n = :five",
                "n = :five OR",
                "(n = :five",
                "n = :five)",
                "n = :five s = :abc",
                "n :five",
                "NOT",
                "NOT (",
                "()",
                "n BETWEEN :four",
                "n BETWEEN :four :six",
                "n BETWEEN AND :six",
                "n IN ()",
                "n IN :five",
                "n IN (:five,)",
                "n IN (:five",
                "n = :undefinedvalue",
                "#undefinedname = :five",
                "unknown_function(n)",
                "size(s) = ",
                "attribute_exists(:five)",
                "attribute_not_exists(:five)",
                "attribute_exists()",
                "attribute_exists(n, s)",
                "attribute_exists(n) = :true",
                "n = :five + :one",
                "n + :one = :six",
                "n = if_not_exists(n, :five)",
                "list_append(l, :list) = :list",
                "if_not_exists(n, :one) = :five",
                "l[-1] = :one",
                "l[a] = :one",
                "l[1.5] = :one",
                "m. = :x",
                ".m = :x",
                "m..a = :x",
                "m.[0] = :x",
                "l[] = :x",
                "l[0 = :x",
                "n = :five;",
                "n = 'five'",
                "n = 5",
                "n = \"five\"",
                "n < :five < :six",
                "n = :five AND AND s = :abc",
                "NOT NOT",
                "n BETWEEN :four AND :six AND :seven",
                "n = :fi-ve",
                "n-1 = :five",
                "@n = :five",
                "n = :five  -- comment"
            })
    void syntaxAndSemanticErrors(String condition) {
        guardedPut(condition);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "name = :abc",
                "status = :x",
                "NAME = :abc",
                "Status = :x",
                "size = :five",
                "data = :x",
                "date = :x",
                "count = :one",
                "value = :one",
                "key = :one",
                "m.value = :one",
                "l[0].name = :one",
                "attribute_exists(year)",
                "begins_with(comment, :a)",
                "n = :five AND order = :one",
                "user = :x",
                "table = :x",
                "index = :x",
                "timestamp = :x",
                "type = :x",
                "level = :x",
                "role = :x"
            })
    void reservedWordsMustBeAliased(String condition) {
        guardedPut(condition);
    }

    @Test
    void conditionsOnAMissingItemSeeAnEmptyItem() {
        for (String condition : List.of(
                "attribute_not_exists(pk)",
                "attribute_exists(pk)",
                "n = :five",
                "n <> :five",
                "NOT n = :five",
                "size(s) = :zero",
                "attribute_type(n, :N)",
                "NOT contains(s, :a)")) {
            same(c -> c.putItem(r -> r.tableName(table)
                    .item(Map.of("pk", s("absent" + condition.length()), "v", n("1")))
                    .conditionExpression(condition)
                    .expressionAttributeValues(Placeholders.values(Catalogue.VALUES, condition))
                    .returnValuesOnConditionCheckFailure("ALL_OLD")));
        }
    }

    @Test
    void longConditionsAreAcceptedUpTo4Kb() {
        List<String> parts = new ArrayList<>();
        while (String.join(" OR ", parts).length() < 4000) {
            parts.add("n = :five");
        }
        String tooLong = String.join(" OR ", parts) + " OR n = :five OR n = :five";
        same(c -> c.putItem(r -> r.tableName(table)
                .item(rich)
                .conditionExpression(tooLong)
                .expressionAttributeValues(Map.of(":five", n("5")))));
        String deep = "(".repeat(40) + "n = :five" + ")".repeat(40);
        same(c -> c.putItem(r -> r.tableName(table)
                .item(rich)
                .conditionExpression(deep)
                .expressionAttributeValues(Map.of(":five", n("5")))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"n = :five", "n = :six", "attribute_not_exists(n)", "size(l) = :four", "contains(ss, :a)"})
    void conditionsOnUpdateAndDelete(String condition) {
        same(c -> c.updateItem(r -> r.tableName(table)
                .key(Map.of("pk", s("cond")))
                .conditionExpression(condition)
                .updateExpression("SET n = :five")
                .expressionAttributeValues(Placeholders.values(Catalogue.VALUES, condition, ":five"))
                .returnValuesOnConditionCheckFailure("ALL_OLD")
                .returnValues("UPDATED_NEW")));
        same(c -> c.deleteItem(r -> r.tableName(table)
                .key(Map.of("pk", s("gone")))
                .conditionExpression(condition)
                .expressionAttributeValues(Placeholders.values(Catalogue.VALUES, condition))
                .returnValuesOnConditionCheckFailure("ALL_OLD")));
    }
}
