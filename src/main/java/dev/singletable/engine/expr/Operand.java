package dev.singletable.engine.expr;

import dev.singletable.engine.value.ValueType;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An executable operand: evaluates to a value of the item, or null when it has none (missing attribute...). An
 * interface, so that the operands ({@link Operands}) can be records: immutable nodes named by their parts.
 */
interface Operand {

    @Nullable
    AttributeValue eval(Map<String, AttributeValue> item);

    /** The type every evaluation has, when known before evaluation (constants and function results). */
    default @Nullable ValueType staticType() {
        return null;
    }

    /** The document path when this operand is a plain path, else null. */
    default @Nullable DocPath path() {
        return null;
    }
}
