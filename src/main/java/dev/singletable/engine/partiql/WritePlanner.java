package dev.singletable.engine.partiql;

import dev.singletable.engine.partiql.Ast.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Translates INSERT, UPDATE, DELETE and EXISTS into single-item writes: INSERT is a put guarded by
 * {@code attribute_not_exists} on the partition key; UPDATE an update guarded by {@code attribute_exists} (PartiQL
 * never creates an item by UPDATE); the conditions beyond the key become the ConditionExpression.
 * The statements are those of [1].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.html">PartiQL for DynamoDB</a>
 */
final class WritePlanner {

    private static final Map<String, String> UPDATE_RETURNING = Map.of(
            "ALL OLD *",
            "ALL_OLD",
            "MODIFIED OLD *",
            "UPDATED_OLD",
            "ALL NEW *",
            "ALL_NEW",
            "MODIFIED NEW *",
            "UPDATED_NEW");

    private final TableSchema schema;
    private final Values values;

    WritePlanner(TableSchema schema, Values values) {
        this.schema = schema;
        this.values = values;
    }

    /** UPDATE and DELETE name a table, never an index. */
    static void requireNoIndex(Ast.Target target) {
        if (target.index() != null) {
            throw PartiqlException.validation("This operation is not supported on an index");
        }
    }

    static void requireTableOnly(Ast.Target target) {
        if (target.index() != null) {
            throw PartiqlException.validation(
                    "FROM clause may only contain a single table name in data manipulation statements");
        }
    }

    WriteAction insert(Ast.Insert insert) {
        Map<String, AttributeValue> item;
        if (insert.value() instanceof Ast.MapLit m) {
            item = values.tuple(m, "root");
        } else if (insert.value() instanceof Ast.Param p
                && values.parameter(p.index()).hasM()) {
            item = values.parameter(p.index()).m();
        } else {
            throw PartiqlException.validation("Unsupported format in item expression. Please use struct format {...} "
                    + "to express item values for insert statement. at "
                    + insert.value().at().location());
        }
        Map<String, AttributeValue> itemKey = new java.util.LinkedHashMap<>();
        for (String key : schema.tableKeys().names()) {
            AttributeValue v = item.get(key);
            if (v == null) {
                throw PartiqlException.validation("Key attribute should be present in the item: Key " + key);
            }
            Conditions.checkKeyType(schema, key, v);
            itemKey.put(key, v);
        }
        ExpressionWriter w = new ExpressionWriter(values);
        String condition = "attribute_not_exists(" + w.name(schema.tableKeys().hash()) + ")";
        return new WriteAction(
                WriteAction.Kind.INSERT, schema.table(), item, itemKey, null, condition, w.names(), w.values(), null);
    }

    WriteAction update(Ast.Update update) {
        KeyedWhere keyed = KeyedWhere.of(update.where(), schema, values);
        ExpressionWriter w = new ExpressionWriter(values);
        List<String> sets = new ArrayList<>();
        List<String> removes = new ArrayList<>();
        List<String> adds = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        for (Ast.UpdateAction action : update.actions()) {
            if (action instanceof Ast.RemoveAction r) {
                removes.add(w.path(r.target()));
                continue;
            }
            Ast.SetAction set = (Ast.SetAction) action;
            if (set.value() instanceof Ast.Call c
                    && (c.name().equalsIgnoreCase("set_add") || c.name().equalsIgnoreCase("set_delete"))) {
                String fn = c.name().toUpperCase(Locale.ROOT);
                String clause = setFunction(fn, set.target(), c, w);
                (fn.equals("SET_ADD") ? adds : deletes).add(clause);
            } else {
                sets.add(w.path(set.target()) + " = " + w.updateValue(set.value()));
            }
        }
        StringBuilder expression = new StringBuilder();
        clause(expression, "SET", sets);
        clause(expression, "REMOVE", removes);
        clause(expression, "ADD", adds);
        clause(expression, "DELETE", deletes);
        String condition = "attribute_exists(" + w.name(schema.tableKeys().hash()) + ")";
        if (keyed.rest() != null) {
            condition += " AND (" + w.condition(keyed.rest()) + ")";
        }
        String returnValues = null;
        if (update.returning() != null) {
            returnValues = UPDATE_RETURNING.get(update.returning());
        }
        return new WriteAction(
                WriteAction.Kind.UPDATE,
                schema.table(),
                null,
                keyed.key(),
                expression.toString(),
                condition,
                w.names(),
                w.values(),
                returnValues);
    }

    private String setFunction(String fn, Ast.Path target, Ast.Call c, ExpressionWriter w) {
        if (c.args().size() != 2) {
            throw PartiqlException.validation(fn + " must have exactly two arguments");
        }
        if (!c.args().get(0).equals(target) && !samePath(c.args().get(0), target)) {
            throw PartiqlException.validation("The first argument to " + fn + " must equal the assignment value");
        }
        Expr set = c.args().get(1);
        AttributeValue v = Values.isValue(set) ? values.convert(set) : null;
        if (v == null || !(v.hasSs() || v.hasNs() || v.hasBs())) {
            throw PartiqlException.validation("The second argument to " + fn + " must be a value with type SET");
        }
        return w.path(target) + " " + w.value(v);
    }

    private static boolean samePath(Expr e, Ast.Path target) {
        return e instanceof Ast.Path p && p.steps().equals(target.steps());
    }

    private static void clause(StringBuilder sb, String keyword, List<String> parts) {
        if (parts.isEmpty()) {
            return;
        }
        if (sb.length() > 0) {
            sb.append(' ');
        }
        sb.append(keyword).append(' ').append(String.join(", ", parts));
    }

    WriteAction delete(Ast.Delete delete) {
        if (delete.returning() != null && !delete.returning().equals("ALL OLD *")) {
            throw PartiqlException.validation("Invalid returning clause: RETURNING " + delete.returning()
                    + ". Only RETURNING ALL OLD * is allowed in DELETE statements.");
        }
        KeyedWhere keyed = KeyedWhere.of(delete.where(), schema, values);
        ExpressionWriter w = new ExpressionWriter(values);
        // The further conditions apply to an existing item only: deleting an absent item always succeeds.
        String condition = keyed.rest() == null
                ? null
                : "attribute_not_exists(" + w.name(schema.tableKeys().hash()) + ") OR (" + w.condition(keyed.rest())
                        + ")";
        return onKey(WriteAction.Kind.DELETE, keyed, condition, w, delete.returning() == null ? null : "ALL_OLD");
    }

    /** EXISTS(SELECT … WHERE key AND condition): a condition check on one item, only inside a transaction. */
    WriteAction exists(Ast.Exists exists) {
        if (exists.select().from().index() != null) {
            throw PartiqlException.validation("Operations on indices are not supported in transactions");
        }
        KeyedWhere keyed = KeyedWhere.find(exists.select().where(), schema, values);
        if (keyed == null || keyed.rest() == null) {
            throw PartiqlException.validation("EXISTS() must contain a single item read with additional condition");
        }
        ExpressionWriter w = new ExpressionWriter(values);
        String condition = w.condition(keyed.rest());
        return onKey(WriteAction.Kind.CHECK, keyed, condition, w, null);
    }

    /** A DELETE or a condition check: the item's key and a condition, neither an item nor an update expression. */
    private WriteAction onKey(
            WriteAction.Kind kind,
            KeyedWhere keyed,
            @Nullable String condition,
            ExpressionWriter w,
            @Nullable String returnValues) {
        return new WriteAction(
                kind, schema.table(), null, keyed.key(), null, condition, w.names(), w.values(), returnValues);
    }
}
