package dev.singletable.engine.value;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Validation, normalisation, equality, ordering and sizing of SDK attribute values, as DynamoDB does them. */
public final class AttributeValues {

    private AttributeValues() {
    }

    /** The single type set on {@code v}; a validation error if none or more than one is set. */
    public static ValueType typeOf(AttributeValue v) {
        throw new UnsupportedOperationException();
    }

    /** Validates one attribute value as DynamoDB does on input and returns it normalised (numbers canonical). */
    public static AttributeValue normalize(AttributeValue v) {
        throw new UnsupportedOperationException();
    }

    /** {@link #normalize(AttributeValue)} applied to every value of an item. */
    public static Map<String, AttributeValue> normalizeItem(Map<String, AttributeValue> item) {
        throw new UnsupportedOperationException();
    }

    /** DynamoDB equality: numbers numerically, sets order-independent, maps and lists deep. */
    public static boolean equal(AttributeValue a, AttributeValue b) {
        throw new UnsupportedOperationException();
    }

    /** Ordering of two values of the same scalar type S, N or B. */
    public static int compare(AttributeValue a, AttributeValue b) {
        throw new UnsupportedOperationException();
    }

    /** Size DynamoDB charges for one attribute: UTF-8 name length plus value size. */
    public static long attributeSize(String name, AttributeValue v) {
        throw new UnsupportedOperationException();
    }

    /** Sum of {@link #attributeSize} over the item. */
    public static long itemSize(Map<String, AttributeValue> item) {
        throw new UnsupportedOperationException();
    }
}
