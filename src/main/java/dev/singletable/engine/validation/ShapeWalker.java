package dev.singletable.engine.validation;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.DefaultValueTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Walks an SDK request depth-first through {@link SdkPojo#sdkFields()}, checking each member against
 * {@link ShapeRules} and naming it as AWS does: camelCase members joined by dots, list elements as
 * {@code .<n>.member} (1-based), map entries as {@code .<key>.member}. Stops after {@link #MAX_VIOLATIONS}, like AWS.
 * On the way it notes whether any list or map of the request holds a {@code null} ({@link #sawNullInside}), so that
 * the second check, {@link NullMembers}, walks only the rare request that has one (docs/benchmarks.md, "Service").
 * The paths and the limit of ten are DynamoDB's ValidationException wording [1], measured against DynamoDB Local in
 * {@code RequestShapesDifferentialTest}.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/CommonErrors.html">Common Errors</a>
 */
final class ShapeWalker {

    /** AWS reports at most this many violations in one message. */
    static final int MAX_VIOLATIONS = 10;

    private final List<String> violations = new ArrayList<>();
    private boolean nullInside;

    List<String> walk(SdkPojo request) {
        structure(request, "", "");
        return violations;
    }

    /**
     * Whether the walk met a {@code null} element or map value anywhere {@link NullMembers} would look (or could not
     * tell, which counts as yes): when false, {@link NullMembers#check} has nothing to refuse. Meaningful only when the
     * walk found no violation (it stops early after {@link #MAX_VIOLATIONS}).
     */
    boolean sawNullInside() {
        return nullInside;
    }

    private boolean full() {
        return violations.size() >= MAX_VIOLATIONS;
    }

    /**
     * Per model class, worked out once: its shape rules and its fields in AWS's checking order, with each field's
     * rules (null when none) and its name as AWS spells it in paths. The walk runs on every request, so it builds a
     * member's path only when it reports a violation or descends below the member.
     */
    private record ClassPlan(
            ShapeRules.Shape shape,
            List<SdkField<?>> fields,
            List<@Nullable MemberRules> rules,
            List<String> names,
            List<String> apiNames,
            List<Function<Object, @Nullable Object>> readers,
            boolean[] scalars) {}

    private static final Map<Class<?>, ClassPlan> PLANS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Members whose values are plain scalars (strings, including enums' raw values, numbers, booleans, instants,
     * bytes): never a structure, list or map. The walk skips those without rules unread, and spares the rest the
     * {@code instanceof} tests against interfaces ({@code SdkPojo}, {@code Collection}, the SDK's auto-construct
     * markers), which on JDK 17 scan a class's secondary supers and thrash their one-entry cache when one call site
     * sees many classes (JDK-8180450): about a third of the walk's samples in issue 21's profile of a Query.
     */
    private static final Set<MarshallingType<?>> SCALARS = Set.of(
            MarshallingType.STRING,
            MarshallingType.INTEGER,
            MarshallingType.LONG,
            MarshallingType.SHORT,
            MarshallingType.BYTE,
            MarshallingType.FLOAT,
            MarshallingType.DOUBLE,
            MarshallingType.BIG_DECIMAL,
            MarshallingType.BOOLEAN,
            MarshallingType.INSTANT,
            MarshallingType.SDK_BYTES);

    private static ClassPlan plan(SdkPojo pojo) {
        return PLANS.computeIfAbsent(pojo.getClass(), type -> {
            ShapeRules.Shape shape = ShapeRules.of(type.getSimpleName());
            List<SdkField<?>> fields = ordered(pojo.sdkFields(), shape.order());
            List<@Nullable MemberRules> rules = new ArrayList<>(fields.size());
            List<String> names = new ArrayList<>(fields.size());
            List<String> apiNames = new ArrayList<>(fields.size());
            List<Function<Object, @Nullable Object>> readers = new ArrayList<>(fields.size());
            boolean[] scalars = new boolean[fields.size()];
            for (SdkField<?> field : fields) {
                scalars[names.size()] = SCALARS.contains(field.marshallingType());
                rules.add(shape.members().get(field.memberName()));
                names.add(lowerFirst(field.memberName()));
                apiNames.add(field.memberName());
                readers.add(reader(type, field));
            }
            return new ClassPlan(shape, fields, rules, names, apiNames, readers, scalars);
        });
    }

    /**
     * {@code path} names members as the Smithy validator does ({@code requestItems.t.member.keys}); {@code apiPath}
     * names them as the API does ({@code RequestItems.t.member.Keys}), for the checks AWS reports that way.
     */
    private void structure(SdkPojo pojo, String path, String apiPath) {
        ClassPlan plan = plan(pojo);
        List<SdkField<?>> fields = plan.fields();
        for (int i = 0; i < fields.size(); i++) {
            if (full()) {
                return;
            }
            @Nullable MemberRules rules = plan.rules().get(i);
            boolean scalar = plan.scalars()[i];
            if (rules == null && scalar) {
                continue; // nothing to check and nothing below: not even read
            }
            // a scalar is never an auto-constructed collection nor descendable: no interface type checks on it
            Object read = plan.readers().get(i).apply(pojo);
            @Nullable Object value = scalar ? read : present(read);
            boolean nested = !scalar && descendable(value);
            if (rules == null && !nested) {
                continue; // nothing to check here and nothing below: skip building its path
            }
            String member = plan.names().get(i);
            String apiMember = plan.apiNames().get(i);
            if (rules != null) {
                check(rules, value, scalar, path, member, join(apiPath, apiMember));
            }
            if (nested) {
                descend(value, join(path, member), join(apiPath, apiMember));
            }
        }
    }

    /**
     * How to read a member as the caller set it. {@code getValueOrDefault} fills defaults in: for an idempotency token
     * (TransactWriteItems' ClientRequestToken) that is a fresh {@code UUID.randomUUID()}, which takes the JDK's one
     * SecureRandom lock on every request and validates a token nobody sent; such members are read with their getter.
     */
    private static Function<Object, @Nullable Object> reader(Class<?> type, SdkField<?> field) {
        if (field.getOptionalTrait(DefaultValueTrait.class).isEmpty()) {
            return field::getValueOrDefault;
        }
        try {
            Method getter = type.getMethod(lowerFirst(field.memberName()));
            return pojo -> {
                try {
                    return getter.invoke(pojo);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            };
        } catch (NoSuchMethodException e) {
            return field::getValueOrDefault;
        }
    }

    private static String join(String path, String member) {
        return path.isEmpty() ? member : path + "." + member;
    }

    /** Whether a value can hold nested structures with rules of their own (attribute values carry none). */
    private static boolean descendable(@Nullable Object value) {
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

    private void check(
            MemberRules rules, @Nullable Object value, boolean scalar, String parent, String member, String apiPath) {
        for (Constraint constraint : rules.self()) {
            List<String> found = constraint.violations(value);
            if (found.isEmpty()) {
                continue;
            }
            if (constraint instanceof Constraint.NamedByApi) {
                reportWithoutValue(found, apiPath);
            } else {
                report(found, value, join(parent, member));
            }
        }
        if (scalar) {
            return; // no elements, keys or values
        }
        if (value instanceof Collection<?> list && !rules.element().isEmpty()) {
            int position = 1;
            for (Object element : list) {
                for (Constraint constraint : rules.element()) {
                    List<String> found = constraint.violations(element);
                    if (!found.isEmpty()) {
                        report(found, element, join(parent, member) + "." + position + ".member");
                    }
                }
                position++;
            }
        }
        if (value instanceof Map<?, ?> map) {
            checkMapPart(rules.key(), map.keySet(), map, parent, member, "Map keys must satisfy constraint: ");
            checkMapPart(rules.value(), map.values(), map, parent, member, "Map value must satisfy constraint: ");
        }
    }

    /** A map's keys (or values) are checked together and reported once, listing all of their constraints. */
    private void checkMapPart(
            List<Constraint> constraints,
            Collection<?> parts,
            Map<?, ?> map,
            String parent,
            String member,
            String prefix) {
        if (constraints.isEmpty()) {
            return;
        }
        for (Object part : parts) {
            for (Constraint constraint : constraints) {
                if (!constraint.violations(part).isEmpty()) {
                    List<String> all = new ArrayList<>();
                    constraints.forEach(c -> all.addAll(c.describe()));
                    report(List.of(prefix + "[" + String.join(", ", all) + "]"), map, join(parent, member));
                    return;
                }
            }
        }
    }

    private void descend(@Nullable Object value, String path, String apiPath) {
        if (value instanceof SdkPojo pojo && !(value instanceof AttributeValue)) {
            structure(pojo, path, apiPath);
        } else if (value instanceof Collection<?> list) {
            int position = 1;
            for (Object element : list) {
                if (element == null) {
                    nullInside = true;
                } else if (element instanceof SdkPojo pojo && !(element instanceof AttributeValue)) {
                    String entry = "." + position + ".member";
                    structure(pojo, path + entry, apiPath + entry);
                } else if (element instanceof Collection<?> || element instanceof Map<?, ?>) {
                    nullInside |= holdsNull(element);
                }
                position++;
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Object entryValue = entry.getValue();
                if (entryValue == null) {
                    nullInside = true;
                } else if ((entryValue instanceof SdkPojo && !(entryValue instanceof AttributeValue))
                        || (entryValue instanceof Collection<?> && descendable(entryValue))) {
                    String member = "." + entry.getKey() + ".member";
                    descend(entryValue, path + member, apiPath + member);
                } else if (entryValue instanceof Map<?, ?>) {
                    nullInside |= holdsNull(entryValue);
                }
            }
        }
    }

    /**
     * Whether a list or map the walk does not descend into (a list's maps, as BatchGetItem's {@code Keys}) holds a
     * {@code null} at any depth. Attribute values are not looked into ({@link NullMembers} does not either); a
     * structure found there is not walked here, so it counts as "maybe" and leaves the answer to {@link NullMembers}.
     */
    private static boolean holdsNull(Object container) {
        Collection<?> parts = container instanceof Map<?, ?> map ? map.values() : (Collection<?>) container;
        for (Object part : parts) {
            if (part == null || (part instanceof SdkPojo && !(part instanceof AttributeValue))) {
                return true;
            }
            if ((part instanceof Collection<?> || part instanceof Map<?, ?>) && holdsNull(part)) {
                return true;
            }
        }
        return false;
    }

    private void report(List<String> texts, @Nullable Object value, String path) {
        for (String text : texts) {
            if (full()) {
                return;
            }
            violations.add("Value " + ValueText.of(value) + " at '" + path + "' failed to satisfy constraint: " + text);
        }
    }

    /** AWS's newer checks leave the value out and spell the path as the API does. */
    private void reportWithoutValue(List<String> texts, String apiPath) {
        for (String text : texts) {
            if (full()) {
                return;
            }
            violations.add("Value at '" + apiPath + "' failed to satisfy constraint: " + text);
        }
    }

    /** The SDK's "not set" collections count as absent. */
    private static @Nullable Object present(@Nullable Object value) {
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
