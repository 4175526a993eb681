package dev.singletable.engine.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class KeyConditionTest {

    private static KeyCondition resolve(String expr, String values, String hash, String range) {
        ExpressionContext ctx = new ExpressionContext(null, DynamoJson.item(values));
        KeyConditionExpr k = Expressions.keyCondition(expr, ctx);
        ctx.verifyAllUsed();
        return k.resolve(hash, range);
    }

    @Test
    void hashOnly() {
        KeyCondition k = resolve("pk = :p", "{\":p\":{\"S\":\"x\"}}", "pk", "sk");
        assertThat(k.hashKey()).isEqualTo("pk");
        assertThat(k.hashValue()).isEqualTo(AttributeValue.fromS("x"));
        assertThat(k.rangeKey()).isEqualTo("sk");
        assertThat(k.op()).isEqualTo(SortOp.NONE);
        assertThat(k.lo()).isNull();
        assertThat(k.hi()).isNull();
    }

    @Test
    void sortKeyOperatorsAreNormalisedWithTheKeyOnTheLeft() {
        String values = "{\":p\":{\"S\":\"x\"},\":s\":{\"N\":\"10\"}}";
        assertThat(resolve("pk = :p AND sk < :s", values, "pk", "sk").op()).isEqualTo(SortOp.LT);
        assertThat(resolve("pk = :p AND :s < sk", values, "pk", "sk").op()).isEqualTo(SortOp.GT);
        assertThat(resolve(":s >= sk AND pk = :p", values, "pk", "sk").op()).isEqualTo(SortOp.LE);
        assertThat(resolve("pk = :p AND sk = :s", values, "pk", "sk").op()).isEqualTo(SortOp.EQ);
        KeyCondition between = resolve(
                "pk = :p AND sk BETWEEN :s AND :t",
                "{\":p\":{\"S\":\"x\"},\":s\":{\"N\":\"10\"},\":t\":{\"N\":\"2e1\"}}",
                "pk",
                "sk");
        assertThat(between.op()).isEqualTo(SortOp.BETWEEN);
        assertThat(between.lo()).isEqualTo(AttributeValue.fromN("10"));
        assertThat(between.hi()).isEqualTo(AttributeValue.fromN("20"));
        KeyCondition prefix = resolve("pk = :p AND begins_with(sk, :p)", "{\":p\":{\"S\":\"x\"}}", "pk", "sk");
        assertThat(prefix.op()).isEqualTo(SortOp.BEGINS_WITH);
        assertThat(prefix.lo()).isEqualTo(AttributeValue.fromS("x"));
    }

    @Test
    void awsNamesTheMissingKeyElement() {
        String values = "{\":p\":{\"S\":\"x\"}}";
        assertThatThrownBy(() -> resolve("sk = :p", values, "pk", "sk"))
                .hasMessageStartingWith("Query condition missed key schema element: pk (Service");
        assertThatThrownBy(() -> resolve("pk = :p AND zz = :p", values, "pk", "sk"))
                .hasMessageStartingWith("Query condition missed key schema element: sk (Service");
        assertThatThrownBy(() -> resolve("pk = :p AND zz = :p", values, "pk", null))
                .hasMessageStartingWith("Query key condition not supported (Service");
        assertThatThrownBy(() -> resolve("pk > :p", values, "pk", null))
                .hasMessageStartingWith("Query key condition not supported (Service");
    }

    @Test
    void indexKeysAreResolvedLikeTableKeys() {
        KeyCondition k = resolve("gsiPk = :p AND gsiSk > :p", "{\":p\":{\"S\":\"x\"}}", "gsiPk", "gsiSk");
        assertThat(k.hashKey()).isEqualTo("gsiPk");
        assertThat(k.rangeKey()).isEqualTo("gsiSk");
        assertThat(k.op()).isEqualTo(SortOp.GT);
    }
}
