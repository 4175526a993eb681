package dev.singletable.engine.expr;

import dev.singletable.engine.error.EngineErrors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Condition;

/**
 * The legacy KeyConditions parameter; arguments are checked at once, the key schema in {@link #resolve}.
 * See [1].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.html">Legacy conditional parameters</a>
 */
final class LegacyKeyConditions implements KeyConditionExpr {

    /** One attribute's condition: its operator and its checked arguments. */
    private record Term(LegacyConditions.Op op, List<AttributeValue> args) {}

    private final Map<String, Term> terms = new LinkedHashMap<>();

    LegacyKeyConditions(@Nullable Map<String, Condition> conditions) {
        if (conditions != null) {
            for (Map.Entry<String, Condition> e : conditions.entrySet()) {
                Condition c = e.getValue();
                LegacyConditions.Op op = LegacyConditions.op(c.comparisonOperatorAsString());
                terms.put(
                        e.getKey(),
                        new Term(
                                op,
                                LegacyConditions.validateArguments(
                                        op, c.hasAttributeValueList() ? c.attributeValueList() : List.of())));
            }
        }
    }

    @Override
    public MultiKeyCondition resolveMulti(List<String> hashKeys, List<String> rangeKeys) {
        if (terms.isEmpty() || terms.size() > Math.max(2, hashKeys.size() + rangeKeys.size())) {
            throw EngineErrors.validation("Conditions can be of length 1 or 2 only");
        }
        List<MultiKeyConditions.Term> resolved = new java.util.ArrayList<>(terms.size());
        for (Map.Entry<String, Term> e : terms.entrySet()) {
            String name = e.getKey();
            List<AttributeValue> bounds = e.getValue().args();
            SortOp op =
                    switch (e.getValue().op()) {
                        case EQ -> SortOp.EQ;
                        case LT -> SortOp.LT;
                        case LE -> SortOp.LE;
                        case GT -> SortOp.GT;
                        case GE -> SortOp.GE;
                        case BEGINS_WITH -> SortOp.BEGINS_WITH;
                        case BETWEEN -> SortOp.BETWEEN;
                        case NULL, NOT_NULL ->
                            throw EngineErrors.validation("Only scalar types can be used as Range Key " + "values");
                        default ->
                            throw EngineErrors.validation(
                                    "Attempted conditional constraint is not an indexable " + "operation");
                    };
            resolved.add(
                    new MultiKeyConditions.Term(name, op, bounds.get(0), op == SortOp.BETWEEN ? bounds.get(1) : null));
        }
        return MultiKeyConditions.resolve(resolved, hashKeys, rangeKeys);
    }

    @Override
    public KeyCondition resolve(String hashKey, @Nullable String rangeKey) {
        if (terms.isEmpty() || terms.size() > 2) {
            throw EngineErrors.validation("Conditions can be of length 1 or 2 only");
        }
        Term hash = terms.get(hashKey);
        if (hash == null) {
            throw EngineErrors.validation("Query condition missed key schema element: " + hashKey);
        }
        if (hash.op() != LegacyConditions.Op.EQ) {
            throw EngineErrors.validation("Query key condition not supported");
        }
        AttributeValue hashValue = hash.args().get(0);
        if (terms.size() == 1) {
            return new KeyCondition(hashKey, hashValue, rangeKey, SortOp.NONE, null, null);
        }
        if (rangeKey == null) {
            throw EngineErrors.validation("Query key condition not supported");
        }
        Term range = terms.get(rangeKey);
        if (range == null) {
            throw EngineErrors.validation("Query condition missed key schema element: " + rangeKey);
        }
        List<AttributeValue> bounds = range.args();
        switch (range.op()) {
            case EQ, LT, LE, GT, GE, BEGINS_WITH:
                // the one-operand sort-key operators are named alike in both languages
                return new KeyCondition(
                        hashKey, hashValue, rangeKey, SortOp.valueOf(range.op().name()), bounds.get(0), null);
            case BETWEEN:
                return new KeyCondition(hashKey, hashValue, rangeKey, SortOp.BETWEEN, bounds.get(0), bounds.get(1));
            case NULL:
            case NOT_NULL:
                throw EngineErrors.validation("Only scalar types can be used as Range Key values");
            default:
                throw EngineErrors.validation("Attempted conditional constraint is not an indexable operation");
        }
    }
}
