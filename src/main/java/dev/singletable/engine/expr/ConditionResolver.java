package dev.singletable.engine.expr;

import dev.singletable.engine.value.AttributeValues;
import dev.singletable.engine.value.ValueType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns a checked condition syntax tree into an executable condition (second semantic pass).
 * Which operand types each comparator and function accepts is as [1] describes.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html">Condition and filter expressions, operators, and functions</a>
 */
final class ConditionResolver extends Resolver {

    static final int MAX_IN_OPERANDS = 100;
    /** How DynamoDB lists the types an attribute_type() type operand could have when it is a document path. */
    private static final String ANY_TYPE_SET =
            "{HDS,NS,DECIMALSET,HD,NULL,DOUBLESET,DECIMAL,B,BOOL,INT,L,DOUBLE,DICT,S,SS,BS,FLOAT,INTSET,M,N,FS}";

    ConditionResolver(String kind, ExpressionContext ctx) {
        super(kind, ctx);
    }

    ConditionExpr condition(Syntax.Condition c) {
        if (c instanceof Syntax.Group) {
            return condition(((Syntax.Group) c).inner());
        }
        if (c instanceof Syntax.Logical) {
            Syntax.Logical l = (Syntax.Logical) c;
            countOperator();
            ConditionExpr left = condition(l.left());
            ConditionExpr right = condition(l.right());
            return l.operator().type() == TokenType.AND
                    ? new Conditions.And(left, right)
                    : new Conditions.Or(left, right);
        }
        if (c instanceof Syntax.Not) {
            countOperator();
            return new Conditions.Not(condition(((Syntax.Not) c).inner()));
        }
        if (c instanceof Syntax.Comparison) {
            return comparison((Syntax.Comparison) c);
        }
        if (c instanceof Syntax.Between) {
            return between((Syntax.Between) c);
        }
        if (c instanceof Syntax.In) {
            return in((Syntax.In) c);
        }
        return functionCondition(((Syntax.FunctionCondition) c).call());
    }

    private ConditionExpr comparison(Syntax.Comparison c) {
        countOperator();
        Operand left = operand(c.left());
        Operand right = operand(c.right());
        Conditions.Comparator op = comparator(c.operator().type());
        if (op != Conditions.Comparator.EQ && op != Conditions.Comparator.NE) {
            checkType(c.operator().text(), left, ORDERED);
            checkType(c.operator().text(), right, ORDERED);
        }
        checkDistinct(c.operator().text(), left, List.of(right));
        return new Conditions.Compare(op, left, right);
    }

    private static Conditions.Comparator comparator(TokenType t) {
        switch (t) {
            case EQ:
                return Conditions.Comparator.EQ;
            case NE:
                return Conditions.Comparator.NE;
            case LT:
                return Conditions.Comparator.LT;
            case LE:
                return Conditions.Comparator.LE;
            case GT:
                return Conditions.Comparator.GT;
            default:
                return Conditions.Comparator.GE;
        }
    }

    private ConditionExpr between(Syntax.Between b) {
        countOperator();
        Operand subject = operand(b.subject());
        Operand low = operand(b.low());
        Operand high = operand(b.high());
        checkType("BETWEEN", subject, ORDERED);
        checkType("BETWEEN", low, ORDERED);
        checkType("BETWEEN", high, ORDERED);
        checkDistinct("BETWEEN", subject, List.of(low, high));
        if (low instanceof Operands.Constant && high instanceof Operands.Constant) {
            AttributeValue lo = ((Operands.Constant) low).value;
            AttributeValue hi = ((Operands.Constant) high).value;
            String bounds = "lower bound operand: AttributeValue: " + render(lo) + ", upper bound operand: "
                    + "AttributeValue: " + render(hi);
            if (AttributeValues.typeOf(lo) != AttributeValues.typeOf(hi)) {
                throw ExprErrors.invalid(
                        kind, "The BETWEEN operator requires same data type for lower and upper bounds; " + bounds);
            }
            if (AttributeValues.compare(lo, hi) > 0) {
                throw ExprErrors.invalid(
                        kind,
                        "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
                                + bounds);
            }
        }
        return new Conditions.Between(subject, low, high);
    }

    /** DynamoDB's rendering of a scalar bound in BETWEEN messages, e.g. {@code {N:5}}. */
    static String render(AttributeValue v) {
        if (v.s() != null) {
            return "{S:" + v.s() + "}";
        }
        if (v.n() != null) {
            return "{N:" + v.n() + "}";
        }
        ByteBuffer buffer = ByteBuffer.wrap(v.b().asByteArrayUnsafe());
        return "{B:" + buffer + "}";
    }

    private ConditionExpr in(Syntax.In in) {
        countOperator();
        Operand subject = operand(in.subject());
        List<Operand> candidates = new ArrayList<>(in.candidates().size());
        for (Syntax.Operand o : in.candidates()) {
            candidates.add(operand(o));
        }
        if (candidates.size() > MAX_IN_OPERANDS) {
            throw ExprErrors.invalid(
                    kind,
                    "The IN operator is provided with too many operands; number of operands: " + candidates.size());
        }
        checkDistinct("IN", subject, candidates);
        return new Conditions.In(subject, candidates);
    }

    private ConditionExpr functionCondition(Syntax.Call call) {
        String name = call.name().text();
        switch (name) {
            case "attribute_exists":
            case "attribute_not_exists": {
                List<Operand> args = arguments(call, 1);
                requirePath(name, args.get(0));
                return new Conditions.Exists(args.get(0), name.equals("attribute_exists"));
            }
            case "attribute_type": {
                List<Operand> args = arguments(call, 2);
                checkDistinct(name, args.get(0), args.subList(1, 2));
                Operand type = args.get(1);
                if (type.path() != null) {
                    throw wrongType(name, ANY_TYPE_SET);
                }
                checkType(name, type, java.util.EnumSet.of(ValueType.S));
                if (type instanceof Operands.Constant) {
                    String typeName = ((Operands.Constant) type).value.s();
                    if (!Conditions.isTypeName(typeName)) {
                        throw ExprErrors.invalid(
                                kind,
                                "Invalid attribute type name found; type: " + typeName
                                        + ", valid types: {N,BS,L,B,NULL,M,S,SS,NS,BOOL}");
                    }
                }
                return new Conditions.TypeIs(args.get(0), type);
            }
            case "begins_with": {
                List<Operand> args = arguments(call, 2);
                checkTypes(name, args, stringOrBinary());
                checkDistinct(name, args.get(0), args.subList(1, 2));
                return new Conditions.BeginsWith(args.get(0), args.get(1));
            }
            default: {
                List<Operand> args = arguments(call, 2);
                checkDistinct(name.toLowerCase(Locale.ROOT), args.get(0), args.subList(1, 2));
                return new Conditions.Contains(args.get(0), args.get(1));
            }
        }
    }
}
