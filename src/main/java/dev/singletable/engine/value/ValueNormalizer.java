package dev.singletable.engine.value;

import dev.singletable.engine.error.EngineErrors;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Input validation of attribute values with DynamoDB's messages, returning values with canonical numbers. Values
 * that need no change are returned as they are, so normalising stored or already normal data allocates nothing.
 */
final class ValueNormalizer {

    static final String INVALID = "One or more parameter values were invalid: ";
    static final String NULL_FALSE = INVALID + "Null attribute value types must have the value of true";
    static final String EMPTY_SS = INVALID + "An string set  may not be empty";
    static final String EMPTY_NS = INVALID + "An number set  may not be empty";
    static final String EMPTY_BS = INVALID + "Binary sets should not be empty";
    static final String DUPLICATE_NS = "Input collection contains duplicates";
    static final String NULL_IN_SS = INVALID + "An string set may not have a null string as a member";
    static final String NULL_IN_BS = "The supplied Item contains a null AttributeValue";
    static final String EMPTY_NAME = "Empty attribute name";
    static final String NAME_TOO_LARGE = "Attribute name is too large, must be less than 65536 bytes";
    static final String TOO_DEEP =
            "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit";

    /** A top-level attribute is at level 1; a map or list at this level or deeper is rejected. */
    static final int MAX_CONTAINER_LEVEL = 32;

    private static final int MAX_NAME_BYTES = 65535;

    private ValueNormalizer() {}

    static AttributeValue normalize(AttributeValue v) {
        return normalize(v, 1);
    }

    /**
     * Like {@link #normalize(AttributeValue)}, but an operand may nest one level deeper than a stored attribute
     * (DynamoDB checks the stored result separately).
     */
    static AttributeValue normalizeOperand(AttributeValue v) {
        return normalize(v, 0);
    }

    /** How many levels of maps and lists a value has (0 for a scalar or set). */
    static int containerDepth(AttributeValue v) {
        int deepest = 0;
        if (v.hasM()) {
            for (AttributeValue child : v.m().values()) {
                deepest = Math.max(deepest, containerDepth(child));
            }
            return deepest + 1;
        }
        if (v.hasL()) {
            for (AttributeValue child : v.l()) {
                deepest = Math.max(deepest, containerDepth(child));
            }
            return deepest + 1;
        }
        return 0;
    }

