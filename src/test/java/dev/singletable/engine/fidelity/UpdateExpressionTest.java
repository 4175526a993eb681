package dev.singletable.engine.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * UpdateExpression: SET (with + and -, if_not_exists, list_append, nested paths and list indexes), REMOVE (list
 * elements included), ADD (numbers and sets), DELETE (from sets), clauses used once, overlapping and conflicting
 * paths, type errors and syntax errors. Each update runs on a fresh copy of the rich item and answers ALL_NEW, so the
 * whole resulting item is compared.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpdateExpressionTest extends DifferentialTest {

    private final AtomicInteger ids = new AtomicInteger();
    private String table;

    @BeforeAll
    void createTable() {
        table = hashTable("pk", ScalarAttributeType.S);
    }

    /** Updates a fresh rich item and compares the answer (ALL_NEW) and what was stored. */
    private void update(String expression) {
        String pk = "u" + ids.incrementAndGet();
        onBoth(c -> c.putItem(r -> r.tableName(table).item(Catalogue.richItem(pk))));
        same(c -> c.updateItem(r -> r.tableName(table)
                .key(Map.of("pk", s(pk)))
                .updateExpression(expression)
                .expressionAttributeValues(Placeholders.values(Catalogue.VALUES, expression))
                .expressionAttributeNames(Placeholders.names(Catalogue.NAMES, expression))
                .returnValues("ALL_NEW")));
        same(c -> c.getItem(r -> r.tableName(table).key(Map.of("pk", s(pk))).consistentRead(true)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SET a = :one",
                "SET n = :abc",
                "SET a = :one, b = :two",
                "SET n = n + :one",
                "SET n = n - :one",
                "SET n = :one + :two",
                "SET n = :one - :five",
                "SET n = n + n",
                "SET n = neg - n",
                "SET n = n + :neg",
                "SET n = n + :frac",
                "SET n = zero - :tiny",
                "SET newmap = :map",
                "SET a = s",
                "SET a = m.b",
                "SET a = l[2]",
                "SET a = m.b.c",
                "SET m.a = :two",
                "SET m.new = :two",
                "SET m.b.c = :abc",
                "SET m.b.d = :abc",
                "SET l[0] = :two",
                "SET l[3][0] = :abc",
                "SET l[2].a = :two",
                "SET l[2].new = :two",
                "SET l[10] = :two",
                "SET l[4] = :two",
                "SET l[1] = :two, l[2] = :one",
                "SET l[10] = :one, l[11] = :two",
                "SET n = if_not_exists(n, :one)",
                "SET q = if_not_exists(q, :one)",
                "SET q = if_not_exists(n, :one)",
                "SET m.a = if_not_exists(m.a, :two)",
                "SET m.z = if_not_exists(m.z, :two)",
                "SET l = list_append(l, :list2)",
                "SET l = list_append(:list2, l)",
                "SET l = list_append(l, :elist)",
                "SET q = list_append(:list2, :list2)",
                "SET m.list = list_append(m.list, :list2)",
                "SET q = list_append(if_not_exists(q, :elist), :list2)",
                "SET n = if_not_exists(q, :one) + :two",
                "SET #n = :one",
                "SET #name = :one",
                "SET #dot = :one",
                "SET #m.#a = :two",
                "SET #status = :x",
                "SET m.#list[0] = :abc",
                "SET a = :emap",
                "SET a = :elist",
                "SET a = :empty",
                "SET a = :ebin",
                "SET a = :null",
                "SET a = :true",
                "SET a = :ss",
                "SET empty = :abc",
                "SET s = s",
                "SET l = l",
                "set a = :one",
                "SET   a=:one  ,b=:two",
                "SET n = :e20 + :frac",
                "SET n = neg + :frac",
                "SET a = :one REMOVE s",
                "SET a = :one ADD n :one",
                "SET a = :one DELETE ss :ssa",
                "REMOVE s SET a = :one",
                "ADD n :one SET a = :two REMOVE t DELETE ns :ns1",
                "SET a = m",
                "SET m = :emap",
                "SET l[0] = l[1]",
                "SET m.b = m.list"
            })
    void set(String expression) {
        update(expression);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "REMOVE s",
                "REMOVE missing",
                "REMOVE s, n",
                "REMOVE m.a",
                "REMOVE m.b.c",
                "REMOVE m.zz",
                "REMOVE m.zz.yy",
                "REMOVE l[0]",
                "REMOVE l[1]",
                "REMOVE l[3]",
                "REMOVE l[9]",
                "REMOVE l[0], l[1]",
                "REMOVE l[0], l[2]",
                "REMOVE l[3][0]",
                "REMOVE l[2].a",
                "REMOVE m.list[0]",
                "REMOVE #name",
                "REMOVE #dot",
                "REMOVE a.b",
                "REMOVE s.x",
                "REMOVE n[0]",
                "REMOVE m[0]",
                "REMOVE l.a",
                "REMOVE ss",
                "REMOVE m",
                "REMOVE l",
                "remove s",
                "REMOVE el, em, eb, empty"
            })
    void remove(String expression) {
        update(expression);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ADD n :one",
                "ADD n :neg",
                "ADD newnum :one",
                "ADD zero :tiny",
                "ADD ss :ssc",
                "ADD ss :ssa",
                "ADD ns :ns9",
                "ADD ns :ns1",
                "ADD bs :bs9",
                "ADD newset :ssc",
                "ADD n :one, newnum :two",
                "ADD s :one",
                "ADD n :ssc",
                "ADD ss :ns1",
                "ADD ss :one",
                "ADD l :list2",
                "ADD m :map2",
                "ADD t :one",
                "ADD m.a :one",
                "ADD m.s :ssc",
                "ADD l[0] :one",
                "ADD n :abc",
                "ADD n n",
                "ADD n",
                "ADD :one n",
                "ADD #n :one",
                "add n :one",
                "ADD z :one",
                "ADD ss :ns9"
            })
    void add(String expression) {
        update(expression);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "DELETE ss :ssa",
                "DELETE ss :ss",
                "DELETE ss :ssc",
                "DELETE ns :ns1",
                "DELETE ns :ns",
                "DELETE bs :bs1",
                "DELETE missing :ssa",
                "DELETE s :ssa",
                "DELETE ss :abc",
                "DELETE ss :ns1",
                "DELETE n :one",
                "DELETE l :list2",
                "DELETE m.s :ssa",
                "DELETE m.s :ssc",
                "DELETE ss :ssa, ns :ns1",
                "DELETE #ss :ssa",
                "delete ss :ssa",
                "DELETE ss",
                "DELETE ss ss"
            })
    void delete(String expression) {
        update(expression);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SET a = :one SET b = :two",
                "REMOVE a REMOVE b",
                "ADD n :one ADD zero :one",
                "DELETE ss :ssa DELETE ns :ns1",
                "SET a = :one REMOVE a",
                "SET m.a = :one REMOVE m",
                "SET m.a = :one, m.a.b = :two",
                "SET m = :map, m.a = :one",
                "SET l[0] = :one REMOVE l[0]",
                "SET a = :one, a = :two",
                "REMOVE a, a",
                "ADD n :one SET n = :two",
                "SET l[0] = :one, l[0] = :two",
                "REMOVE l[0], l[0]",
                "SET m.b.c = :one REMOVE m.b",
                "DELETE ss :ssa ADD ss :ssc",
                "SET l[0] = :one, l[0][1] = :two",
                "SET #n = :one, n = :two",
                "SET m.a = :one, #m.#a = :two",
                "SET l[1] = :one, l[01] = :two",
                "REMOVE m.a, m.b",
                "SET a.b = :one, #dot = :two"
            })
    void clausesOnceAndNoOverlappingPaths(String expression) {
        update(expression);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SET pk = :abc",
                "REMOVE pk",
                "ADD pk :one",
                "SET #pk = :abc",
                "DELETE pk :ssa",
                "SET pk.x = :one",
                "SET n = s + :one",
                "SET n = :abc + :one",
                "SET n = missing + :one",
                "SET n = n + missing",
                "SET n = t - :one",
                "SET n = l + :one",
                "SET l = list_append(l, :abc)",
                "SET l = list_append(:abc, l)",
                "SET q = list_append(q, :list2)",
                "SET l = list_append(l)",
                "SET l = list_append(l, :list2, :list2)",
                "SET a = if_not_exists(:one, a)",
                "SET a = if_not_exists(a)",
                "SET a = if_not_exists(a, b, c)",
                "SET a = size(s)",
                "SET a = unknown(s)",
                "SET a = attribute_exists(s)",
                "SET m.zz.yy = :one",
                "SET s.x = :one",
                "SET n[0] = :one",
                "SET m[0] = :one",
                "SET l.a = :one",
                "SET a = missing",
                "SET a = m.missing",
                "SET a = l[20]",
                "SET a = :undefinedvalue",
                "SET #undefinedname = :one",
                "SET name = :one",
                "SET a = :one + :two + :three",
                "SET a = (:one + :two)",
                "SET a = :one - (:two)",
                "SET a = -:one",
                "SET l[-1] = :one",
                "SET l[1.5] = :one",
                "SET l[x] = :one",
                "SET m. = :one",
                "SET .a = :one",
                "SET a",
                "SET a =",
                "SET = :one",
                "SET a = :one,",
                "SET , a = :one",
                "SET",
                "REMOVE",
                "ADD",
                "DELETE",
                "",
                "  ",
                "REMOVE :one",
                "REMOVE size(s)",
                "ADD a",
                "ADD a :one :two",
                "DELETE a",
                "SET a = :one REMOVE",
                "UPDATE a = :one",
                "SET a == :one",
                "SET a = :one AND b = :two",
                "SET a = :one; REMOVE b",
                "SET a :one",
                "PUT a = :one",
                "SET a = :one REMOVE b, ",
                "SET l[99999999999] = :one",
                "SET a = :one DELETE",
                "SET n = n + :one + :one",
                "ADD n :one, s :one"
            })
    void errors(String expression) {
        update(expression);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SET a = :one",
                "ADD n :one",
                "ADD ss :ssa",
                "SET n = if_not_exists(n, :zero) + :one",
                "SET l = list_append(if_not_exists(l, :elist), :list2)",
                "SET m.a = :one",
                "SET l[0] = :one",
                "SET n = n + :one",
                "SET a = b"
            })
    void updatesOfAMissingItemCreateIt(String expression) {
        String pk = "new" + ids.incrementAndGet();
        same(c -> c.updateItem(r -> r.tableName(table)
                .key(Map.of("pk", s(pk)))
                .updateExpression(expression)
                .expressionAttributeValues(Placeholders.values(Catalogue.VALUES, expression))
                .returnValues("ALL_NEW")));
        same(c -> c.getItem(r -> r.tableName(table).key(Map.of("pk", s(pk))).consistentRead(true)));
    }

    /** DynamoDB Local creates an item holding only the key; AWS writes nothing when nothing is set. */
    @ParameterizedTest
    @ValueSource(strings = {"REMOVE a", "DELETE ss :ssa", "REMOVE a, b", "DELETE ss :ssa REMOVE b"})
    void removingFromAMissingItemCreatesNothing(String expression) {
        String pk = "none" + ids.incrementAndGet();
        Outcome answer = oursOnly(c -> c.updateItem(r -> r.tableName(table)
                .key(Map.of("pk", s(pk)))
                .updateExpression(expression)
                .expressionAttributeValues(Placeholders.values(Catalogue.VALUES, expression))
                .returnValues("ALL_NEW")));
        assertThat(answer.isError()).isFalse();
        assertThat(answer.value()).isEqualTo(Map.of());
        assertThat(ours.getItem(r -> r.tableName(table).key(Map.of("pk", s(pk))).consistentRead(true))
                        .hasItem())
                .isFalse();
    }

    /**
     * AWS: REMOVE of a nested path on a missing item is a no-op (nothing to remove, nothing written); DynamoDB Local
     * answers "The document path provided in the update expression is invalid for update". Listed in docs/fidelity.md.
     */
    @Test
    void removingANestedPathOfAMissingItemDoesNothing() {
        for (String remove : java.util.List.of("REMOVE m.a", "REMOVE l[0]")) {
            Outcome answer = oursOnly(c -> c.updateItem(
                    r -> r.tableName(table).key(Map.of("pk", s("nested-none"))).updateExpression(remove)));
            assertThat(answer.isError()).as("%s", answer.message()).isFalse();
        }
        assertThat(ours.getItem(r -> r.tableName(table)
                                .key(Map.of("pk", s("nested-none")))
                                .consistentRead(true))
                        .hasItem())
                .isFalse();
    }

    /**
     * An inexact sum or difference (more than 38 significant digits) is reported by AWS as an overflow; DynamoDB
     * Local says "DynamoDB only supports precision up to 38 digits".
     */
    @ParameterizedTest
    @ValueSource(strings = {"SET n = n + :big", "SET n = :big + :big", "ADD n :big", "SET n = :e20 + :tiny"})
    void inexactArithmeticIsAnOverflow(String expression) {
        String pk = "ovf" + ids.incrementAndGet();
        onBoth(c -> c.putItem(r -> r.tableName(table).item(Catalogue.richItem(pk))));
        awsDiffers(
                c -> c.updateItem(r -> r.tableName(table)
                        .key(Map.of("pk", s(pk)))
                        .updateExpression(expression)
                        .expressionAttributeValues(Placeholders.values(Catalogue.VALUES, expression))),
                "ValidationException",
                "Number overflow. Attempting to store a number with magnitude larger than supported range");
    }

    /** DynamoDB Local returns a zero with 130 decimals; AWS stores and returns numbers canonically. */
    @Test
    void aZeroResultIsCanonical() {
        onBoth(c -> c.putItem(r -> r.tableName(table).item(Map.of("pk", s("zero")))));
        Outcome mine = oursOnly(c -> c.updateItem(r -> r.tableName(table)
                .key(Map.of("pk", s("zero")))
                .updateExpression("SET n = :tiny - :tiny")
                .expressionAttributeValues(Map.of(":tiny", n("1E-130")))
                .returnValues("UPDATED_NEW")));
        assertThat(mine.value()).isEqualTo(Map.of("Attributes", Map.of("n", "N:0")));
    }

    @Test
    void anUpdateWithoutExpressionCreatesTheKeyOnly() {
        same(c -> c.updateItem(
                r -> r.tableName(table).key(Map.of("pk", s("bare"))).returnValues("ALL_NEW")));
        same(c -> c.getItem(r -> r.tableName(table).key(Map.of("pk", s("bare")))));
        same(c -> c.updateItem(
                r -> r.tableName(table).key(Map.of("pk", s("bare"))).returnValues("ALL_OLD")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0.2",
                "1E-30",
                "-0.3",
                "-0.1",
                "12345678901234567890123456789012345678",
                "1E+100",
                "-1E+100",
                "0.00000000000000000000000000000000000001",
                "99999999999999999999999999999999999999",
                "-99999999999999999999999999999999999999",
                "9.9999999999999999999999999999999999999E+125",
                "1.5",
                "-1E-130"
            })
    void numberArithmeticIsExactDecimal(String delta) {
        String pk = "arith" + ids.incrementAndGet();
        onBoth(c -> c.putItem(r -> r.tableName(table).item(Map.of("pk", s(pk), "x", n("0.1"), "y", n("0.1")))));
        for (String expression : new String[] {"SET x = x + :d", "ADD y :d", "SET x = x - :d"}) {
            java.math.BigDecimal d = new java.math.BigDecimal(delta);
            java.math.BigDecimal exact = new java.math.BigDecimal("0.1").add(expression.contains("-") ? d.negate() : d);
            boolean representable =
                    exact.signum() == 0 || exact.stripTrailingZeros().precision() <= 38;
            java.util.function.Function<
                            software.amazon.awssdk.services.dynamodb.DynamoDbClient,
                            software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse>
                    call = c -> c.updateItem(r -> r.tableName(table)
                    .key(Map.of("pk", s(pk)))
                    .updateExpression(expression)
                    .expressionAttributeValues(Map.of(":d", n(delta)))
                    .returnValues("UPDATED_NEW"));
            if (representable) {
                sameNumbers(call);
            } else {
                awsDiffers(
                        call,
                        "ValidationException",
                        "Number overflow. Attempting to store a number with magnitude larger than supported range");
            }
        }
    }

    /**
     * Both engines succeed with numerically equal results, and ours is in canonical form: DynamoDB Local returns
     * arithmetic results with trailing zeros ("0.0", "0.10000"), AWS canonical numbers.
     */
    private void sameNumbers(
            java.util.function.Function<
                            software.amazon.awssdk.services.dynamodb.DynamoDbClient,
                            software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse>
                    call) {
        Outcome mine = oursOnly(call);
        var theirs = call.apply(local).attributes();
        assertThat(mine.isError()).as("ours failed: %s", mine.message()).isFalse();
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = (Map<String, Object>) ((Map<String, Object>) mine.value()).get("Attributes");
        assertThat(attributes.keySet()).isEqualTo(theirs.keySet());
        attributes.forEach((name, rendered) -> {
            String number = ((String) rendered).substring(2);
            assertThat(new java.math.BigDecimal(number))
                    .isEqualByComparingTo(theirs.get(name).n());
            assertThat(number).isEqualTo(dev.singletable.engine.value.Numbers.canonical(number));
        });
    }

    @Test
    void longUpdateExpressions() {
        StringBuilder set = new StringBuilder("SET ");
        for (int i = 0; i < 400; i++) {
            set.append(i == 0 ? "" : ", ").append("a").append(i).append(" = :one");
        }
        String text = set.toString();
        same(c -> c.updateItem(r -> r.tableName(table)
                .key(Map.of("pk", s("long")))
                .updateExpression(text)
                .expressionAttributeValues(Map.of(":one", n("1")))
                .returnValues("UPDATED_NEW")));
    }
}
