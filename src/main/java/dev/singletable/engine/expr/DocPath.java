package dev.singletable.engine.expr;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A resolved document path such as {@code a.b[2].c}: map keys (placeholders already substituted) and list indexes.
 * Element {@code i} is the key {@code names[i]}, or the list index {@code indexes[i]} when {@code names[i]} is null.
 * The first element is always a name (a path starts at a top-level attribute).
 * Paths are written as [1] describes.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.Attributes.html">Referring to item attributes when using expressions</a>
 */
final class DocPath {

    final @Nullable String[] names;
    final int[] indexes;

    DocPath(@Nullable String[] names, int[] indexes) {
        this.names = names;
        this.indexes = indexes;
    }

    static DocPath of(String name) {
        return new DocPath(new String[] {name}, new int[1]);
    }

    int length() {
        return names.length;
    }

    boolean isIndex(int i) {
        return names[i] == null;
    }

    String top() {
        return java.util.Objects.requireNonNull(names[0], "a document path starts with an attribute name");
    }

    /** The value at this path in the item, or null when any step is missing or has the wrong type. */
    @Nullable
    AttributeValue get(Map<String, AttributeValue> item) {
        AttributeValue v = item.get(names[0]);
        for (int i = 1; i < names.length && v != null; i++) {
            v = step(v, i);
        }
        return v;
    }

    /** The child of {@code container} named by element {@code i}, or null. */
    @Nullable
    AttributeValue step(AttributeValue container, int i) {
        if (names[i] != null) {
            return container.hasM() ? container.m().get(names[i]) : null;
        }
        if (!container.hasL()) {
            return null;
        }
        List<AttributeValue> l = container.l();
        return indexes[i] < l.size() ? l.get(indexes[i]) : null;
    }

    /** DynamoDB's rendering in messages: {@code [a, b, [2]]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            if (names[i] != null) {
                sb.append(names[i]);
            } else {
                sb.append('[').append(indexes[i]).append(']');
            }
        }
        return sb.append(']').toString();
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof DocPath
                && Arrays.equals(names, ((DocPath) o).names)
                && Arrays.equals(indexes, ((DocPath) o).indexes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(names) * 31 + Arrays.hashCode(indexes);
    }
}
