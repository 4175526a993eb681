package dev.singletable.engine.expr;

import dev.singletable.engine.error.EngineErrors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Condition;

/** The legacy KeyConditions parameter; arguments are checked at once, the key schema in {@link #resolve}. */
final class LegacyKeyConditions implements KeyConditionExpr {

    private final Map<String, LegacyConditions.Op> ops = new LinkedHashMap<>();
    private final Map<String, List<AttributeValue>> args = new LinkedHashMap<>();

    LegacyKeyConditions(Map<String, Condition> conditions) {
        if (conditions != null) {
            for (Map.Entry<String, Condition> e : conditions.entrySet()) {
                Condition c = e.getValue();
                LegacyConditions.Op op = LegacyConditions.op(c.comparisonOperatorAsString());
                ops.put(e.getKey(), op);
                args.put(
                        e.getKey(),
                        LegacyConditions.validateArguments(
                                op, c.hasAttributeValueList() ? c.attributeValueList() : List.of()));
            }
        }
    }

    @Override
    public MultiKeyCondition resolveMulti(List<String> hashKeys, List<String> rangeKeys) {
        if (ops.isEmpty() || ops.size() > Math.max(2, hashKeys.size() + rangeKeys.size())) {
            throw EngineErrors.validation("Conditions can be of length 1 or 2 only");
        }
        List<MultiKeyConditions.Term> terms = new java.util.ArrayList<>(ops.size());
        for (Map.Entry<String, LegacyConditions.Op> e : ops.entrySet()) {
            String name = e.getKey();
            List<AttributeValue> bounds = args.get(name);
            SortOp op =
                    switch (e.getValue()) {
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
            terms.add(
                    new MultiKeyConditions.Term(name, op, bounds.get(0), op == SortOp.BETWEEN ? bounds.get(1) : null));
        }
        return MultiKeyConditions.resolve(terms, hashKeys, rangeKeys);
    }

    @Override
    public KeyCondition resolve(String hashKey, String rangeKey) {
        if (ops.isEmpty() || ops.size() > 2) {
            throw EngineErrors.validation("Conditions can be of length 1 or 2 only");
        }
        LegacyConditions.Op hashOp = ops.get(hashKey);
        if (hashOp == null) {
            throw EngineErrors.validation("Query condition missed key schema element: " + hashKey);
        }
        if (hashOp != LegacyConditions.Op.EQ) {
            throw EngineErrors.validation("Query key condition not supported");
        }
        AttributeValue hashValue = args.get(hashKey).get(0);
        if (ops.size() == 1) {
            return new KeyCondition(hashKey, hashValue, rangeKey, SortOp.NONE, null, null);
        }
        if (rangeKey == null) {
            throw EngineErrors.validation("Query key condition not supported");
        }
        LegacyConditions.Op rangeOp = ops.get(rangeKey);
        if (rangeOp == null) {
            throw EngineErrors.validation("Query condition missed key schema element: " + rangeKey);
        }
        List<AttributeValue> bounds = args.get(rangeKey);
        switch (rangeOp) {
            case EQ:
                return new KeyCondition(hashKey, hashValue, rangeKey, SortOp.EQ, bounds.get(0), null);
            case LT:
                return new KeyCondition(hashKey, hashValue, rangeKey, SortOp.LT, bounds.get(0), null);
            case LE:
                return new KeyCondition(hashKey, hashValue, rangeKey, SortOp.LE, bounds.get(0), null);
            case GT:
                return new KeyCondition(hashKey, hashValue, rangeKey, SortOp.GT, bounds.get(0), null);
            case GE:
                return new KeyCondition(hashKey, hashValue, rangeKey, SortOp.GE, bounds.get(0), null);
            case BEGINS_WITH:
                return new KeyCondition(hashKey, hashValue, rangeKey, SortOp.BEGINS_WITH, bounds.get(0), null);
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
