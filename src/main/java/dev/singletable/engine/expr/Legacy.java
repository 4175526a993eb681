package dev.singletable.engine.expr;

import dev.singletable.engine.error.EngineErrors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ConditionalOperator;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;

/**
 * The legacy (pre-expression) request parameters, translated into the same executable interfaces as expressions,
 * with DynamoDB's validation messages.
 * The parameters are described in [1].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.html">Legacy conditional parameters</a>
 */
public final class Legacy {

    private Legacy() {}

    /** Expected (PutItem, UpdateItem, DeleteItem); op may be null (AND). */
    public static ConditionExpr condition(
            @Nullable Map<String, ExpectedAttributeValue> expected, @Nullable ConditionalOperator op) {
        return LegacyConditions.expected(expected, op);
    }

    /** QueryFilter / ScanFilter; op may be null (AND). */
    public static ConditionExpr filter(@Nullable Map<String, Condition> filter, @Nullable ConditionalOperator op) {
        return LegacyConditions.filter(filter, op);
    }

    public static KeyConditionExpr keyConditions(@Nullable Map<String, Condition> conditions) {
        return new LegacyKeyConditions(conditions);
    }

    /** AttributeUpdates (UpdateItem). */
    public static UpdateExpr update(Map<String, AttributeValueUpdate> updates) {
        return new LegacyUpdate(updates);
    }

    /** AttributesToGet: top-level names, literal (a dot is part of the name). */
    public static ProjectionExpr attributesToGet(List<String> names) {
        if (names.isEmpty()) {
            throw EngineErrors.shapeViolations(List.of("Value '[]' at 'attributesToGet' failed to satisfy constraint: "
                    + "Member must have length greater than or equal to 1"));
        }
        Set<String> seen = new HashSet<>();
        List<DocPath> paths = new ArrayList<>(names.size());
        for (String name : names) {
            if (name == null || name.isEmpty()) {
                throw EngineErrors.validation("Empty attribute name");
            }
            if (!seen.add(name)) {
                throw EngineErrors.validation(LegacyConditions.INVALID + "Duplicate value in attribute name: " + name);
            }
            paths.add(DocPath.of(name));
        }
        return new CompiledProjection(paths);
    }
}
