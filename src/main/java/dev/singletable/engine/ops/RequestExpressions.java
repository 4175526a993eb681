package dev.singletable.engine.ops;

import dev.singletable.engine.error.EngineErrors;
import dev.singletable.engine.expr.ConditionExpr;
import dev.singletable.engine.expr.ExpressionContext;
import dev.singletable.engine.expr.Expressions;
import dev.singletable.engine.expr.KeyConditionExpr;
import dev.singletable.engine.expr.Legacy;
import dev.singletable.engine.expr.ProjectionExpr;
import dev.singletable.engine.expr.UpdateExpr;
import dev.singletable.engine.value.AttributeValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ConditionalOperator;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;

/**
 * The one step every operation (and every action of a batch or transaction) runs on its expression parameters, in
 * DynamoDB's order: legacy and expression parameters not mixed; ExpressionAttributeNames/Values sent only beside an
 * expression that can use them, not empty, their values valid; then each expression compiled (UpdateExpression,
 * ConditionExpression, KeyConditionExpression, FilterExpression, ProjectionExpression, each or its legacy
 * counterpart); last, no name or value left unused [1] [2].
 * An operation declares what it accepts, then calls {@link #compile}:
 * <pre>{@code
 * RequestExpressions.Compiled x = RequestExpressions.of(hasNames, names, hasValues, values)
 *         .legacy(r.hasExpected(), "Expected")
 *         .condition(r.conditionExpression(), () -> legacyCondition)
 *         .compile();
 * }</pre>
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.html">Using expressions in DynamoDB</a>
 * <br>[2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.html">Legacy conditional parameters</a>
 */
final class RequestExpressions {

    /** An expression parameter the operation accepts: its text (null when absent) and its legacy counterpart. */
    private record Slot<T>(
            String parameter,
            @Nullable String text,
            @Nullable Supplier<@Nullable T> legacy,
            boolean usesValues) {}

    /** What the step produced: each expression (or its legacy counterpart), null when the request has neither. */
    record Compiled(
            @Nullable UpdateExpr update,
            @Nullable ConditionExpr condition,
            @Nullable KeyConditionExpr keyCondition,
            @Nullable ConditionExpr filter,
            @Nullable ProjectionExpr projection) {}

    private final @Nullable Map<String, String> names; // null when the request has none
    private final @Nullable Map<String, AttributeValue> values; // null when the request has none
    private final List<String> legacyPresent = new ArrayList<>();
    // null: the operation takes no such expression
    private @Nullable Slot<UpdateExpr> update;
    private @Nullable Slot<ConditionExpr> condition;
    private @Nullable Slot<KeyConditionExpr> keyCondition;
    private @Nullable Slot<ConditionExpr> filter;
    private @Nullable Slot<ProjectionExpr> projection;
    private boolean expressionRequired;
    private boolean mixChecked;

    private RequestExpressions(@Nullable Map<String, String> names, @Nullable Map<String, AttributeValue> values) {
        this.names = names;
        this.values = values;
    }

    /**
     * A request's ExpressionAttributeNames and ExpressionAttributeValues. The SDK marks absent maps as
     * auto-constructed, so each comes with its {@code has...} flag: an explicitly empty map is a present one.
     */
    static RequestExpressions of(
            boolean hasNames,
            @Nullable Map<String, String> names,
            boolean hasValues,
            @Nullable Map<String, AttributeValue> values) {
        return new RequestExpressions(hasNames ? names : null, hasValues ? values : null);
    }

    /** A request whose only expression is a projection, which takes no ExpressionAttributeValues. */
    static RequestExpressions of(boolean hasNames, @Nullable Map<String, String> names) {
        return of(hasNames, names, false, null);
    }

    /** A legacy (non-expression) parameter, named in the error when it is mixed with expression parameters. */
    RequestExpressions legacy(boolean present, String parameter) {
        if (present) {
            legacyPresent.add(parameter);
        }
        return this;
    }

    /** {@code legacy} is called only when the text is absent; it returns null when the request has neither. */
    RequestExpressions update(@Nullable String text, @Nullable Supplier<@Nullable UpdateExpr> legacy) {
        update = new Slot<>("UpdateExpression", text, legacy, true);
        return this;
    }

    RequestExpressions condition(@Nullable String text, @Nullable Supplier<@Nullable ConditionExpr> legacy) {
        condition = new Slot<>("ConditionExpression", text, legacy, true);
        return this;
    }

    RequestExpressions keyCondition(@Nullable String text, @Nullable Supplier<@Nullable KeyConditionExpr> legacy) {
        keyCondition = new Slot<>("KeyConditionExpression", text, legacy, true);
        return this;
    }

    RequestExpressions filter(@Nullable String text, @Nullable Supplier<@Nullable ConditionExpr> legacy) {
        filter = new Slot<>("FilterExpression", text, legacy, true);
        return this;
    }

    RequestExpressions projection(@Nullable String text, @Nullable Supplier<@Nullable ProjectionExpr> legacy) {
        projection = new Slot<>("ProjectionExpression", text, legacy, false);
        return this;
    }

    /**
     * The action cannot be without its expression (a transaction's Update or ConditionCheck, whose shape requires it):
     * ExpressionAttributeNames are then not refused for want of an expression.
     */
    RequestExpressions expressionRequired() {
        expressionRequired = true;
        return this;
    }

