package dev.singletable.engine.expr;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry points: each expression is parsed and checked once, with DynamoDB's error messages, into an executable
 * form. Checks run in DynamoDB's order: emptiness and size, syntax (and redundant parentheses), reserved words and
 * function use in text order, then placeholders, operand counts and types, repeated and overlapping paths.
 * Unused placeholders are reported by {@link ExpressionContext#verifyAllUsed()} once all expressions are parsed.
 * The expression size limit is in [1]; the language in [2] and [3].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html">Quotas in Amazon DynamoDB (expression parameters)</a>
 * <br>[2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html">Condition and filter expressions, operators, and functions</a>
 * <br>[3] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html">Using update expressions</a>
 */
public final class Expressions {

    static final int MAX_EXPRESSION_BYTES = 4096;

    private Expressions() {}

    /** kind is "ConditionExpression" or "FilterExpression"; it appears in error messages. */
    public static ConditionExpr condition(String text, String kind, ExpressionContext ctx) {
        checkText(text, kind, true);
        return DeepNesting.compile(text, () -> {
            Syntax.Condition syntax = parseCondition(text, kind);
            ConditionResolver resolver = new ConditionResolver(kind, ctx);
            return new CompiledCondition(resolver.condition(syntax), resolver.topLevel);
        });
    }

    public static UpdateExpr update(String text, ExpressionContext ctx) {
        String kind = "UpdateExpression";
        checkText(text, kind, false);
        return DeepNesting.compile(text, () -> {
            Syntax.Update syntax = SyntaxCache.get(kind, text, () -> {
                Syntax.Update parsed = new Parser(text, kind).update();
                UsageChecker.checkUpdate(parsed, kind);
                return parsed;
            });
            return new CompiledUpdate(new UpdateResolver(kind, ctx).actions(syntax));
        });
    }

    public static ProjectionExpr projection(String text, ExpressionContext ctx) {
        String kind = "ProjectionExpression";
        checkText(text, kind, false);
        List<Syntax.Path> syntax = SyntaxCache.get(kind, text, () -> {
            List<Syntax.Path> parsed = new Parser(text, kind).projection();
            UsageChecker.checkPaths(parsed, kind);
            return parsed;
        });
        Resolver resolver = new Resolver(kind, ctx);
        List<DocPath> paths = new ArrayList<>(syntax.size());
        for (Syntax.Path p : syntax) {
            paths.add(resolver.path(p));
        }
        PathTrie.check(paths, kind);
        return new CompiledProjection(paths);
    }

    public static KeyConditionExpr keyCondition(String text, ExpressionContext ctx) {
        String kind = "KeyConditionExpression";
        checkText(text, kind, true);
        return DeepNesting.compile(text, () -> {
            Syntax.Condition syntax = parseCondition(text, kind);
            ConditionResolver resolver = new ConditionResolver(kind, ctx);
            resolver.condition(syntax);
            return new CompiledKeyCondition(syntax, resolver);
        });
    }

    /** A condition's syntax (a condition, filter or key condition), parsed and checked once per text and kind. */
    private static Syntax.Condition parseCondition(String text, String kind) {
        return SyntaxCache.get(kind, text, () -> {
            Syntax.Condition parsed = new Parser(text, kind).condition();
            UsageChecker.checkCondition(parsed, kind);
            return parsed;
        });
    }

    private static void checkText(String text, String kind, boolean reportSize) {
        if (text == null || text.isEmpty()) {
            throw ExprErrors.invalid(kind, "The expression can not be empty;");
        }
        if (text.length() > MAX_EXPRESSION_BYTES / 3) {
            int size = utf8Length(text);
            if (size > MAX_EXPRESSION_BYTES) {
                throw ExprErrors.invalid(
                        kind,
                        "Expression size has exceeded the maximum allowed size;"
                                + (reportSize ? " expression size: " + size : ""));
            }
        }
    }

    static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
