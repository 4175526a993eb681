package dev.singletable.engine.ops;

import dev.singletable.engine.error.EngineErrors;
import dev.singletable.engine.expr.ExpressionContext;
import dev.singletable.engine.value.AttributeValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * The checks DynamoDB makes on ExpressionAttributeNames/Values before parsing any expression, and the shared context
 * that records which of them the request's expressions use.
 */
final class ExpressionInputs {

    private ExpressionInputs() {
    }

    /**
     * @param names          the request's ExpressionAttributeNames, null when absent
     * @param values         the request's ExpressionAttributeValues, null when absent
     * @param anyExpressions whether the request carries at least one expression
     */
    static ExpressionContext context(Map<String, String> names, Map<String, AttributeValue> values,
            boolean anyExpressions) {
        return context(names, values, anyExpressions, new String[0]);
    }

    /**
     * @param valueExpressions pairs of (parameter name, expression text or null) naming the request's expressions
     *                         that may use values, in the order DynamoDB lists them when all of them are missing
     */
    static ExpressionContext context(Map<String, String> names, Map<String, AttributeValue> values,
            boolean anyExpressions, String... valueExpressions) {
        if (names != null && !anyExpressions) {
            throw EngineErrors.validation("ExpressionAttributeNames can only be specified when using expressions");
        }
        if (values != null) {
            List<String> missing = new ArrayList<>();
            boolean anyPresent = false;
            for (int i = 0; i < valueExpressions.length; i += 2) {
                missing.add(valueExpressions[i]);
                anyPresent |= valueExpressions[i + 1] != null;
            }
            if (!anyPresent) {
                // DynamoDB names the expressions that could have used the values
                throw EngineErrors.validation("ExpressionAttributeValues can only be specified when using expressions"
                        + (missing.isEmpty() ? "" : ": " + String.join(" and ", missing)
                        + (missing.size() == 1 ? " is null" : " are null")));
            }
        }
        if (names != null && names.isEmpty()) {
            throw EngineErrors.validation("ExpressionAttributeNames must not be empty");
        }
        if (values != null && values.isEmpty()) {
            throw EngineErrors.validation("ExpressionAttributeValues must not be empty");
        }
        return new ExpressionContext(names, values == null ? null : normalizeValues(values));
    }

    private static Map<String, AttributeValue> normalizeValues(Map<String, AttributeValue> values) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        for (Map.Entry<String, AttributeValue> e : values.entrySet()) {
            try {
                out.put(e.getKey(), AttributeValues.normalizeOperand(e.getValue()));
            } catch (DynamoDbException invalid) {
                throw EngineErrors.validation("ExpressionAttributeValues contains invalid value: "
                        + invalid.awsErrorDetails().errorMessage() + " for key " + e.getKey());
            }
        }
        return out;
    }

    /** Legacy (non-expression) parameters this engine does not implement are refused plainly, never ignored. */
    static void rejectLegacy(List<String> legacyPresent, List<String> expressionsPresent) {
        if (legacyPresent.isEmpty()) {
            return;
        }
        if (!expressionsPresent.isEmpty()) {
            throw EngineErrors.validation("Can not use both expression and non-expression parameters in the same request: "
                    + "Non-expression parameters: {" + String.join(", ", legacyPresent) + "} Expression parameters: {"
                    + String.join(", ", expressionsPresent) + "}");
        }
    }

    /** The SDK marks absent maps as auto-constructed; an explicitly empty map is a present one. */
    static <K, V> Map<K, V> present(boolean has, Map<K, V> map) {
        return has ? map : null;
    }
}
