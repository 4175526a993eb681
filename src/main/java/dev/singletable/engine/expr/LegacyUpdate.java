package dev.singletable.engine.expr;

import dev.singletable.engine.error.EngineErrors;
import dev.singletable.engine.value.AttributeValues;
import dev.singletable.engine.value.ValueType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * The legacy AttributeUpdates parameter as an update: PUT replaces an attribute, DELETE removes it (or, with a set
 * value, removes those members), ADD adds to a number, unites sets or appends to a list. Names are literal.
 * See [1].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.html">Legacy conditional parameters</a>
 */
final class LegacyUpdate implements UpdateExpr {

    @Override
    public boolean legacy() {
        return true;
    }

    private static final String TYPE_MISMATCH = "Type mismatch for attribute to update";

    private final Map<String, AttributeAction> actions = new LinkedHashMap<>();
    /** The value each attribute is given; null for a DELETE without a value. */
    private final Map<String, @Nullable AttributeValue> values = new LinkedHashMap<>();

    private final Projector updated;

    LegacyUpdate(Map<String, AttributeValueUpdate> updates) {
        List<DocPath> paths = new ArrayList<>();
        for (Map.Entry<String, AttributeValueUpdate> e : updates.entrySet()) {
            String name = e.getKey();
            if (name == null || name.isEmpty()) {
                throw EngineErrors.validation("Empty attribute name");
            }
            AttributeValueUpdate u = e.getValue();
            AttributeAction action = action(name, u.actionAsString());
            AttributeValue value = u.value() == null ? null : AttributeValues.normalizeOperand(u.value());
            if (value != null) {
                CompiledUpdate.checkNesting(DocPath.of(name), value);
            }
            if (value == null && action != AttributeAction.DELETE) {
                throw EngineErrors.validation(LegacyConditions.INVALID
                        + "Only DELETE action is allowed when no attribute value is specified");
            }
            if (value != null) {
                ValueType t = AttributeValues.typeOf(value);
                if (action == AttributeAction.DELETE && !isSet(t)) {
                    throw EngineErrors.validation(LegacyConditions.INVALID
                            + "DELETE action with value is not supported for the type " + UpdateResolver.longName(t));
                }
                if (action == AttributeAction.ADD && !isSet(t) && t != ValueType.N && t != ValueType.L) {
                    throw EngineErrors.validation(LegacyConditions.INVALID + "ADD action is not supported for the type "
                            + UpdateResolver.longName(t));
                }
            }
            actions.put(name, action);
            values.put(name, value);
            paths.add(DocPath.of(name));
        }
        this.updated = new Projector(paths);
    }

    private static AttributeAction action(String name, String raw) {
        if (raw == null) {
            return AttributeAction.PUT;
        }
        AttributeAction a = AttributeAction.fromValue(raw);
        if (a == null || a == AttributeAction.UNKNOWN_TO_SDK_VERSION) {
            throw EngineErrors.shapeViolations(List.of("Value '" + raw + "' at 'attributeUpdates." + name
                    + ".member.action' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[ADD, PUT, DELETE]"));
        }
        return a;
    }

    private static boolean isSet(ValueType t) {
        return t == ValueType.SS || t == ValueType.NS || t == ValueType.BS;
    }

    @Override
    public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> out = new LinkedHashMap<>(item);
        for (Map.Entry<String, AttributeAction> e : actions.entrySet()) {
            String name = e.getKey();
            AttributeValue value = values.get(name);
            AttributeValue current = out.get(name);
            @Nullable AttributeValue result;
            if (value == null) {
                result = null; // DELETE without a value (the only action allowed without one) removes the attribute
            } else {
                switch (e.getValue()) {
                    case PUT:
                        result = value;
                        break;
                    case DELETE:
                        result = retype(() -> DocumentEditor.delete(current, value));
                        break;
                    default:
                        result = add(current, value);
                }
            }
            if (result == null) {
                out.remove(name);
            } else {
                out.put(name, result);
            }
        }
        return out;
    }

    private static AttributeValue add(@Nullable AttributeValue current, AttributeValue value) {
        if (value.hasL()) {
            if (current == null) {
                return value;
            }
            if (!current.hasL()) {
                throw EngineErrors.validation(TYPE_MISMATCH);
            }
            List<AttributeValue> joined = new ArrayList<>(current.l());
            joined.addAll(value.l());
            return AttributeValue.fromL(joined);
        }
        return retype(() -> DocumentEditor.add(current, value));
    }

    /** The shared set arithmetic reports the expression-language wording; the legacy API words it differently. */
    private static <T extends @Nullable Object> T retype(java.util.function.Supplier<T> edit) {
        try {
            return edit.get();
        } catch (DynamoDbException e) {
            if (ExprErrors.WRONG_OPERAND_TYPE.equals(e.awsErrorDetails().errorMessage())) {
                throw EngineErrors.validation(TYPE_MISMATCH);
            }
            throw e;
        }
    }

    @Override
    public Set<String> topLevelAttributes() {
        return Collections.unmodifiableSet(actions.keySet());
    }

    @Override
    public Map<String, AttributeValue> projectUpdated(Map<String, AttributeValue> item) {
        return updated.apply(item);
    }
}
