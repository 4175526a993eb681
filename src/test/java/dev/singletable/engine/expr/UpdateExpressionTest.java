package dev.singletable.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Update behaviour that DynamoDB Local cannot show (it differs from AWS): ReturnValues UPDATED_OLD/UPDATED_NEW of
 * nested paths, as AWS returns them (recorded against AWS in ScyllaDB Alternator's test_returnvalues.py).
 */
class UpdateExpressionTest {

    private static Map<String, AttributeValue> item(String json) {
        return DynamoJson.item(json);
    }

    private static UpdateExpr update(String expr, String values) {
        return Expressions.update(expr, new ExpressionContext(null, values == null ? null : item(values)));
    }

    private static String json(Map<String, AttributeValue> m) {
        return DynamoJson.json(m);
    }

    private static final String ITEM = "{\"p\":{\"S\":\"k\"},\"a\":{\"M\":{\"b\":{\"S\":\"dog\"},"
            + "\"c\":{\"L\":[{\"N\":\"1\"},{\"N\":\"2\"},{\"N\":\"3\"}]}}},\"d\":{\"S\":\"cat\"}}";

    @Test
    void updatedOldAndNewProjectOnlyTheNestedPaths() {
        UpdateExpr u = update("SET a.c[1] = :val, a.b = :val2", "{\":val\":{\"N\":\"8\"},\":val2\":{\"S\":\"yo\"}}");
        Map<String, AttributeValue> old = item(ITEM);
        Map<String, AttributeValue> updated = u.apply(old);
        assertThat(json(u.projectUpdated(old)))
                .isEqualTo("{\"a\":{\"M\":{\"b\":{\"S\":\"dog\"},\"c\":{\"L\":[{\"N\":\"2\"}]}}}}");
        assertThat(json(u.projectUpdated(updated)))
                .isEqualTo("{\"a\":{\"M\":{\"b\":{\"S\":\"yo\"},\"c\":{\"L\":[{\"N\":\"8\"}]}}}}");
    }

    @Test
    void removedListElementsAndAppendsFollowAws() {
        Map<String, AttributeValue> old = item(ITEM);
        UpdateExpr remove = update("REMOVE a.c[1], a.c[3]", null);
        assertThat(json(remove.projectUpdated(old))).isEqualTo("{\"a\":{\"M\":{\"c\":{\"L\":[{\"N\":\"2\"}]}}}}");
        // the element after the removed one moves into its place, and UPDATED_NEW shows it
        assertThat(json(remove.projectUpdated(remove.apply(old))))
                .isEqualTo("{\"a\":{\"M\":{\"c\":{\"L\":[{\"N\":\"3\"}]}}}}");
        // setting far beyond the end appends, and the path itself does not exist afterwards
        UpdateExpr append = update("SET a.c[100] = :v", "{\":v\":{\"N\":\"70\"}}");
        Map<String, AttributeValue> appended = append.apply(old);
        assertThat(json(appended)).contains("{\"N\":\"70\"}");
        assertThat(append.projectUpdated(appended)).isEmpty();
        assertThat(append.projectUpdated(old)).isEmpty();
    }

    @Test
    void newNestedAttributeIsOnlyInUpdatedNew() {
        UpdateExpr u = update("SET a.x1 = :v", "{\":v\":{\"N\":\"8\"}}");
        Map<String, AttributeValue> old = item(ITEM);
        assertThat(u.projectUpdated(old)).isEmpty();
        assertThat(json(u.projectUpdated(u.apply(old)))).isEqualTo("{\"a\":{\"M\":{\"x1\":{\"N\":\"8\"}}}}");
    }

    @Test
    void applyNeverMutatesItsInput() {
        Map<String, AttributeValue> old = new LinkedHashMap<>(item(ITEM));
        String before = json(old);
        update("SET a.b = :v, d = :v REMOVE a.c[0] ADD n :n", "{\":v\":{\"S\":\"x\"},\":n\":{\"N\":\"1\"}}")
                .apply(old);
        assertThat(json(old)).isEqualTo(before);
    }

    @Test
    void updateOfAMissingItemStartsFromEmpty() {
        UpdateExpr u = update(
                "SET a = :v ADD n :n, s :s REMOVE z",
                "{\":v\":{\"S\":\"x\"},\":n\":{\"N\":\"2\"},\":s\":{\"SS\":[\"q\"]}}");
        assertThat(json(u.apply(Map.of())))
                .isEqualTo("{\"a\":{\"S\":\"x\"},\"n\":{\"N\":\"2\"},\"s\":{\"SS\":[\"q\"]}}");
    }

    @Test
    void topLevelAttributesNameEveryTarget() {
        ExpressionContext ctx = new ExpressionContext(
                Map.of("#d", "dd"), item("{\":v\":{\"S\":\"x\"},\":n\":{\"N\":\"1\"},\":s\":{\"SS\":[\"q\"]}}"));
        UpdateExpr u = Expressions.update("SET a.b = :v, #d = :v REMOVE e[1] ADD f :n DELETE g :s", ctx);
        ctx.verifyAllUsed();
        assertThat(u.topLevelAttributes()).containsExactlyInAnyOrder("a", "dd", "e", "f", "g");
    }

    @Test
    void arithmeticIsExactAndReportsAwsOverflow() {
        UpdateExpr u = update("SET n = n + :v", "{\":v\":{\"N\":\"0.1\"}}");
        assertThat(json(u.apply(item("{\"n\":{\"N\":\"0.2\"}}")))).isEqualTo("{\"n\":{\"N\":\"0.3\"}}");
        UpdateExpr big = update("SET n = :a + :b", "{\":a\":{\"N\":\"1e50\"},\":b\":{\"N\":\"1\"}}");
        assertThatThrownBy(() -> big.apply(Map.of()))
                .hasMessageStartingWith(
                        "Number overflow. Attempting to store a number with magnitude larger than supported range");
    }
}