    static Map<String, AttributeValue> normalizeItem(Map<String, AttributeValue> item) {
        @Nullable Map<String, AttributeValue> out = null;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            checkName(e.getKey());
            AttributeValue n = normalize(e.getValue(), 1);
            if (n != e.getValue() && out == null) {
                out = new LinkedHashMap<>(item);
            }
            if (out != null) {
                out.put(e.getKey(), n);
            }
        }
        return out == null ? item : out;
    }

    static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw EngineErrors.validation(EMPTY_NAME);
        }
        if (name.length() > MAX_NAME_BYTES / 3 && ValueSizes.utf8Length(name) > MAX_NAME_BYTES) {
            throw EngineErrors.validation(NAME_TOO_LARGE);
        }
    }

    static AttributeValue normalize(AttributeValue v, int level) {
        if (v == null) {
            throw EngineErrors.validation(AttributeValues.EMPTY_VALUE);
        }
        int types = 0;
        AttributeValue result = v;
        if (v.s() != null) {
            types++;
        }
        if (v.b() != null) {
            types++;
        }
        if (v.bool() != null) {
            types++;
        }
        if (v.n() != null) {
            types++;
            String canonical = Numbers.canonical(v.n());
            if (!canonical.equals(v.n())) {
                result = AttributeValue.fromN(canonical);
            }
        }
        if (v.nul() != null) {
            types++;
            if (!v.nul()) {
                throw EngineErrors.validation(NULL_FALSE);
            }
        }
        if (v.hasSs()) {
            types++;
            checkStringSet(v.ss());
        }
        if (v.hasNs()) {
            types++;
            List<String> ns = normalizeNumberSet(v.ns());
            if (ns != null) {
                result = AttributeValue.fromNs(ns);
            }
        }
        if (v.hasBs()) {
            types++;
            checkBinarySet(v.bs());
        }
        if (v.hasM()) {
            types++;
            checkLevel(level);
            Map<String, AttributeValue> m = normalizeMap(v.m(), level + 1);
            if (m != null) {
                result = AttributeValue.fromM(m);
            }
        }
        if (v.hasL()) {
            types++;
            checkLevel(level);
            List<AttributeValue> l = normalizeList(v.l(), level + 1);
            if (l != null) {
                result = AttributeValue.fromL(l);
            }
        }
        if (types == 0) {
            throw EngineErrors.validation(AttributeValues.EMPTY_VALUE);
        }
        if (types > 1) {
            throw EngineErrors.validation(AttributeValues.SEVERAL_TYPES);
        }
        return result;
    }

    private static void checkLevel(int level) {
        if (level >= MAX_CONTAINER_LEVEL) {
            throw EngineErrors.validation(TOO_DEEP);
        }
    }

    private static void checkStringSet(List<String> ss) {
        if (ss.isEmpty()) {
            throw EngineErrors.validation(EMPTY_SS);
        }
        Set<String> seen = new HashSet<>();
        for (String s : ss) {
            if (s == null) {
                // JSON allows {"SS":[null]}; DynamoDB Local's words for it
                throw EngineErrors.validation(NULL_IN_SS);
            }
            if (!seen.add(s)) {
                throw EngineErrors.validation(INVALID + "Input collection " + ss + " contains duplicates.");
            }
        }
    }

    /** Validates a number set; returns its canonical members, or null when they already are canonical. */
    private static @Nullable List<String> normalizeNumberSet(List<String> ns) {
        if (ns.isEmpty()) {
            throw EngineErrors.validation(EMPTY_NS);
        }
        Set<String> seen = new HashSet<>();
        @Nullable List<String> out = null;
        for (int i = 0; i < ns.size(); i++) {
            String raw = ns.get(i);
            String canonical = Numbers.canonical(raw);
            if (!seen.add(canonical)) {
                throw EngineErrors.validation(DUPLICATE_NS);
            }
            if (out == null && !canonical.equals(raw)) {
                out = new ArrayList<>(ns.subList(0, i));
            }
            if (out != null) {
                out.add(canonical);
            }
        }
        return out;
    }

    private static void checkBinarySet(List<SdkBytes> bs) {
        if (bs.isEmpty()) {
            throw EngineErrors.validation(EMPTY_BS);
        }
        Set<SdkBytes> seen = new HashSet<>();
        for (SdkBytes b : bs) {
            if (b == null) {
                throw EngineErrors.validation(NULL_IN_BS);
            }
            if (!seen.add(b)) {
                List<String> shown = new ArrayList<>();
                for (SdkBytes x : bs) {
                    shown.add(Base64.getEncoder().encodeToString(x.asByteArrayUnsafe()));
                }
                throw EngineErrors.validation(
                        INVALID + "Input collection " + shown + "of type BS contains duplicates.");
            }
        }
    }

    /** Validates a map; returns it with normalised members, or null when every member already is normal. */
    private static @Nullable Map<String, AttributeValue> normalizeMap(Map<String, AttributeValue> m, int level) {
        @Nullable Map<String, AttributeValue> out = null;
        for (Map.Entry<String, AttributeValue> e : m.entrySet()) {
            checkName(e.getKey());
            AttributeValue n = normalize(e.getValue(), level);
            if (n != e.getValue() && out == null) {
                out = new LinkedHashMap<>(m);
            }
            if (out != null) {
                out.put(e.getKey(), n);
            }
        }
        return out;
    }

    /** Validates a list; returns it with normalised members, or null when every member already is normal. */
    private static @Nullable List<AttributeValue> normalizeList(List<AttributeValue> l, int level) {
        @Nullable List<AttributeValue> out = null;
        for (int i = 0; i < l.size(); i++) {
            AttributeValue n = normalize(l.get(i), level);
            if (n != l.get(i) && out == null) {
                out = new ArrayList<>(l.subList(0, i));
            }
            if (out != null) {
                out.add(n);
            }
        }
        return out;
    }
}
