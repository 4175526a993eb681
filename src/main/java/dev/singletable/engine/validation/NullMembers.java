package dev.singletable.engine.validation;

import dev.singletable.engine.error.EngineErrors;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Refuses a request that holds a {@code null} inside one of its lists or maps ({@code "TransactItems":[null]},
 * {@code "RequestItems":{"t":null}}, {@code "ScanFilter":{"a":null}} ...), which JSON allows, the SDK can build, and
 * the operations would otherwise trip over. The front end lets such nulls through, and DynamoDB's own checks then
 * refuse them, each in its own words: those below are DynamoDB Local's (our oracle) where it answers 400; where it
 * fails with a 500 itself, the refusal is worded the way the request validator words a missing member. Runs after
 * the shape walk, before the operation; every list and map of every request is visited, attribute values excepted
 * (their own validation refuses a null value inside them). Every refusal is a ValidationException [1].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/CommonErrors.html">Common Errors</a>
 */
final class NullMembers {

    private static final String MISSING = "Member must not be null";

    private NullMembers() {}

    static void check(SdkPojo request) {
        structure(request, "");
    }

    private static void structure(SdkPojo pojo, String path) {
        for (SdkField<?> field : pojo.sdkFields()) {
            if (!mayHoldNulls(field)) {
                // a scalar holds no null inside it; and reading one may make its default: for an idempotency token
                // (TransactWriteItems' ClientRequestToken) a fresh UUID.randomUUID(), which takes the JDK's one
                // SecureRandom lock on every transaction (docs/benchmarks.md, "Service")
                continue;
            }
            Object value = field.getValueOrDefault(pojo);
            if (value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap || value == null) {
                continue;
            }
            String member = ShapeWalker.lowerFirst(field.memberName());
            value(value, field, field.memberName(), path.isEmpty() ? member : path + "." + member);
        }
    }

    /**
     * Looks inside a member's value: {@code field} describes the value, {@code name} is the API's name of the
     * member that holds it (a list's elements and a map's values are described by its member field).
     */
    private static void value(Object value, SdkField<?> field, String name, String path) {
        if (value instanceof AttributeValue) {
            return;
        }
        if (value instanceof SdkPojo pojo) {
            structure(pojo, path);
        } else if (value instanceof List<?> list) {
            SdkField<?> element = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            int position = 1;
            for (Object e : list) {
                String at = path + "." + position + ".member";
                if (e == null) {
                    if (!isAttributeValue(element) || name.equals("Parameters")) {
                        throw nullElement(name, path, at);
                    }
                } else {
                    value(e, element, name, at);
                }
                position++;
            }
        } else if (value instanceof Map<?, ?> map) {
            SdkField<?> entryValue = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String at = path + "." + entry.getKey() + ".member";
                if (entry.getValue() != null) {
                    value(entry.getValue(), entryValue, name, at);
                } else if (entryValue.marshallingType().getKnownType() != MarshallingKnownType.STRING
                        && !isAttributeValue(entryValue)) {
                    throw nullValue(name, String.valueOf(entry.getKey()), at);
                }
                // a null attribute value or name is refused by the validation of values and expressions
            }
        }
    }

    /** Lists, maps and structures: the only members that can hold a null inside them. */
    private static boolean mayHoldNulls(SdkField<?> field) {
        MarshallingKnownType type = field.marshallingType().getKnownType();
        return type == MarshallingKnownType.LIST
                || type == MarshallingKnownType.MAP
                || type == MarshallingKnownType.SDK_POJO;
    }

    private static boolean isAttributeValue(SdkField<?> field) {
        return field.marshallingType().getKnownType() == MarshallingKnownType.SDK_POJO
                && field.constructor().get() instanceof AttributeValue.Builder;
    }

    private static RuntimeException nullElement(String list, String path, String at) {
        return switch (list) {
            case "TransactItems" -> EngineErrors.shapeViolations(List.of(missing(path)));
            case "RequestItems" ->
                EngineErrors.validation("The batch write request list for a table cannot be null " + "or empty");
            case "Keys" ->
                EngineErrors.validation("The list of keys in RequestItems for BatchGetItem may not contain "
                        + "null or empty values: " + tableOf(path) + " has one or more empty keys");
            case "TransactStatements" ->
                EngineErrors.validation("ExecutePartiQLTransaction can not have empty " + "statement.");
            case "Statements" -> EngineErrors.validation("The statement was empty.");
            case "Parameters" -> EngineErrors.validation("The supplied Item contains a null AttributeValue");
            case "KeySchema" -> EngineErrors.validation("Key schema element is invalid.");
            case "AttributesToGet" -> EngineErrors.validation("Empty attribute name");
            default -> EngineErrors.shapeViolations(List.of(missing(at)));
        };
    }

    private static RuntimeException nullValue(String map, String key, String at) {
        return switch (map) {
            case "RequestItems" ->
                EngineErrors.validation("The list of keys in RequestItems for BatchGetItem is " + "required: " + key
                        + " has empty list");
            case "ScanFilter", "QueryFilter", "KeyConditions" ->
                EngineErrors.validation("The filter condition for an " + "attribute cannot be null: " + key);
            case "Expected" ->
                EngineErrors.validation("One or more parameter values were invalid: "
                        + "ExpectedAttributeValue must not be null for Attribute: " + key);
            default -> EngineErrors.shapeViolations(List.of(missing(at)));
        };
    }

    private static String missing(String path) {
        return "Value null at '" + path + "' failed to satisfy constraint: " + MISSING;
    }

    /** The table named in a path such as {@code requestItems.t.member.keys}. */
    private static String tableOf(String path) {
        String rest = path.substring("requestItems.".length());
        return rest.substring(0, rest.lastIndexOf(".member."));
    }
}
