package dev.singletable.engine.expr;

import dev.singletable.engine.error.EngineErrors;
import dev.singletable.engine.value.AttributeValues;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Names and values of one request, shared by all its expressions; records which were used.
 *
 * <p>The constructor validates both maps as DynamoDB does before it looks at any expression: a map that was sent
 * but is empty, placeholder keys that are not {@code #word} / {@code :word}, empty names, invalid values. A map the
 * SDK auto-constructed (the request did not set it) counts as absent.
 * The placeholders are those of [1] and [2].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ExpressionAttributeNames.html">Expression attribute names (aliases)</a>
 * <br>[2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ExpressionAttributeValues.html">Using expression attribute values</a>
 */
public final class ExpressionContext {

    /** Longest placeholder, including its # or :. */
    private static final int MAX_KEY_LENGTH = 255;

    private static final int MAX_NAME_BYTES = 65535;

    private final Map<String, String> names;
    private final Map<String, AttributeValue> values;
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedValues = new HashSet<>();

    public ExpressionContext(@Nullable Map<String, String> names, @Nullable Map<String, AttributeValue> values) {
        this(names, values, true);
    }

    private ExpressionContext(
            @Nullable Map<String, String> names, @Nullable Map<String, AttributeValue> values, boolean normalize) {
        this.names = validateNames(names);
        this.values = validateValues(values, normalize);
    }

    /**
     * As the constructor, for values the caller has already normalised one by one with
     * {@code AttributeValues.normalizeOperand} (and reported the first invalid one): the same checks, in the same
     * order, without normalising every value a second time on each request.
     */
    public static ExpressionContext ofNormalizedValues(
            @Nullable Map<String, String> names, @Nullable Map<String, AttributeValue> normalizedValues) {
        return new ExpressionContext(names, normalizedValues, false);
    }

    /**
     * Throws DynamoDB's errors for names/values supplied but used by no expression of the request. Call after
     * parsing all expressions of the request (and before resolving a key condition against the key schema).
     */
    public void verifyAllUsed() {
        // only defined placeholders are recorded as used, so equal sizes mean none is unused
        if (usedNames.size() == names.size() && usedValues.size() == values.size()) {
            return;
        }
        Set<String> unusedNames = new TreeSet<>(names.keySet());
        unusedNames.removeAll(usedNames);
        if (!unusedNames.isEmpty()) {
            throw EngineErrors.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + String.join(", ", unusedNames) + "}");
        }
        Set<String> unusedValues = new TreeSet<>(values.keySet());
        unusedValues.removeAll(usedValues);
        if (!unusedValues.isEmpty()) {
            throw EngineErrors.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                    + String.join(", ", unusedValues) + "}");
        }
    }

    /** The attribute name behind {@code #ref}, marking it used, or null when the request does not define it. */
    @Nullable
    String name(String ref) {
        String name = names.get(ref);
        if (name != null) {
            usedNames.add(ref);
        }
        return name;
    }

    /** The (normalised) value behind {@code :ref}, marking it used, or null when the request does not define it. */
    @Nullable
    AttributeValue value(String ref) {
        AttributeValue v = values.get(ref);
        if (v != null) {
            usedValues.add(ref);
        }
        return v;
    }

    private static Map<String, String> validateNames(@Nullable Map<String, String> names) {
        if (names == null || names instanceof SdkAutoConstructMap) {
            return Collections.emptyMap();
        }
        if (names.isEmpty()) {
            throw EngineErrors.validation("ExpressionAttributeNames must not be empty");
        }
        for (String key : names.keySet()) {
            if (key != null && key.length() > MAX_KEY_LENGTH) {
                throw EngineErrors.validation("ExpressionAttributeNames contains invalid key: The expression attribute "
                        + "map contains a key that is too long; size of key: " + key.length());
            }
            if (key.isEmpty()) {
                throw EngineErrors.validation("ExpressionAttributeNames contains invalid key: The expression attribute "
                        + "map contains an empty key;");
            }
            if (!isPlaceholder(key, '#')) {
                throw EngineErrors.validation(
                        "ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + key + "\"");
            }
        }
        for (Map.Entry<String, String> e : names.entrySet()) {
            if (e.getValue() == null || e.getValue().isEmpty()) {
                throw EngineErrors.validation(
                        "ExpressionAttributeNames contains invalid value: Empty attribute name for key " + e.getKey());
            }
            if (e.getValue().length() > MAX_NAME_BYTES / 3
                    && e.getValue().getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
                throw EngineErrors.validation("ExpressionAttributeNames contains invalid value: Attribute name is too "
                        + "large, must be less than 65536 bytes for key " + e.getKey());
            }
        }
        return names;
    }

    private static Map<String, AttributeValue> validateValues(
            @Nullable Map<String, AttributeValue> values, boolean normalize) {
        if (values == null || values instanceof SdkAutoConstructMap) {
            return Collections.emptyMap();
        }
        if (values.isEmpty()) {
            throw EngineErrors.validation("ExpressionAttributeValues must not be empty");
        }
        for (String key : values.keySet()) {
            if (key != null && key.length() > MAX_KEY_LENGTH) {
                throw EngineErrors.validation(
                        "ExpressionAttributeValues contains invalid key: The expression attribute "
                                + "map contains a key that is too long;");
            }
            if (key.isEmpty()) {
                throw EngineErrors.validation(
                        "ExpressionAttributeValues contains invalid key: The expression attribute "
                                + "map contains an empty key;");
            }
            if (!isPlaceholder(key, ':')) {
                throw EngineErrors.validation(
                        "ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + key + "\"");
            }
        }
        if (!normalize) {
            return values;
        }
        Map<String, AttributeValue> normalized = new LinkedHashMap<>();
        for (Map.Entry<String, AttributeValue> e : values.entrySet()) {
            try {
                normalized.put(e.getKey(), AttributeValues.normalizeOperand(e.getValue()));
            } catch (DynamoDbException ex) {
                throw EngineErrors.validation("ExpressionAttributeValues contains invalid value: "
                        + ex.awsErrorDetails().errorMessage() + " for key " + e.getKey());
            }
        }
        return normalized;
    }

    private static boolean isPlaceholder(String key, char prefix) {
        if (key == null || key.length() < 2 || key.charAt(0) != prefix) {
            return false;
        }
        for (int i = 1; i < key.length(); i++) {
            if (!Lexer.isWordChar(key.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
