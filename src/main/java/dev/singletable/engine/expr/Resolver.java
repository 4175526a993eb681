package dev.singletable.engine.expr;

import dev.singletable.engine.value.ValueType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's second semantic pass: resolves placeholders, checks operand counts, statically known operand types
 * and repeated paths, and builds executable operands. Errors name the expression kind.
 * Placeholders are resolved as [1] and [2] describe.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ExpressionAttributeNames.html">Expression attribute names (aliases)</a>
 * <br>[2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ExpressionAttributeValues.html">Using expression attribute values</a>
 */
class Resolver {

    static final int MAX_OPERATORS = 300;
    static final int MAX_PATH_DEPTH = 32;
    static final Set<ValueType> ORDERED = EnumSet.of(ValueType.S, ValueType.N, ValueType.B);
    private static final Set<ValueType> SIZED =
            EnumSet.of(ValueType.S, ValueType.B, ValueType.SS, ValueType.NS, ValueType.BS, ValueType.L, ValueType.M);
    private static final Set<ValueType> STRING_OR_BINARY = EnumSet.of(ValueType.S, ValueType.B);

    final String kind;
    final ExpressionContext ctx;
    /** Top-level attribute names of every path resolved so far. */
    final Set<String> topLevel = new LinkedHashSet<>();

    private int operators;

    Resolver(String kind, ExpressionContext ctx) {
        this.kind = kind;
        this.ctx = ctx;
    }

    void countOperator() {
        if (++operators > MAX_OPERATORS) {
            throw ExprErrors.invalid(kind, "The expression contains too many operators; operator count: " + operators);
        }
    }

    DocPath path(Syntax.Path p) {
        int n = p.elements().size();
        if (n > MAX_PATH_DEPTH) {
            throw ExprErrors.invalid(kind, "The document path has too many nesting levels; nesting levels: " + n);
        }
        @Nullable String[] names = new @Nullable String[n];
        int[] indexes = new int[n];
        for (int i = 0; i < n; i++) {
            Syntax.PathElement e = p.elements().get(i);
            Token t = e.token();
            if (e.index()) {
                indexes[i] = index(t.text());
            } else if (t.type() == TokenType.NAME_REF) {
                names[i] = ctx.name(t.text());
                if (names[i] == null) {
                    throw ExprErrors.invalid(
                            kind,
                            "An expression attribute name used in the document path is not defined; attribute name: "
                                    + t.text());
                }
            } else {
                names[i] = t.text();
            }
        }
        topLevel.add(names[0]);
        return new DocPath(names, indexes);
    }

    private int index(String digits) {
        if (digits.length() <= 10) {
            long v = Long.parseLong(digits);
            if (v <= Integer.MAX_VALUE) {
                return (int) v;
            }
        }
        throw ExprErrors.invalid(kind, "List index is not within the allowable range; index: [" + digits + "]");
    }

    AttributeValue value(Token t) {
        AttributeValue v = ctx.value(t.text());
        if (v == null) {
            throw ExprErrors.invalid(
                    kind,
                    "An expression attribute value used in expression is not defined; attribute value: " + t.text());
        }
        return v;
    }

    /** An operand of a condition (or of a function inside an update value, via the update subclass). */
    Operand operand(Syntax.Operand o) {
        if (o instanceof Syntax.Path) {
            return new Operands.PathOperand(path((Syntax.Path) o));
        }
        if (o instanceof Syntax.Value) {
            return new Operands.Constant(value(((Syntax.Value) o).token()));
        }
        if (o instanceof Syntax.Paren) {
            return operand(((Syntax.Paren) o).inner());
        }
        if (o instanceof Syntax.Call) {
            return function((Syntax.Call) o);
        }
        return arithmetic((Syntax.Arithmetic) o);
    }

    /** size() in conditions; the update subclass adds if_not_exists() and list_append(). */
    Operand function(Syntax.Call call) {
        List<Operand> args = arguments(call, 1);
        checkTypes(call.name().text(), args, SIZED);
        return new Operands.Size(args.get(0));
    }

    Operand arithmetic(Syntax.Arithmetic a) {
        throw new IllegalStateException("arithmetic outside an update value");
    }

    /** Resolves the arguments in order, then checks their number. */
    List<Operand> arguments(Syntax.Call call, int expected) {
        List<Operand> args = new ArrayList<>(call.args().size());
        for (Syntax.Operand a : call.args()) {
            args.add(operand(a));
        }
        if (args.size() != expected) {
            throw ExprErrors.invalid(
                    kind,
                    "Incorrect number of operands for operator or function; operator or " + "function: "
                            + call.name().text() + ", number of operands: " + args.size());
        }
        return args;
    }

    void checkTypes(String operator, List<Operand> operands, Set<ValueType> allowed) {
        for (Operand o : operands) {
            checkType(operator, o, allowed);
        }
    }

    void checkType(String operator, Operand o, Set<ValueType> allowed) {
        ValueType t = o.staticType();
        if (t != null && !allowed.contains(t)) {
            throw wrongType(operator, t.name());
        }
    }

    RuntimeException wrongType(String operator, String type) {
        return ExprErrors.invalid(
                kind,
                "Incorrect operand type for operator or function; operator or function: " + operator
                        + ", operand type: " + type);
    }

    void requirePath(String function, Operand o) {
        if (o.path() == null) {
            throw ExprErrors.invalid(
                    kind, "Operator or function requires a document path; operator or function: " + function);
        }
    }

    /** The first operand of some operators and functions may not appear again among the others. */
    void checkDistinct(String operator, Operand first, List<Operand> others) {
        DocPath p = first.path();
        if (p == null) {
            return;
        }
        for (Operand o : others) {
            if (p.equals(o.path())) {
                throw ExprErrors.invalid(
                        kind,
                        "The first operand must be distinct from the remaining operands for "
                                + "this operator or function; operator: " + operator + ", first operand: " + p);
            }
        }
    }

    static Set<ValueType> stringOrBinary() {
        return STRING_OR_BINARY;
    }
}
