package dev.singletable.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Deeply nested expressions within the 4096-byte limit get DynamoDB's answers, not a stack overflow (answers as
 * recorded against AWS in ScyllaDB Alternator's test_limits.py).
 */
@Timeout(30)
class DeepExpressionTest {

    private static ConditionExpr condition(String text) {
        return Expressions.condition(
                text, "ConditionExpression", new ExpressionContext(null, Map.of(":v", AttributeValue.fromN("1"))));
    }

    @Test
    void redundantParenthesesAroundAComparison() {
        assertThatThrownBy(() -> condition("(".repeat(2046) + "a<b" + ")".repeat(2046)))
                .hasMessageStartingWith("Invalid ConditionExpression: The expression has redundant parentheses;");
    }

    @Test
    void unclosedParenthesesAreASyntaxError() {
        assertThatThrownBy(() -> condition("(".repeat(4096)))
                .hasMessageStartingWith("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"(\"");
    }

    @Test
    void tooManyOperators() {
        assertThatThrownBy(() -> condition("not ".repeat(1000) + "a<b"))
                .hasMessageStartingWith("Invalid ConditionExpression: The expression contains too many operators;");
        assertThat(condition("a < :v" + " OR a < :v".repeat(149)).test(Map.of("a", AttributeValue.fromN("0"))))
                .isTrue();
    }

    @Test
    void deeplyNestedFunctions() {
        assertThatThrownBy(() -> condition("a < " + "f(".repeat(1355) + "b" + ")".repeat(1355)))
                .hasMessageStartingWith("Invalid ConditionExpression: Invalid function name; function: f");
        assertThatThrownBy(() -> condition("a < " + "size(".repeat(680) + "b" + ")".repeat(680)))
                .hasMessageStartingWith("Invalid ConditionExpression: Incorrect operand type for operator or "
                        + "function; operator or function: size, operand type: N");
    }

    @Test
    void oversizedExpressions() {
        StringBuilder sb = new StringBuilder("a<b");
        for (int i = 0; i < 20000; i++) {
            sb.append(" and (a<b");
        }
        sb.append(")".repeat(20000));
        assertThatThrownBy(() -> condition(sb.toString()))
                .hasMessageStartingWith(
                        "Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; expression size: ");
    }
}
