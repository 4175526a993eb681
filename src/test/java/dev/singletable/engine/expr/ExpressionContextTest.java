package dev.singletable.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.util.DefaultSdkAutoConstructMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ExpressionContextTest {

    @Test
    void sdkAutoConstructedMapsCountAsAbsent() {
        ExpressionContext ctx = new ExpressionContext(
                DefaultSdkAutoConstructMap.getInstance(), DefaultSdkAutoConstructMap.getInstance());
        ctx.verifyAllUsed();
        assertThatThrownBy(() -> new ExpressionContext(Map.of(), null))
                .hasMessageStartingWith("ExpressionAttributeNames must not be empty");
        assertThatThrownBy(() -> new ExpressionContext(null, Map.of()))
                .hasMessageStartingWith("ExpressionAttributeValues must not be empty");
    }

    @Test
    void invalidValuesAreReportedWithAwsNumberWording() {
        assertThatThrownBy(() -> new ExpressionContext(null, Map.of(":v", AttributeValue.fromN("dog"))))
                .hasMessageStartingWith("ExpressionAttributeValues contains invalid value: The parameter cannot be "
                        + "converted to a numeric value: dog for key :v");
        assertThatThrownBy(() ->
                        new ExpressionContext(null, Map.of(":v", AttributeValue.fromN("1" + "0".repeat(38) + "1"))))
                .hasMessageStartingWith("ExpressionAttributeValues contains invalid value: Attempting to store more "
                        + "than 38 significant digits in a Number for key :v");
    }

    @Test
    void valuesAreNormalisedBeforeUse() {
        ExpressionContext ctx = new ExpressionContext(null, Map.of(":v", AttributeValue.fromN("1.50")));
        ConditionExpr c = Expressions.condition("a = :v", "FilterExpression", ctx);
        assertThat(c.test(Map.of("a", AttributeValue.fromN("1.5")))).isTrue();
        assertThat(c.topLevelAttributes()).containsExactly("a");
    }

    @Test
    void unusedPlaceholdersAreListedSorted() {
        ExpressionContext ctx = new ExpressionContext(Map.of("#b", "x", "#a", "y"), null);
        assertThatThrownBy(ctx::verifyAllUsed)
                .hasMessageStartingWith(
                        "Value provided in ExpressionAttributeNames unused in expressions: keys: {#a, #b}");
    }

    @Test
    void placeholdersAreSharedByAllExpressionsOfARequest() {
        ExpressionContext ctx = new ExpressionContext(Map.of("#n", "n"), Map.of(":v", AttributeValue.fromN("1")));
        Expressions.update("SET #n = :v", ctx);
        Expressions.condition("attribute_not_exists(#n)", "ConditionExpression", ctx);
        ctx.verifyAllUsed();
    }
}
