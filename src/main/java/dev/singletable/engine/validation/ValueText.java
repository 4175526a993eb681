package dev.singletable.engine.validation;

import java.util.Collection;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How a rejected value appears in a ValidationException's message [1]: {@code null} bare, anything else in single
 * quotes, model objects as the SDK's beans print themselves.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/CommonErrors.html">Common Errors</a>
 */
final class ValueText {

    private ValueText() {}

    static String of(@Nullable Object value) {
        return value == null ? "null" : "'" + render(value) + "'";
    }

    private static String render(@Nullable Object value) {
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
        if (value instanceof SdkPojo pojo && !(value instanceof AttributeValue)) {
            // AWS prints its own model beans: KeySchemaElement(attributeName=pk, keyType=HASH)
            StringJoiner joined = new StringJoiner(", ", pojo.getClass().getSimpleName() + "(", ")");
            for (SdkField<?> field : pojo.sdkFields()) {
                Object member = field.getValueOrDefault(pojo);
                if (member != null
                        && !(member instanceof SdkAutoConstructList)
                        && !(member instanceof SdkAutoConstructMap)) {
                    joined.add(ShapeWalker.lowerFirst(field.memberName()) + "=" + render(member));
                }
            }
            return joined.toString();
        }
        if (value instanceof SdkBytes bytes) {
            return bytes.asByteBuffer().toString();
        }
        return String.valueOf(value);
    }
}
