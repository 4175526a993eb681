package dev.singletable.engine.fidelity;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;

/**
 * ProjectionExpression on GetItem, Query, Scan, BatchGetItem and TransactGetItems: top-level names, nested map paths,
 * list indexes, several paths into one map or list, missing paths, name placeholders, overlapping paths and syntax.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectionTest extends DifferentialTest {

    private String table;
    private String ranged;

    @BeforeAll
    void createTables() {
        table = hashTable("pk", ScalarAttributeType.S);
        ranged = hashRangeTable("pk", ScalarAttributeType.S, "sk", ScalarAttributeType.N);
        onBoth(c -> c.putItem(r -> r.tableName(table).item(Catalogue.richItem("p"))));
        for (int i = 0; i < 3; i++) {
            var item = new java.util.HashMap<>(Catalogue.richItem("p"));
            item.put("sk", n(Integer.toString(i)));
            onBoth(c -> c.putItem(r -> r.tableName(ranged).item(item)));
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "pk",
                "s",
                "s, n",
                "n, s, pk",
                "m",
                "m.a",
                "m.b.c",
                "m.b",
                "m.a, m.b.c",
                "m.a, m.list[1]",
                "l[0]",
                "l[2].a",
                "l[3][1]",
                "l[0], l[2]",
                "l[2], l[0]",
                "l[3][0], l[3][1]",
                "l[1], l[3][1], m.b.c",
                "missing",
                "m.missing",
                "l[9]",
                "l[9], s",
                "s.x",
                "n[0]",
                "m[0]",
                "l.a",
                "#n",
                "#m.#a",
                "#dot",
                "a.b",
                "#name",
                "#status",
                "ss, ns, bs",
                "el, em, eb, empty",
                "z, t",
                "m.list",
                "m.list[0], m.s",
                "pk, pk.x",
                "  s ,  n  ",
                "l[00]",
                "l[1], l[01]"
            })
    void getItemProjections(String projection) {
        same(c -> c.getItem(r -> r.tableName(table)
                .key(Map.of("pk", s("p")))
                .projectionExpression(projection)
                .expressionAttributeNames(Placeholders.names(Catalogue.NAMES, projection))));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "s,",
                ",s",
                "s,,n",
                "s n",
                "m..a",
                "m.",
                ".m",
                "l[",
                "l[]",
                "l[-1]",
                "l[1.5]",
                "l[a]",
                "l]",
                "m, m.a",
                "m.a, m",
                "s, s",
                "l[0], l",
                "l[0], l[0]",
                "m.b, m.b.c",
                "#s, s",
                "#undefinedname",
                ":one",
                "name",
                "status",
                "size",
                "s AND n",
                "size(s)",
                "m.#missing",
                "m.name",
                "l[0].status",
                "s.",
                "[0]",
                "m[",
                "l[0]x",
                "l[99999999999]"
            })
    void projectionErrors(String projection) {
        same(c -> c.getItem(r -> r.tableName(table)
                .key(Map.of("pk", s("p")))
                .projectionExpression(projection)
                .expressionAttributeNames(Placeholders.names(Catalogue.NAMES, projection))));
    }

    @Test
    void projectionsOfAMissingItem() {
        same(c -> c.getItem(
                r -> r.tableName(table).key(Map.of("pk", s("nothing"))).projectionExpression("s, m.a")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"s", "m.a, l[0]", "sk", "pk, sk, n", "missing", "m.b.c, l[3][1]"})
    void queryAndScanProjections(String projection) {
        same(c -> c.query(r -> r.tableName(ranged)
                .keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("p")))
                .projectionExpression(projection)));
        sameIgnoringOrder(c -> c.scan(r -> r.tableName(ranged).projectionExpression(projection)));
        same(c -> c.query(r -> r.tableName(ranged)
                .keyConditionExpression("pk = :p")
                .expressionAttributeValues(Map.of(":p", s("p")))
                .projectionExpression(projection)
                .select("SPECIFIC_ATTRIBUTES")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"s", "m.a, l[0]", "missing", "pk", "m, m.a"})
    void batchAndTransactionProjections(String projection) {
        same(c -> c.batchGetItem(r -> r.requestItems(Map.of(
                table,
                KeysAndAttributes.builder()
                        .keys(List.of(Map.of("pk", s("p")), Map.of("pk", s("absent"))))
                        .projectionExpression(projection)
                        .build()))));
        same(c -> c.transactGetItems(r -> r.transactItems(TransactGetItem.builder()
                .get(g -> g.tableName(table).key(Map.of("pk", s("p"))).projectionExpression(projection))
                .build())));
    }
}
