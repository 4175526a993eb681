package dev.singletable.engine.validation;

import java.util.Collection;
import java.util.Map;
import java.util.StringJoiner;
import software.amazon.awssdk.core.SdkBytes;

/** How a rejected value appears in a validation message: {@code null} bare, anything else in single quotes. */
final class ValueText {

    private ValueText() {
    }

    static String of(Object value) {
        return value == null ? "null" : "'" + render(value) + "'";
    }

    private static String render(Object value) {
        if (value instanceof Collection<?> list) {
            StringJoiner joined = new StringJoiner(", ", "[", "]");
            list.forEach(element -> joined.add(render(element)));
            return joined.toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringJoiner joined = new StringJoiner(", ", "{", "}");
            map.forEach((k, v) -> joined.add(k + "=" + render(v)));
            return joined.toString();
        }
        if (value instanceof SdkBytes bytes) {
            return bytes.asByteBuffer().toString();
        }
        return String.valueOf(value);
    }
}
