package dev.singletable.engine.partiql;

import dev.singletable.engine.partiql.Ast.Expr;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes PartiQL conditions and update clauses as DynamoDB expressions. Every attribute name becomes an
 * ExpressionAttributeNames placeholder ({@code #pN}) and every value an ExpressionAttributeValues placeholder
 * ({@code :vN}), so reserved words and odd characters never reach the expression parser.
 */
final class ExpressionWriter {

    private static final Map<String, String> IS_TYPES = Map.of(
            "NULL", "NULL", "BOOLEAN", "BOOL", "BLOB", "B", "STRING", "S", "NUMERIC", "N", "STRUCT", "M", "TUPLE", "M",
            "LIST", "L");

    private final @Nullable Values values; // null for a writer of paths only (projections)
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, String> nameToPlaceholder = new HashMap<>();
    private final Map<String, AttributeValue> attributeValues = new LinkedHashMap<>();

    ExpressionWriter(@Nullable Values values) {
        this.values = values;
    }

    /** Names used so far, or null when none (DynamoDB refuses an empty map). */
    @Nullable
    Map<String, String> names() {
        return names.isEmpty() ? null : names;
    }

    /** Values used so far, or null when none (DynamoDB refuses an empty map). */
    @Nullable
    Map<String, AttributeValue> values() {
        return attributeValues.isEmpty() ? null : attributeValues;
    }

    String name(String attribute) {
        return nameToPlaceholder.computeIfAbsent(attribute, a -> {
            String p = "#p" + names.size();
            names.put(p, a);
            return p;
        });
    }

    String value(AttributeValue v) {
        String p = ":v" + attributeValues.size();
        attributeValues.put(p, v);
        return p;
    }

    String path(Ast.Path path) {
        StringBuilder sb = new StringBuilder();
        for (Ast.Step step : path.steps()) {
            if (step instanceof Ast.Name n) {
                if (n.name().isEmpty()) {
                    throw PartiqlException.validation("Path component cannot be an empty string");
                }
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(name(n.name()));
            } else {
                if (sb.length() == 0) {
                    throw PartiqlException.validation("A path cannot start with a list index");
                }
                sb.append('[').append(((Ast.Index) step).index()).append(']');
            }
        }
        return sb.toString();
    }

    /** A WHERE clause (or part of one) as a condition expression. */
    String condition(Expr e) {
        if (e instanceof Ast.Binary b) {
            switch (b.op()) {
                case "AND":
                case "OR":
                    return "(" + condition(b.left()) + ") " + b.op() + " (" + condition(b.right()) + ")";
                case "=":
                case "<>":
                case "<":
                case "<=":
                case ">":
                case ">=":
                    return operand(b.left()) + " " + b.op() + " " + operand(b.right());
                default:
                    throw unsupportedConditionOperator(b.op());
            }
        }
        if (e instanceof Ast.Not n) {
            return "NOT (" + condition(n.operand()) + ")";
        }
        if (e instanceof Ast.Between b) {
            String s = operand(b.value()) + " BETWEEN " + operand(b.low()) + " AND " + operand(b.high());
            return b.negated() ? "NOT (" + s + ")" : s;
        }
        if (e instanceof Ast.In in) {
            return in(in);
        }
        if (e instanceof Ast.Is is) {
            return is(is);
        }
        if (e instanceof Ast.Call c) {
            return function(c);
        }
        if (e instanceof Ast.Subquery s) {
            throw unsupportedToken(s);
        }
        throw PartiqlException.validation("WHERE clause must contain an expression that resolves to a boolean");
    }

    private String in(Ast.In in) {
        if (!(in.value() instanceof Ast.Path)
                || in.candidates() == null
                || in.candidates().isEmpty()) {
            throw PartiqlException.validation("IN operator must have a left hand argument of type Variable Reference "
                    + "and right hand argument of type Seq with at least one member");
        }
        StringBuilder sb = new StringBuilder(operand(in.value())).append(" IN (");
        for (int i = 0; i < in.candidates().size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(operand(in.candidates().get(i)));
        }
        sb.append(')');
        return in.negated() ? "NOT (" + sb + ")" : sb.toString();
    }

    private String is(Ast.Is is) {
        if (!(is.value() instanceof Ast.Path || is.value() instanceof Ast.Literal)) {
            throw PartiqlException.validation(
                    "The left hand side argument to IS must be a Variable Reference, Literal, or Path");
        }
        String subject = operand(is.value());
        if (is.type().equals("MISSING")) {
            return (is.negated() ? "attribute_exists(" : "attribute_not_exists(") + subject + ")";
        }
        String dynamoType = IS_TYPES.get(is.type());
        if (dynamoType == null) {
            throw PartiqlException.validation(
                    "Unsupported data type for IS operator: " + is.type()
                            + ". Supported data types are [MISSING, NULL, BOOLEAN, BLOB, STRING, NUMERIC, STRUCT, TUPLE, LIST]");
        }
        String s = "attribute_type(" + subject + ", " + value(AttributeValue.fromS(dynamoType)) + ")";
        return is.negated() ? "NOT " + s : s;
    }

    private String function(Ast.Call c) {
        String fn = c.name().toLowerCase(Locale.ROOT);
        switch (fn) {
            case "begins_with":
            case "contains":
            case "attribute_type":
            case "attribute_exists":
            case "attribute_not_exists":
                return fn + "(" + arguments(c.args()) + ")";
            case "size":
            case "exists":
            case "list_append":
            case "if_not_exists":
                return fn + "(" + arguments(c.args()) + ")";
            default:
                throw PartiqlException.validation("Unrecognized function: " + c.name());
        }
    }

    private String arguments(List<Expr> args) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(operand(args.get(i)));
        }
        return sb.toString();
    }

    /** One side of a comparison: a path, a value, or size(path). */
    String operand(Expr e) {
        if (e instanceof Ast.Path p) {
            return path(p);
        }
        if (e instanceof Ast.Literal l && l.kind() == Ast.LiteralKind.MISSING) {
            throw PartiqlException.validation("MISSING must be compared using IS operator");
        }
        if (Values.isValue(e)) {
            if (values == null) {
                throw new IllegalStateException("a writer of paths only was given a value");
            }
            return value(values.convert(e));
        }
        if (e instanceof Ast.Call c) {
            String fn = c.name().toLowerCase(Locale.ROOT);
            if (!fn.equals("size")) {
                if (!List.of("begins_with", "contains", "attribute_type", "attribute_exists", "attribute_not_exists")
                        .contains(fn)) {
                    throw PartiqlException.validation("Unrecognized function: " + c.name());
                }
            }
            return fn + "(" + arguments(c.args()) + ")";
        }
        if (e instanceof Ast.Binary b) {
            throw unsupportedConditionOperator(b.op());
        }
        if (e instanceof Ast.Subquery s) {
            throw unsupportedToken(s);
        }
        throw PartiqlException.validation("Unsupported token in expression: " + e.at().text());
    }

    private static PartiqlException unsupportedConditionOperator(String op) {
        return PartiqlException.validation("Unsupported operator in Condition Expression. Operator: " + op);
    }

    private static PartiqlException unsupportedToken(Ast.Subquery s) {
        return PartiqlException.validation("Unsupported token in expression: SELECT at " + s.at().location());
    }

    // ---- update clauses

    /** The value side of {@code SET path = …}: a value, a path, {@code a + b}, {@code a - b} or a function. */
    String updateValue(Expr e) {
        if (e instanceof Ast.Binary b && (b.op().equals("+") || b.op().equals("-"))) {
            return updateOperand(b.left()) + " " + b.op() + " " + updateOperand(b.right());
        }
        if (e instanceof Ast.Binary b) {
            throw PartiqlException.validation("Unsupported operator in Update Expression. Operator: " + b.op());
        }
        return updateOperand(e);
    }

    private String updateOperand(Expr e) {
        if (e instanceof Ast.Call c) {
            String fn = c.name().toLowerCase(Locale.ROOT);
            if (fn.equals("list_append") || fn.equals("if_not_exists")) {
                StringBuilder sb = new StringBuilder(fn).append('(');
                for (int i = 0; i < c.args().size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    sb.append(updateOperand(c.args().get(i)));
                }
                return sb.append(')').toString();
            }
            throw PartiqlException.validation("Unrecognized function: " + c.name());
        }
        if (e instanceof Ast.Is) {
            throw PartiqlException.validation("IS operator is not supported in update expressions");
        }
        if (e instanceof Ast.Binary b) {
            throw PartiqlException.validation("Unsupported operator in Update Expression. Operator: " + b.op());
        }
        return operand(e);
    }
}
