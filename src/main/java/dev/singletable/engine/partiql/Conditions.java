package dev.singletable.engine.partiql;

import dev.singletable.engine.partiql.Ast.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Helpers that look at a WHERE clause as DynamoDB does: a conjunction of conditions, some of them on key attributes. */
final class Conditions {

    private static final Map<String, String> FLIPPED =
            Map.of("=", "=", "<>", "<>", "<", ">", "<=", ">=", ">", "<", ">=", "<=");

    private Conditions() {}

    /** The top-level AND operands of a condition, in order. */
    static List<Expr> conjuncts(Expr where) {
        List<Expr> out = new ArrayList<>();
        collect(where, out);
        return out;
    }

    private static void collect(Expr e, List<Expr> out) {
        if (e instanceof Ast.Binary b && b.op().equals("AND")) {
            collect(b.left(), out);
            collect(b.right(), out);
        } else {
            out.add(e);
        }
    }

    /** Joins conditions back with AND, or null for none. */
    static @Nullable Expr and(List<Expr> parts) {
        Expr out = null;
        for (Expr e : parts) {
            out = out == null ? e : new Ast.Binary("AND", out, e, e.at());
        }
        return out;
    }

    /** Whether any path in the expression starts at the given top-level attribute. */
    static boolean mentions(Expr e, String attribute) {
        if (e instanceof Ast.Path p) {
            return attribute.equals(p.root());
        }
        if (e instanceof Ast.Binary b) {
            return mentions(b.left(), attribute) || mentions(b.right(), attribute);
        }
        if (e instanceof Ast.Not n) {
            return mentions(n.operand(), attribute);
        }
        if (e instanceof Ast.Between b) {
            return mentions(b.value(), attribute) || mentions(b.low(), attribute) || mentions(b.high(), attribute);
        }
        if (e instanceof Ast.In in) {
            if (mentions(in.value(), attribute)) {
                return true;
            }
            return in.candidates() != null && in.candidates().stream().anyMatch(c -> mentions(c, attribute));
        }
        if (e instanceof Ast.Is is) {
            return mentions(is.value(), attribute);
        }
        if (e instanceof Ast.Call c) {
            return c.args().stream().anyMatch(a -> mentions(a, attribute));
        }
        return false;
    }

    /** A comparison of a top-level attribute with a value, normalised so that the attribute is on the left. */
    record KeyComparison(String attribute, String op, Expr value) {}

    static @Nullable KeyComparison keyComparison(Expr e) {
        if (!(e instanceof Ast.Binary b) || !FLIPPED.containsKey(b.op()) || b.op().equals("<>")) {
            return null;
        }
        String left = topLevelAttribute(b.left());
        if (left != null && Values.isValue(b.right())) {
            return new KeyComparison(left, b.op(), b.right());
        }
        String right = topLevelAttribute(b.right());
        String flipped = FLIPPED.get(b.op());
        if (right != null && flipped != null && Values.isValue(b.left())) {
            return new KeyComparison(right, flipped, b.left());
        }
        return null;
    }

    /** The attribute a path of one name step names; null for anything else. */
    private static @Nullable String topLevelAttribute(@Nullable Expr e) {
        return e instanceof Ast.Path p && p.isTopLevel() ? p.root() : null;
    }

    /** {@code attr = value}, either way round, or null. */
    static @Nullable KeyComparison equality(Expr e) {
        KeyComparison c = keyComparison(e);
        return c != null && c.op().equals("=") ? c : null;
    }

    /** Checks a key value's type against the table's attribute definition, as DynamoDB's PartiQL does. */
    static void checkKeyType(TableSchema schema, String attribute, AttributeValue value) {
        String expected = schema.typeOf(attribute);
        String actual = value.s() != null ? "S" : value.n() != null ? "N" : value.b() != null ? "B" : null;
        if (expected != null && !expected.equals(actual)) {
            throw PartiqlException.validation(
                    "Key attribute's data type should match its data type in table's schema: Key " + attribute);
        }
    }
}
