package dev.singletable.engine.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Walks an SDK request depth-first through {@link SdkPojo#sdkFields()}, checking each member against
 * {@link ShapeRules} and naming it as AWS does: camelCase members joined by dots, list elements as
 * {@code .<n>.member} (1-based), map entries as {@code .<key>.member}. Stops after {@link #MAX_VIOLATIONS}, like AWS.
 */
final class ShapeWalker {

    /** AWS reports at most this many violations in one message. */
    static final int MAX_VIOLATIONS = 10;

    private final List<String> violations = new ArrayList<>();

    List<String> walk(SdkPojo request) {
        structure(request, "");
        return violations;
    }

    private boolean full() {
        return violations.size() >= MAX_VIOLATIONS;
    }

    /** Per model class: its shape rules and its fields in AWS's checking order, worked out once. */
    private record ClassPlan(ShapeRules.Shape shape, List<SdkField<?>> fields) {
    }

    private static final Map<Class<?>, ClassPlan> PLANS = new java.util.concurrent.ConcurrentHashMap<>();

    private static ClassPlan plan(SdkPojo pojo) {
        return PLANS.computeIfAbsent(pojo.getClass(), type -> {
            ShapeRules.Shape shape = ShapeRules.of(type.getSimpleName());
            return new ClassPlan(shape, ordered(pojo.sdkFields(), shape.order()));
        });
    }

    private void structure(SdkPojo pojo, String path) {
        ClassPlan plan = plan(pojo);
        ShapeRules.Shape shape = plan.shape();
        for (SdkField<?> field : plan.fields()) {
            if (full()) {
                return;
            }
            String member = field.memberName();
            Object value = present(field.getValueOrDefault(pojo));
            MemberRules rules = shape.members().get(member);
            if (rules == null && !descendable(value)) {
                continue;   // nothing to check here and nothing below: skip building its path
            }
            String memberPath = path.isEmpty() ? lowerFirst(member) : path + "." + lowerFirst(member);
            if (rules != null) {
                check(rules, value, memberPath);
            }
            descend(value, memberPath, rules);
        }
    }

    /** Whether a value can hold nested structures with rules of their own (attribute values carry none). */
    private static boolean descendable(Object value) {
        if (value instanceof AttributeValue) {
            return false;
        }
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                return false;
            }
            Object first = map.values().iterator().next();
            return !(first instanceof AttributeValue);
        }
        return value instanceof SdkPojo || value instanceof Collection<?>;
    }

    private void check(MemberRules rules, Object value, String path) {
        for (Constraint constraint : rules.self()) {
            report(constraint.violations(value), value, path);
        }
        if (value instanceof Collection<?> list && !rules.element().isEmpty()) {
            int position = 1;
            for (Object element : list) {
                for (Constraint constraint : rules.element()) {
                    report(constraint.violations(element), element, path + "." + position + ".member");
                }
                position++;
            }
        }
        if (value instanceof Map<?, ?> map) {
            checkMapPart(rules.key(), map.keySet(), map, path, "Map keys must satisfy constraint: ");
            checkMapPart(rules.value(), map.values(), map, path, "Map value must satisfy constraint: ");
        }
    }

    /** A map's keys (or values) are checked together and reported once, listing all of their constraints. */
    private void checkMapPart(List<Constraint> constraints, Collection<?> parts, Map<?, ?> map, String path,
            String prefix) {
        if (constraints.isEmpty()) {
            return;
        }
        for (Object part : parts) {
            for (Constraint constraint : constraints) {
                if (!constraint.violations(part).isEmpty()) {
                    List<String> all = new ArrayList<>();
                    constraints.forEach(c -> all.addAll(c.describe()));
                    report(List.of(prefix + "[" + String.join(", ", all) + "]"), map, path);
                    return;
                }
            }
        }
    }

    private void descend(Object value, String path, MemberRules rules) {
        if (value instanceof SdkPojo pojo && !(value instanceof AttributeValue)) {
            structure(pojo, path);
        } else if (value instanceof Collection<?> list) {
            int position = 1;
            for (Object element : list) {
                if (element instanceof SdkPojo pojo && !(element instanceof AttributeValue)) {
                    structure(pojo, path + "." + position + ".member");
                }
                position++;
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Object entryValue = entry.getValue();
                if ((entryValue instanceof SdkPojo && !(entryValue instanceof AttributeValue))
                        || (entryValue instanceof Collection<?> && descendable(entryValue))) {
                    descend(entryValue, path + "." + entry.getKey() + ".member", null);
                }
            }
        }
    }

    private void report(List<String> texts, Object value, String path) {
        for (String text : texts) {
            if (full()) {
                return;
            }
            violations.add("Value " + ValueText.of(value) + " at '" + path + "' failed to satisfy constraint: " + text);
        }
    }

    /** The SDK's "not set" collections count as absent. */
    private static Object present(Object value) {
        if (value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
            return null;
        }
        return value;
    }

    private static List<SdkField<?>> ordered(List<SdkField<?>> fields, List<String> first) {
        if (first.isEmpty()) {
            return fields;
        }
        List<SdkField<?>> sorted = new ArrayList<>(fields);
        sorted.sort(Comparator.comparingInt(f -> {
            int index = first.indexOf(f.memberName());
            return index < 0 ? first.size() : index;
        }));
        return sorted;
    }

    static String lowerFirst(String member) {
        return member.isEmpty() ? member : Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }
}
