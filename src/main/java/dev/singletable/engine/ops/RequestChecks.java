package dev.singletable.engine.ops;

import dev.singletable.engine.error.EngineErrors;
import dev.singletable.engine.value.AttributeValues;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The item-level checks AWS makes before it looks the table up, so that a request to a missing table with one of
 * these faults gets the ValidationException, not ResourceNotFoundException: an item above 400 KB, an empty string or
 * binary in a {@code Key} (every attribute of a Key is a key attribute), the same key twice in one BatchGetItem table
 * or among one table's delete requests (the request shape, then the values, then the table, as the API reference's
 * error list orders them [1]).
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/CommonErrors.html">Common Errors</a>
 */
final class RequestChecks {

    private RequestChecks() {}

    /**
     * A whole item's size, which needs no table to compute; returned so the write need not compute it again
     * ({@link ItemWrites#newItem}).
     */
    static long itemSize(Map<String, AttributeValue> normalizedItem) {
        long size = AttributeValues.itemSize(normalizedItem);
        if (size > ItemWrites.MAX_ITEM_BYTES) {
            throw EngineErrors.validation("Item size has exceeded the maximum allowed size");
        }
        return size;
    }

    /** No attribute of a Key may be an empty string or binary. */
    static void keyValuesNotEmpty(Map<String, AttributeValue> key) {
        if (key == null) {
            return;
        }
        for (Map.Entry<String, AttributeValue> e : key.entrySet()) {
            AttributeValue v = e.getValue();
            boolean emptyString = v.s() != null && v.s().isEmpty();
            if (emptyString || (v.b() != null && v.b().asByteArrayUnsafe().length == 0)) {
                throw EngineErrors.validation("One or more parameter values are not valid. The AttributeValue for a "
                        + "key attribute cannot contain an empty " + (emptyString ? "string" : "binary")
                        + " value. Key: "
                        + e.getKey());
            }
        }
    }

    /**
     * The same key (the same attributes and values) twice in one list: normalized keys for BatchWriteItem, where
     * {@code 1000} and {@code 1e3} are one item, the keys as sent for BatchGetItem, whose check AWS makes on the text.
     */
    static void noDuplicateKeys(List<Map<String, AttributeValue>> normalizedKeys) {
        Set<Map<String, AttributeValue>> seen = new HashSet<>();
        for (Map<String, AttributeValue> key : normalizedKeys) {
            if (!seen.add(key)) {
                throw EngineErrors.validation("Provided list of item keys contains duplicates");
            }
        }
    }
}
