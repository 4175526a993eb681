package dev.singletable.engine.expr;

import dev.singletable.engine.error.EngineErrors;
import dev.singletable.engine.value.AttributeValues;
import dev.singletable.engine.value.ValueType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ConditionalOperator;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;

/**
 * Validation and translation of the legacy Expected, QueryFilter/ScanFilter and KeyConditions parameters into the
 * same executable conditions the expression language produces. Attribute names are literal (no document paths).
 * The parameters and their operators are described in [1].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.html">Legacy conditional parameters</a>
 */
final class LegacyConditions {

    static final String INVALID = "One or more parameter values were invalid: ";
    private static final Set<ValueType> SCALARS = EnumSet.of(ValueType.S, ValueType.N, ValueType.B);
    private static final Set<ValueType> STRING_OR_BINARY = EnumSet.of(ValueType.S, ValueType.B);
    private static final Set<ValueType> CONTAINABLE =
            EnumSet.of(ValueType.S, ValueType.N, ValueType.B, ValueType.BOOL, ValueType.NULL);

    /** The legacy comparison operators. */
    enum Op {
        EQ,
        NE,
        LE,
        LT,
        GE,
        GT,
        NOT_NULL,
        NULL,
        CONTAINS,
        NOT_CONTAINS,
        BEGINS_WITH,
        IN,
        BETWEEN
    }

    private LegacyConditions() {}

    static ConditionExpr expected(
            @Nullable Map<String, ExpectedAttributeValue> expected, @Nullable ConditionalOperator operator) {
        checkConditionalOperator(expected, operator);
        List<ConditionExpr> parts = new ArrayList<>();
        if (expected != null) {
            for (Map.Entry<String, ExpectedAttributeValue> e : expected.entrySet()) {
                parts.add(expectedOne(e.getKey(), e.getValue()));
            }
        }
        return combine(parts, operator, expected == null ? Set.of() : expected.keySet());
    }

    static ConditionExpr filter(@Nullable Map<String, Condition> filter, @Nullable ConditionalOperator operator) {
        checkConditionalOperator(filter, operator);
        List<ConditionExpr> parts = new ArrayList<>();
        if (filter != null) {
            for (Map.Entry<String, Condition> e : filter.entrySet()) {
                Condition c = e.getValue();
                Op op = op(c.comparisonOperatorAsString());
                List<AttributeValue> args =
                        validateArguments(op, c.hasAttributeValueList() ? c.attributeValueList() : List.of());
                parts.add(comparison(e.getKey(), op, args));
            }
        }
        return combine(parts, operator, filter == null ? Set.of() : filter.keySet());
    }

    private static void checkConditionalOperator(
            @Nullable Map<String, ?> conditions, @Nullable ConditionalOperator operator) {
        if (operator == null) {
            return;
        }
        if (conditions == null || conditions.isEmpty()) {
            throw EngineErrors.validation("ConditionalOperator cannot be used without Filter or Expected");
        }
        if (conditions.size() < 2) {
            throw EngineErrors.validation(
                    "ConditionalOperator can only be used when Filter or Expected has two or more elements");
        }
    }

