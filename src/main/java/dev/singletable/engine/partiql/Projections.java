package dev.singletable.engine.partiql;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * SELECT's projection. DynamoDB's PartiQL returns each projected path flat, under its last step's name ({@code m.a}
 * as {@code a}, {@code m.b[1]} as {@code b[1]}). The underlying read projects only the top-level attributes (so index
 * projection rules still apply) and the nested values are picked out here.
 * See [1].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.html">PartiQL for DynamoDB</a>
 */
final class Projections {

    private Projections() {}

    /** The ProjectionExpression for the top-level attributes of the projected paths, or null for SELECT *. */
    static @Nullable String topLevel(@Nullable List<Ast.Path> projections, ExpressionWriter w) {
        if (projections == null) {
            return null;
        }
        Set<String> roots = new LinkedHashSet<>();
        ExpressionWriter validator = new ExpressionWriter(null);
        for (Ast.Path p : projections) {
            validator.path(p);
            // path() refuses a path that starts with a list index, so every path here starts with its attribute
            roots.add(Objects.requireNonNull(p.root()));
        }
        StringBuilder sb = new StringBuilder();
        for (String root : roots) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(w.name(root));
        }
        return sb.toString();
    }

    /**
     * The ProjectionExpression of every projected path as written. Single-item reads in batches and transactions
     * return DynamoDB's nested projection unchanged, unlike ExecuteStatement.
     */
    static @Nullable String full(@Nullable List<Ast.Path> projections, ExpressionWriter w) {
        if (projections == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (Ast.Path p : projections) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(w.path(p));
        }
        return sb.toString();
    }

    static Map<String, AttributeValue> apply(@Nullable List<Ast.Path> projections, Map<String, AttributeValue> item) {
        if (projections == null) {
            return item;
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        for (Ast.Path p : projections) {
            AttributeValue v = navigate(item, p);
            if (v != null) {
                out.put(p.resultName(), v);
            }
        }
        return out;
    }

    private static @Nullable AttributeValue navigate(Map<String, AttributeValue> item, Ast.Path path) {
        AttributeValue current = null;
        Map<String, AttributeValue> map = item;
        for (Ast.Step step : path.steps()) {
            if (step instanceof Ast.Name n) {
                if (map == null) {
                    return null;
                }
                current = map.get(n.name());
            } else {
                if (current == null || !current.hasL()) {
                    return null;
                }
                int i = ((Ast.Index) step).index();
                current = i < current.l().size() ? current.l().get(i) : null;
            }
            if (current == null) {
                return null;
            }
            map = current.hasM() ? current.m() : null;
        }
        return current;
    }
}
