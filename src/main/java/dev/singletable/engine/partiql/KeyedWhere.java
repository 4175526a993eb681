package dev.singletable.engine.partiql;

import dev.singletable.engine.partiql.Ast.Expr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A WHERE clause that names one item: an equality on every key attribute, and the remaining conditions. Single-item
 * statements (UPDATE, DELETE, and SELECT in batches and transactions) need this shape: an UPDATE's condition must
 * resolve to one primary key value [1].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.update.html">PartiQL update statements for DynamoDB</a>
 */
/** {@code rest} is null when the WHERE clause is the key alone. */
record KeyedWhere(Map<String, AttributeValue> key, @Nullable Expr rest) {

    static final String INCOMPLETE_KEY = "Where clause does not contain a mandatory equality on all key attributes";

    /** The key and the rest, or a ValidationException naming what is wrong. */
    static KeyedWhere of(@Nullable Expr where, TableSchema schema, Values values) {
        KeyedWhere k = find(where, schema, values);
        if (k == null) {
            throw PartiqlException.validation(INCOMPLETE_KEY);
        }
        return k;
    }

    /** Like {@link #of} but answers null when the WHERE clause does not name exactly one item by its key. */
    static @Nullable KeyedWhere find(@Nullable Expr where, TableSchema schema, Values values) {
        if (where == null) {
            return null;
        }
        List<Expr> rest = new ArrayList<>();
        Map<String, Expr> keyValues = new LinkedHashMap<>();
        for (Expr c : Conditions.conjuncts(where)) {
            Conditions.KeyComparison eq = Conditions.equality(c);
            if (eq != null && schema.tableKeys().isKey(eq.attribute())) {
                if (keyValues.containsKey(eq.attribute())) {
                    throw PartiqlException.validation("Multiple conditions on same key " + eq.attribute()
                            + ". Only single item Update/Insert/Delete are supported");
                }
                keyValues.put(eq.attribute(), eq.value());
            } else {
                rest.add(c);
            }
        }
        if (keyValues.size() != schema.tableKeys().names().size()) {
            return null;
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (String name : schema.tableKeys().names()) {
            // one equality per key attribute, and as many as there are key attributes: each has its value
            AttributeValue v = values.convert(Objects.requireNonNull(keyValues.get(name)));
            Conditions.checkKeyType(schema, name, v);
            key.put(name, v);
        }
        return new KeyedWhere(key, Conditions.and(rest));
    }
}
