package dev.singletable.engine.partiql;

import dev.singletable.engine.partiql.Ast.Expr;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Chooses how to answer a SELECT, the way DynamoDB does: an equality (or IN) on the partition key of the table or index
 * makes it a Query per key value, with a sort-key condition as part of the key condition and everything else as a
 * filter; any other WHERE makes it a Scan with a filter.
 * The statement is described in [1].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.html">PartiQL for DynamoDB</a>
 */
final class SelectPlanner {

    private final TableSchema schema;
    private final Values values;
    private final boolean consistentRead;
    private final @Nullable ReturnConsumedCapacity capacity;

    SelectPlanner(
            TableSchema schema, Values values, boolean consistentRead, @Nullable ReturnConsumedCapacity capacity) {
        this.schema = schema;
        this.values = values;
        this.consistentRead = consistentRead;
        this.capacity = capacity;
    }

    ReadPlan plan(Ast.Select select) {
        String index = select.from().index();
        if (consistentRead && schema.isGlobalIndex(index)) {
            throw PartiqlException.validation("Consistent read cannot be true when scanning a GSI");
        }
        checkProjection(select.projections());
        TableSchema.Keys keys = schema.keysOf(index);
        if (!select.orderBy().isEmpty() && select.where() == null) {
            throw PartiqlException.validation("Must have WHERE clause in the statement when using ORDER BY clause.");
        }
        if (keys != null) {
            for (Ast.OrderItem o : select.orderBy()) {
                String attribute = o.key() instanceof Ast.Path p && p.isTopLevel() ? p.root() : null;
                if (attribute == null) {
                    throw PartiqlException.validation("Argument to ORDER BY must be of type VariableReference. Type: "
                            + o.key().getClass().getSimpleName());
                }
                if (!keys.isKey(attribute)) {
                    throw PartiqlException.validation(
                            "Variable reference " + attribute + " in ORDER BY clause must be part of the primary key");
                }
            }
            KeyQuery kq = keyQuery(select.where(), keys);
            if (kq != null) {
                return new ReadPlan(queries(select, keys, kq), select.projections());
            }
        }
        if (!select.orderBy().isEmpty()) {
            throw PartiqlException.validation("Must have at least one non-optional hash key condition in WHERE clause "
                    + "when using ORDER BY clause.");
        }
        return new ReadPlan(List.of(scan(select)), select.projections());
    }

