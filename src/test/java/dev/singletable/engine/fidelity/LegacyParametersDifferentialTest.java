package dev.singletable.engine.fidelity;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;

/** The pre-expression parameters, end to end through each operation, against DynamoDB Local. */
class LegacyParametersDifferentialTest extends DifferentialTest {

    private final String table = uniqueName("legacy");

    @BeforeEach
    void createTable() {
        onBoth(c -> c.createTable(r -> r.tableName(table)
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"), a -> a.attributeName("sk")
                        .attributeType("N"))
                .keySchema(k -> k.attributeName("pk").keyType("HASH"), k -> k.attributeName("sk")
                        .keyType("RANGE"))));
        for (int i = 0; i < 5; i++) {
            int n = i;
            onBoth(c -> c.putItem(r -> r.tableName(table).item(Map.of("pk", s("a"), "sk", num(n), "v", num(n * 10)))));
        }
    }

    @Test
    void expectedOnPutUpdateAndDelete() {
        same(c -> c.putItem(r -> r.tableName(table)
                .item(Map.of("pk", s("a"), "sk", num(1), "v", num(1)))
                .expected(Map.of(
                        "v", ExpectedAttributeValue.builder().value(num(10)).build()))));
        same(c -> c.putItem(r -> r.tableName(table)
                .item(Map.of("pk", s("a"), "sk", num(2)))
                .expected(Map.of(
                        "v", ExpectedAttributeValue.builder().exists(false).build()))));
        same(c -> c.deleteItem(r -> r.tableName(table)
                .key(Map.of("pk", s("a"), "sk", num(3)))
                .expected(Map.of(
                        "v",
                        ExpectedAttributeValue.builder()
                                .comparisonOperator(ComparisonOperator.GT)
                                .attributeValueList(num(100))
                                .build()))));
        same(c -> c.updateItem(r -> r.tableName(table)
                .key(Map.of("pk", s("a"), "sk", num(4)))
                .attributeUpdates(Map.of(
                        "v",
                        AttributeValueUpdate.builder()
                                .action(AttributeAction.ADD)
                                .value(num(5))
                                .build()))
                .returnValues("ALL_NEW")));
        same(c -> c.getItem(
                r -> r.tableName(table).key(Map.of("pk", s("a"), "sk", num(4))).attributesToGet("v")));
    }

    @Test
    void keyConditionsQueryFilterAndScanFilter() {
        same(c -> c.query(r -> r.tableName(table)
                .keyConditions(Map.of(
                        "pk",
                        eq(s("a")),
                        "sk",
                        Condition.builder()
                                .comparisonOperator(ComparisonOperator.BETWEEN)
                                .attributeValueList(num(1), num(3))
                                .build()))
                .queryFilter(Map.of(
                        "v",
                        Condition.builder()
                                .comparisonOperator(ComparisonOperator.GE)
                                .attributeValueList(num(20))
                                .build()))));
        sameIgnoringOrder(c -> c.scan(r -> r.tableName(table)
                .scanFilter(Map.of(
                        "v",
                        Condition.builder()
                                .comparisonOperator(ComparisonOperator.LT)
                                .attributeValueList(num(30))
                                .build()))
                .attributesToGet("sk")));
    }

    @Test
    void mixingLegacyAndExpressionParametersIsRefused() {
        same(c -> c.putItem(r -> r.tableName(table)
                .item(Map.of("pk", s("a"), "sk", num(9)))
                .conditionExpression("attribute_not_exists(pk)")
                .expected(Map.of(
                        "v", ExpectedAttributeValue.builder().exists(false).build()))));
    }

    private static Condition eq(AttributeValue v) {
        return Condition.builder()
                .comparisonOperator(ComparisonOperator.EQ)
                .attributeValueList(v)
                .build();
    }

    private static AttributeValue num(int v) {
        return AttributeValue.fromN(Integer.toString(v));
    }
}
