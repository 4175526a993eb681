package dev.singletable.engine.expr;

import dev.singletable.engine.error.EngineErrors;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reduces a checked KeyConditionExpression syntax tree to its simple conditions, rejecting what a key condition
 * may not contain (anything but AND-ed comparisons, BETWEEN and begins_with on one attribute each).
 * What a key condition may contain is listed in [1].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.KeyConditionExpressions.html">Key condition expressions for the Query operation</a>
 */
final class KeyConditionAnalyzer {

    private static final String INVALID_OPERATOR = "Invalid operator used in KeyConditionExpression: ";
    private static final String INVALID_CONDITION = "Invalid condition in KeyConditionExpression: ";

    private final Resolver resolver;

    private KeyConditionAnalyzer(Resolver resolver) {
        this.resolver = resolver;
    }

    /** The simple conditions, in text order; DynamoDB checks the key structure only after unused placeholders. */
    static List<CompiledKeyCondition.Part> analyze(Syntax.Condition condition, Resolver resolver) {
        return analyze(condition, resolver, 2);
    }

    /** As {@link #analyze(Syntax.Condition, Resolver)}, for a key of {@code keyAttributes} attributes. */
    static List<CompiledKeyCondition.Part> analyze(Syntax.Condition condition, Resolver resolver, int keyAttributes) {
        KeyConditionAnalyzer a = new KeyConditionAnalyzer(resolver);
        List<CompiledKeyCondition.Part> parts = new ArrayList<>();
        a.collect(condition, parts);
        if (parts.size() > Math.max(2, keyAttributes)) {
            throw EngineErrors.validation("Conditions can be of length 1 or 2 only");
        }
        return parts;
    }

    private void collect(Syntax.Condition c, List<CompiledKeyCondition.Part> parts) {
        if (c instanceof Syntax.Group) {
            collect(((Syntax.Group) c).inner(), parts);
        } else if (c instanceof Syntax.Logical) {
            Syntax.Logical l = (Syntax.Logical) c;
            if (l.operator().type() == TokenType.OR) {
                throw EngineErrors.validation(INVALID_OPERATOR + "OR");
            }
            collect(l.left(), parts);
            collect(l.right(), parts);
        } else if (c instanceof Syntax.Not) {
            throw EngineErrors.validation(INVALID_OPERATOR + "NOT");
        } else if (c instanceof Syntax.In) {
            throw EngineErrors.validation(INVALID_OPERATOR + "IN");
        } else if (c instanceof Syntax.Comparison
                && ((Syntax.Comparison) c).operator().type() == TokenType.NE) {
            throw EngineErrors.validation(INVALID_OPERATOR + "<>");
        } else if (c instanceof Syntax.FunctionCondition
                && !((Syntax.FunctionCondition) c).call().name().text().equals("begins_with")) {
            throw EngineErrors.validation(INVALID_OPERATOR
                    + ((Syntax.FunctionCondition) c).call().name().text());
        } else {
            CompiledKeyCondition.Part part = part(c);
            for (CompiledKeyCondition.Part other : parts) {
                if (other.path.top().equals(part.path.top())) {
                    throw EngineErrors.validation("KeyConditionExpressions must only contain one condition per key");
                }
            }
            parts.add(part);
        }
    }

    private CompiledKeyCondition.Part part(Syntax.Condition leaf) {
        if (leaf instanceof Syntax.Comparison) {
            Syntax.Comparison c = (Syntax.Comparison) leaf;
            Syntax.Operand left = unwrap(c.left());
            Syntax.Operand right = unwrap(c.right());
            noNestedOperation(left);
            noNestedOperation(right);
            boolean leftPath = left instanceof Syntax.Path;
            boolean rightPath = right instanceof Syntax.Path;
            if (leftPath && rightPath) {
                throw EngineErrors.validation(INVALID_CONDITION + "Multiple attribute names used in one condition");
            }
            if (!leftPath && !rightPath) {
                throw EngineErrors.validation(INVALID_CONDITION + "No key attribute specified");
            }
            SortOp op = op(c.operator().type(), !leftPath);
            Syntax.Path path = (Syntax.Path) (leftPath ? left : right);
            AttributeValue value = value(leftPath ? right : left);
            return new CompiledKeyCondition.Part(resolver.path(path), op, value, null);
        }
        if (leaf instanceof Syntax.Between) {
            Syntax.Between b = (Syntax.Between) leaf;
            Syntax.Operand subject = unwrap(b.subject());
            Syntax.Operand low = unwrap(b.low());
            Syntax.Operand high = unwrap(b.high());
            noNestedOperation(subject);
            noNestedOperation(low);
            noNestedOperation(high);
            if (!(subject instanceof Syntax.Path)) {
                throw EngineErrors.validation(
                        INVALID_CONDITION + "BETWEEN operator must have the key attribute as its first operand");
            }
            if (low instanceof Syntax.Path || high instanceof Syntax.Path) {
                throw EngineErrors.validation(INVALID_CONDITION + "Multiple attribute names used in one condition");
            }
            return new CompiledKeyCondition.Part(
                    resolver.path((Syntax.Path) subject), SortOp.BETWEEN, value(low), value(high));
        }
        Syntax.Call call = ((Syntax.FunctionCondition) leaf).call();
        Syntax.Operand subject = unwrap(call.args().get(0));
        Syntax.Operand prefix = unwrap(call.args().get(1));
        noNestedOperation(subject);
        noNestedOperation(prefix);
        if (!(subject instanceof Syntax.Path)) {
            throw EngineErrors.validation(
                    INVALID_CONDITION + "begins_with operator must have the key attribute as its first operand");
        }
        if (prefix instanceof Syntax.Path) {
            throw EngineErrors.validation(INVALID_CONDITION + "Multiple attribute names used in one condition");
        }
        return new CompiledKeyCondition.Part(
                resolver.path((Syntax.Path) subject), SortOp.BEGINS_WITH, value(prefix), null);
    }

    private static Syntax.Operand unwrap(Syntax.Operand o) {
        while (o instanceof Syntax.Paren) {
            o = ((Syntax.Paren) o).inner();
        }
        return o;
    }

    private static void noNestedOperation(Syntax.Operand o) {
        if (o instanceof Syntax.Call) {
            throw EngineErrors.validation("KeyConditionExpressions cannot contain nested operations");
        }
    }

    private AttributeValue value(Syntax.Operand o) {
        return resolver.value(((Syntax.Value) o).token());
    }

    /** The operator with the key attribute on the left ({@code :v < k} is {@code k > :v}). */
    private static SortOp op(TokenType t, boolean flipped) {
        switch (t) {
            case EQ:
                return SortOp.EQ;
            case LT:
                return flipped ? SortOp.GT : SortOp.LT;
            case LE:
                return flipped ? SortOp.GE : SortOp.LE;
            case GT:
                return flipped ? SortOp.LT : SortOp.GT;
            default:
                return flipped ? SortOp.LE : SortOp.GE;
        }
    }
}