    private static void checkProjection(@Nullable List<Ast.Path> projections) {
        if (projections == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (Ast.Path p : projections) {
            if (!seen.add(p.resultName())) {
                throw PartiqlException.validation("Duplicate identifiers in select clause: " + p.resultName());
            }
        }
    }

    /** The partition key values, the sort key condition (null when none) and the filter of a key-based read. */
    private record KeyQuery(List<Expr> hashValues, @Nullable Expr rangeCondition, List<Expr> filter) {}

    /** The WHERE clause as a key-based read, or null when it cannot be one (the statement then scans). */
    private @Nullable KeyQuery keyQuery(@Nullable Expr where, TableSchema.Keys keys) {
        if (where == null) {
            return null;
        }
        List<Expr> conjuncts = Conditions.conjuncts(where);
        Expr hashConjunct = null;
        for (Expr c : conjuncts) {
            if (Conditions.mentions(c, keys.hash())) {
                if (hashConjunct != null) {
                    return null;
                }
                hashConjunct = c;
            }
        }
        if (hashConjunct == null) {
            return null;
        }
        List<Expr> hashValues = hashValues(hashConjunct, keys.hash());
        if (hashValues == null) {
            return null;
        }
        List<Expr> rest = new ArrayList<>(conjuncts);
        rest.remove(hashConjunct);
        Expr rangeCondition = null;
        String range = keys.range();
        if (range != null) {
            for (Expr c : rest) {
                if (Conditions.mentions(c, range)) {
                    if (rangeCondition != null || !isRangeKeyCondition(c, range)) {
                        return null;
                    }
                    rangeCondition = c;
                }
            }
            if (rangeCondition != null) {
                rest.remove(rangeCondition);
            }
        }
        return new KeyQuery(hashValues, rangeCondition, rest);
    }

    private static @Nullable List<Expr> hashValues(Expr c, String hash) {
        Conditions.KeyComparison eq = Conditions.equality(c);
        if (eq != null && eq.attribute().equals(hash)) {
            return List.of(eq.value());
        }
        if (c instanceof Ast.In in
                && !in.negated()
                && in.value() instanceof Ast.Path p
                && p.isTopLevel()
                && hash.equals(p.root())
                && in.candidates() != null
                && !in.candidates().isEmpty()
                && in.candidates().stream().allMatch(Values::isValue)) {
            return in.candidates();
        }
        return null;
    }

    private static boolean isRangeKeyCondition(Expr c, String range) {
        Conditions.KeyComparison cmp = Conditions.keyComparison(c);
        if (cmp != null) {
            return cmp.attribute().equals(range);
        }
        if (c instanceof Ast.Between b) {
            return !b.negated()
                    && b.value() instanceof Ast.Path p
                    && p.isTopLevel()
                    && range.equals(p.root())
                    && Values.isValue(b.low())
                    && Values.isValue(b.high());
        }
        if (c instanceof Ast.Call call
                && call.name().equalsIgnoreCase("begins_with")
                && call.args().size() == 2) {
            return call.args().get(0) instanceof Ast.Path p
                    && p.isTopLevel()
                    && range.equals(p.root())
                    && Values.isValue(call.args().get(1));
        }
        return false;
    }

    private List<ReadPlan.Op> queries(Ast.Select select, TableSchema.Keys keys, KeyQuery kq) {
        boolean descending = false;
        Boolean hashDescending = null;
        for (Ast.OrderItem o : select.orderBy()) {
            String attribute = ((Ast.Path) o.key()).root(); // a top-level path: plan() checked
            if (attribute != null && attribute.equals(keys.range())) {
                descending = o.descending();
            } else if (hashDescending == null) {
                hashDescending = o.descending();
            }
        }
        List<AttributeValue> hashValues = new ArrayList<>();
        for (Expr e : kq.hashValues()) {
            AttributeValue v = values.convert(e);
            Conditions.checkKeyType(schema, keys.hash(), v);
            hashValues.add(v);
        }
        if (hashValues.size() > 1 && !select.orderBy().isEmpty() && hashDescending == null) {
            throw PartiqlException.validation("Must have hash key in ORDER BY clause when more than one hash key "
                    + "condition specified in WHERE clause.");
        }
        if (hashDescending != null) {
            Comparator<AttributeValue> order = SelectPlanner::compareKeys;
            hashValues.sort(hashDescending ? order.reversed() : order);
        }
        List<ReadPlan.Op> ops = new ArrayList<>();
        for (AttributeValue hashValue : hashValues) {
            ExpressionWriter w = new ExpressionWriter(values);
            String projection = Projections.topLevel(select.projections(), w);
            StringBuilder keyCondition =
                    new StringBuilder(w.name(keys.hash())).append(" = ").append(w.value(hashValue));
            Expr rangeCondition = kq.rangeCondition();
            String range = keys.range();
            if (rangeCondition != null && range != null) { // a sort key condition is found only on a key with one
                keyCondition.append(" AND ").append(rangeCondition(rangeCondition, range, w));
            }
            Expr filter = Conditions.and(kq.filter());
            String filterExpression = filter == null ? null : w.condition(filter);
            ops.add(ReadPlan.Op.query(QueryRequest.builder()
                    .tableName(schema.table())
                    .indexName(select.from().index())
                    .keyConditionExpression(keyCondition.toString())
                    .filterExpression(filterExpression)
                    .projectionExpression(projection)
                    .expressionAttributeNames(w.names())
                    .expressionAttributeValues(w.values())
                    .scanIndexForward(descending ? Boolean.FALSE : null)
                    .consistentRead(consistentRead ? Boolean.TRUE : null)
                    .returnConsumedCapacity(capacity)
                    .build()));
        }
        return ops;
    }

    private String rangeCondition(Expr c, String range, ExpressionWriter w) {
        Conditions.KeyComparison cmp = Conditions.keyComparison(c);
        if (cmp != null) {
            AttributeValue v = values.convert(cmp.value());
            Conditions.checkKeyType(schema, range, v);
            return w.name(range) + " " + cmp.op() + " " + w.value(v);
        }
        if (c instanceof Ast.Between b) {
            AttributeValue low = values.convert(b.low());
            AttributeValue high = values.convert(b.high());
            Conditions.checkKeyType(schema, range, low);
            Conditions.checkKeyType(schema, range, high);
            return w.name(range) + " BETWEEN " + w.value(low) + " AND " + w.value(high);
        }
        Ast.Call call = (Ast.Call) c;
        AttributeValue prefix = values.convert(call.args().get(1));
        Conditions.checkKeyType(schema, range, prefix);
        return "begins_with(" + w.name(range) + ", " + w.value(prefix) + ")";
    }

    private ReadPlan.Op scan(Ast.Select select) {
        ExpressionWriter w = new ExpressionWriter(values);
        String projection = Projections.topLevel(select.projections(), w);
        String filter = select.where() == null ? null : w.condition(select.where());
        return ReadPlan.Op.scan(ScanRequest.builder()
                .tableName(schema.table())
                .indexName(select.from().index())
                .filterExpression(filter)
                .projectionExpression(projection)
                .expressionAttributeNames(w.names())
                .expressionAttributeValues(w.values())
                .consistentRead(consistentRead ? Boolean.TRUE : null)
                .returnConsumedCapacity(capacity)
                .build());
    }

    /** Key order as DynamoDB sorts keys: numbers numerically, strings and binaries by their bytes. */
    private static int compareKeys(AttributeValue a, AttributeValue b) {
        if (a.n() != null && b.n() != null) {
            return new BigDecimal(a.n()).compareTo(new BigDecimal(b.n()));
        }
        if (a.s() != null && b.s() != null) {
            return java.util.Arrays.compareUnsigned(
                    a.s().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    b.s().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        if (a.b() != null && b.b() != null) {
            return java.util.Arrays.compareUnsigned(a.b().asByteArray(), b.b().asByteArray());
        }
        return String.valueOf(a.type()).toLowerCase(Locale.ROOT).compareTo(String.valueOf(b.type()));
    }
}