    /**
     * Refuses legacy parameters beside expression parameters. {@link #compile} makes this check first; an operation
     * with a check of its own between the two (Query's key condition, Scan's segments) calls it before that check.
     */
    RequestExpressions checkNotMixed() {
        if (!mixChecked) {
            mixChecked = true;
            List<String> expressionsPresent = new ArrayList<>();
            for (Slot<?> slot : slots()) {
                if (slot.text() != null) {
                    expressionsPresent.add(slot.parameter());
                }
            }
            if (!legacyPresent.isEmpty() && !expressionsPresent.isEmpty()) {
                throw EngineErrors.validation("Can not use both expression and non-expression parameters in the same "
                        + "request: Non-expression parameters: {" + String.join(", ", legacyPresent)
                        + "} Expression parameters: {" + String.join(", ", expressionsPresent) + "}");
            }
        }
        return this;
    }

    /** The legacy Expected and ConditionalOperator as a condition, null when the request has neither. */
    static @Nullable ConditionExpr expected(
            boolean hasExpected, Map<String, ExpectedAttributeValue> expected, @Nullable ConditionalOperator operator) {
        return hasExpected || operator != null ? Legacy.condition(hasExpected ? expected : Map.of(), operator) : null;
    }

    /** A legacy QueryFilter or ScanFilter and ConditionalOperator as a filter, null when the request has neither. */
    static @Nullable ConditionExpr filter(
            boolean hasFilter, Map<String, Condition> filter, @Nullable ConditionalOperator operator) {
        return hasFilter || operator != null ? Legacy.filter(hasFilter ? filter : Map.of(), operator) : null;
    }

    /** The legacy AttributesToGet as a projection, null when absent. */
    static @Nullable ProjectionExpr attributesToGet(boolean has, List<String> names) {
        return has ? Legacy.attributesToGet(names) : null;
    }

    /** Runs the whole step (see the class comment) and returns what it compiled. */
    Compiled compile() {
        checkNotMixed();
        ExpressionContext ctx = context();
        Compiled compiled = new Compiled(
                compile(update, text -> Expressions.update(text, ctx)),
                compile(condition, text -> Expressions.condition(text, "ConditionExpression", ctx)),
                compile(keyCondition, text -> Expressions.keyCondition(text, ctx)),
                compile(filter, text -> Expressions.condition(text, "FilterExpression", ctx)),
                compile(projection, text -> Expressions.projection(text, ctx)));
        ctx.verifyAllUsed();
        return compiled;
    }

    private static <T> @Nullable T compile(@Nullable Slot<T> slot, Function<String, T> compiler) {
        if (slot == null) {
            return null;
        }
        if (slot.text() != null) {
            return compiler.apply(slot.text());
        }
        return slot.legacy() == null ? null : slot.legacy().get();
    }

    /** The expressions in the order they are checked and compiled. */
    private List<Slot<?>> slots() {
        List<Slot<?>> slots = new ArrayList<>(5);
        for (Slot<?> slot : new Slot<?>[] {update, condition, keyCondition, filter, projection}) {
            if (slot != null) {
                slots.add(slot);
            }
        }
        return slots;
    }

    /**
     * The checks DynamoDB makes on ExpressionAttributeNames/Values before parsing any expression, and the context
     * that records which of them the expressions use.
     */
    private ExpressionContext context() {
        boolean anyExpressions = expressionRequired || slots().stream().anyMatch(slot -> slot.text() != null);
        if (names != null && !anyExpressions) {
            throw EngineErrors.validation("ExpressionAttributeNames can only be specified when using expressions");
        }
        if (values != null) {
            // DynamoDB names the expressions that could have used the values, FilterExpression before
            // KeyConditionExpression
            List<String> missing = new ArrayList<>();
            boolean anyPresent = false;
            for (Slot<?> slot : new Slot<?>[] {update, condition, filter, keyCondition}) {
                if (slot != null) {
                    missing.add(slot.parameter());
                    anyPresent |= slot.text() != null;
                }
            }
            if (!anyPresent) {
                throw EngineErrors.validation("ExpressionAttributeValues can only be specified when using expressions"
                        + (missing.isEmpty()
                                ? ""
                                : ": " + String.join(" and ", missing)
                                        + (missing.size() == 1 ? " is null" : " are null")));
            }
        }
        if (names != null && names.isEmpty()) {
            throw EngineErrors.validation("ExpressionAttributeNames must not be empty");
        }
        if (values != null && values.isEmpty()) {
            throw EngineErrors.validation("ExpressionAttributeValues must not be empty");
        }
        // normalised here, so that an invalid value is reported before the placeholders' key checks, and only here
        return ExpressionContext.ofNormalizedValues(names, values == null ? null : normalizeValues(values));
    }

    private static Map<String, AttributeValue> normalizeValues(Map<String, AttributeValue> values) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        for (Map.Entry<String, AttributeValue> e : values.entrySet()) {
            try {
                out.put(e.getKey(), AttributeValues.normalizeOperand(e.getValue()));
            } catch (DynamoDbException invalid) {
                throw EngineErrors.validation("ExpressionAttributeValues contains invalid value: "
                        + invalid.awsErrorDetails().errorMessage() + " for key " + e.getKey());
            }
        }
        return out;
    }
}
