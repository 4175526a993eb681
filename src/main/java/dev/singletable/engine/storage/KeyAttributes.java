package dev.singletable.engine.storage;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * An item's key attributes (its table's and its indexes'), looked up by name as key values. Loading a table whole
 * indexes items through it, so an item kept encoded need not be decoded, and a key decoded from storage needs no
 * AttributeValue on the way.
 */
@FunctionalInterface
public interface KeyAttributes {

    /** The named attribute as a key value of the given type, or null when the item has no such key attribute. */
    @Nullable
    KeyValue get(String name, ScalarAttributeType type);

    /** The key attributes of a decoded item; an attribute of another type than asked for counts as absent. */
    static KeyAttributes of(Map<String, AttributeValue> item) {
        return (name, type) -> {
            AttributeValue v = item.get(name);
            return v == null || !KeyValue.hasType(v, type) ? null : KeyValue.of(type, v);
        };
    }
}
