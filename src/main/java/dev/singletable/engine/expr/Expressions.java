package dev.singletable.engine.expr;

/** Entry points: parse each kind of expression once into an evaluable form. */
public final class Expressions {

    private Expressions() {
    }

    /** kind is "ConditionExpression" or "FilterExpression"; it appears in error messages. */
    public static ConditionExpr condition(String text, String kind, ExpressionContext ctx) {
        throw new UnsupportedOperationException();
    }

    public static UpdateExpr update(String text, ExpressionContext ctx) {
        throw new UnsupportedOperationException();
    }

    public static ProjectionExpr projection(String text, ExpressionContext ctx) {
        throw new UnsupportedOperationException();
    }

    public static KeyConditionExpr keyCondition(String text, ExpressionContext ctx) {
        throw new UnsupportedOperationException();
    }
}