    private static ConditionExpr combine(
            List<ConditionExpr> parts, @Nullable ConditionalOperator operator, Set<String> names) {
        boolean or = operator == ConditionalOperator.OR;
        ConditionExpr combined = parts.isEmpty() ? item -> true : parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            combined = or ? new Conditions.Or(combined, parts.get(i)) : new Conditions.And(combined, parts.get(i));
        }
        return new CompiledCondition(combined, new LinkedHashSet<>(names));
    }

    private static ConditionExpr expectedOne(String name, ExpectedAttributeValue e) {
        boolean hasList = e.hasAttributeValueList();
        if (e.value() != null && hasList) {
            throw EngineErrors.validation(
                    INVALID + "Value and AttributeValueList cannot be used together for " + "Attribute: " + name);
        }
        String opName = e.comparisonOperatorAsString();
        if (opName != null) {
            if (e.exists() != null) {
                throw EngineErrors.validation(
                        INVALID + "Exists and ComparisonOperator cannot be used together for " + "Attribute: " + name);
            }
            Op op = op(opName);
            if (op != Op.NULL && op != Op.NOT_NULL && !hasList && e.value() == null) {
                throw EngineErrors.validation(INVALID + "Value or AttributeValueList must be used with "
                        + "ComparisonOperator: " + opName + " for Attribute: " + name);
            }
            List<AttributeValue> args =
                    hasList ? e.attributeValueList() : e.value() != null ? List.of(e.value()) : List.of();
            return comparison(name, op, validateArguments(op, args));
        }
        if (hasList) {
            throw EngineErrors.validation(INVALID + "AttributeValueList can only be used with a ComparisonOperator "
                    + "for Attribute: " + name);
        }
        boolean exists = e.exists() == null || e.exists();
        if (exists && e.value() == null) {
            throw EngineErrors.validation(INVALID + "Value must be provided when Exists is "
                    + (e.exists() == null ? "null" : "true") + " for Attribute: " + name);
        }
        if (!exists) {
            if (e.value() != null) {
                throw EngineErrors.validation(
                        INVALID + "Value cannot be used when Exists is false for Attribute: " + name);
            }
            return comparison(name, Op.NULL, List.of());
        }
        return comparison(name, Op.EQ, List.of(AttributeValues.normalizeOperand(e.value())));
    }

    static Op op(@Nullable String name) {
        if (name != null) {
            for (Op op : Op.values()) {
                if (op.name().equals(name)) {
                    return op;
                }
            }
        }
        throw EngineErrors.validation("Comparison type does not exist in DynamoDB");
    }

    /** Checks the argument list of a comparison as DynamoDB does and returns it normalised. */
    static List<AttributeValue> validateArguments(Op op, List<AttributeValue> raw) {
        List<AttributeValue> args = new ArrayList<>(raw.size());
        for (AttributeValue v : raw) {
            args.add(AttributeValues.normalizeOperand(v));
        }
        int n = args.size();
        boolean countOk;
        switch (op) {
            case NULL:
            case NOT_NULL:
                countOk = n == 0;
                break;
            case IN:
                countOk = n > 0;
                break;
            case BETWEEN:
                countOk = n == 2;
                break;
            default:
                countOk = n == 1;
        }
        if (!countOk) {
            throw EngineErrors.validation(
                    INVALID + "Invalid number of argument(s) for the " + op + " ComparisonOperator");
        }
        if (n == 0) {
            return args;
        }
        ValueType type = AttributeValues.typeOf(args.get(0));
        for (AttributeValue v : args) {
            if (AttributeValues.typeOf(v) != type) {
                throw EngineErrors.validation(
                        INVALID + "AttributeValues inside AttributeValueList must be of same " + "type");
            }
        }
        Set<ValueType> allowed = allowedTypes(op);
        if (allowed != null && !allowed.contains(type)) {
            throw EngineErrors.validation(
                    INVALID + "ComparisonOperator " + op + " is not valid for " + type + " AttributeValue type");
        }
        if (op == Op.BETWEEN && AttributeValues.compare(args.get(0), args.get(1)) > 0) {
            throw EngineErrors.validation(
                    "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
        }
        return args;
    }

    private static @Nullable Set<ValueType> allowedTypes(Op op) {
        switch (op) {
            case LE:
            case LT:
            case GE:
            case GT:
            case IN:
            case BETWEEN:
                return SCALARS;
            case BEGINS_WITH:
                return STRING_OR_BINARY;
            case CONTAINS:
            case NOT_CONTAINS:
                return CONTAINABLE;
            default:
                return null;
        }
    }

    private static ConditionExpr comparison(String name, Op op, List<AttributeValue> args) {
        Operand path = new Operands.PathOperand(DocPath.of(name));
        List<Operand> values = new ArrayList<>(args.size());
        for (AttributeValue v : args) {
            values.add(new Operands.Constant(v));
        }
        switch (op) {
            case EQ, NE, LE, LT, GE, GT:
                // the six comparisons are named alike in both languages
                return new Conditions.Compare(Conditions.Comparator.valueOf(op.name()), path, values.get(0));
            case NOT_NULL:
                return new Conditions.Exists(path, true);
            case NULL:
                return new Conditions.Exists(path, false);
            case CONTAINS:
                return new Conditions.Contains(path, values.get(0));
            case NOT_CONTAINS:
                return new Conditions.And(
                        new Conditions.Exists(path, true),
                        new Conditions.Not(new Conditions.Contains(path, values.get(0))));
            case BEGINS_WITH:
                return new Conditions.BeginsWith(path, values.get(0));
            case IN:
                return new Conditions.In(path, values);
            default:
                return new Conditions.Between(path, values.get(0), values.get(1));
        }
    }
}
