package dev.singletable.engine.value;

import dev.singletable.engine.error.EngineErrors;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Validation, normalisation, equality, ordering and sizing of SDK attribute values, as DynamoDB does them. */
public final class AttributeValues {

    static final String EMPTY_VALUE =
            "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
    static final String SEVERAL_TYPES =
            "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes";

    private AttributeValues() {}

    /** The single type set on {@code v}; a validation error if none or more than one is set. */
    public static ValueType typeOf(@Nullable AttributeValue v) {
        @Nullable ValueType found = null;
        int count = 0;
        if (v == null) {
            throw EngineErrors.validation(EMPTY_VALUE);
        }
        if (v.s() != null) {
            found = ValueType.S;
            count++;
        }
        if (v.n() != null) {
            found = ValueType.N;
            count++;
        }
        if (v.b() != null) {
            found = ValueType.B;
            count++;
        }
        if (v.bool() != null) {
            found = ValueType.BOOL;
            count++;
        }
        if (v.nul() != null) {
            found = ValueType.NULL;
            count++;
        }
        if (v.hasM()) {
            found = ValueType.M;
            count++;
        }
        if (v.hasL()) {
            found = ValueType.L;
            count++;
        }
        if (v.hasSs()) {
            found = ValueType.SS;
            count++;
        }
        if (v.hasNs()) {
            found = ValueType.NS;
            count++;
        }
        if (v.hasBs()) {
            found = ValueType.BS;
            count++;
        }
        if (found == null) { // no type set (count == 0)
            throw EngineErrors.validation(EMPTY_VALUE);
        }
        if (count > 1) {
            throw EngineErrors.validation(SEVERAL_TYPES);
        }
        return found;
    }

    /** Validates one attribute value as DynamoDB does on input and returns it normalised (numbers canonical). */
    public static AttributeValue normalize(AttributeValue v) {
        return ValueNormalizer.normalize(v);
    }

    /**
     * Validates a value used as an operand (ExpressionAttributeValues, legacy comparison and update values): like
     * {@link #normalize(AttributeValue)}, but one more level of maps and lists is accepted: DynamoDB checks the
     * nesting of the stored result separately (see {@link #containerDepth}).
     */
    public static AttributeValue normalizeOperand(AttributeValue v) {
        return ValueNormalizer.normalizeOperand(v);
    }

    /** Levels of maps and lists in a value: 0 for scalars and sets, 1 for a flat map or list, and so on. */
    public static int containerDepth(AttributeValue v) {
        return ValueNormalizer.containerDepth(v);
    }

    /** {@link #normalize(AttributeValue)} applied to every value of an item; attribute names are checked too. */
    public static Map<String, AttributeValue> normalizeItem(Map<String, AttributeValue> item) {
        return ValueNormalizer.normalizeItem(item);
    }

    /** DynamoDB equality: numbers numerically, sets order-independent, maps and lists deep. */
    public static boolean equal(AttributeValue a, AttributeValue b) {
        if (a == b) {
            return true;
        }
        ValueType ta = typeOf(a);
        if (ta != typeOf(b)) {
            return false;
        }
        switch (ta) {
            case S:
                return a.s().equals(b.s());
            case N:
                return Numbers.compare(a.n(), b.n()) == 0;
            case B:
                return a.b().equals(b.b());
            case BOOL:
                return a.bool().equals(b.bool());
            case NULL:
                return true;
            case SS:
                return sameMembers(a.ss(), b.ss());
            case BS:
                return sameMembers(a.bs(), b.bs());
            case NS:
                return sameNumbers(a.ns(), b.ns());
            case L:
                return sameList(a.l(), b.l());
            case M:
                return sameMap(a.m(), b.m());
            default:
                throw new IllegalStateException(ta.toString());
        }
    }

    /**
     * Ordering of two values of the same scalar type S, N or B: strings by UTF-8 bytes (unsigned), numbers
     * numerically, binaries by unsigned bytes.
     */
    public static int compare(AttributeValue a, AttributeValue b) {
        if (a.s() != null && b.s() != null) {
            return compareUtf8(a.s(), b.s());
        }
        if (a.n() != null && b.n() != null) {
            return Numbers.compare(a.n(), b.n());
        }
        if (a.b() != null && b.b() != null) {
            return compareBytes(a.b(), b.b());
        }
        throw new IllegalArgumentException("compare is only defined for two S, two N or two B values");
    }

    /** Size DynamoDB charges for one attribute: UTF-8 name length plus value size. */
    static long attributeSize(String name, AttributeValue v) {
        return ValueSizes.utf8Length(name) + ValueSizes.valueSize(v);
    }

    /** Sum of {@link #attributeSize} over the item. */
    public static long itemSize(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            size += attributeSize(e.getKey(), e.getValue());
        }
        return size;
    }

    /**
     * Compares two strings in the order of their UTF-8 encodings, without encoding them: UTF-8 byte order equals
     * code point order, which differs from Java's UTF-16 order only for surrogate pairs.
     */
    static int compareUtf8(String x, String y) {
        int n = Math.min(x.length(), y.length());
        for (int i = 0; i < n; i++) {
            char cx = x.charAt(i);
            char cy = y.charAt(i);
            if (cx != cy) {
                boolean sx = Character.isSurrogate(cx);
                boolean sy = Character.isSurrogate(cy);
                if (sx != sy) {
                    // a surrogate starts a supplementary code point, which sorts after every BMP character
                    return sx ? 1 : -1;
                }
                return cx - cy;
            }
        }
        return x.length() - y.length();
    }

    /** Unsigned lexicographic byte comparison. */
    static int compareBytes(SdkBytes x, SdkBytes y) {
        byte[] a = x.asByteArrayUnsafe();
        byte[] b = y.asByteArrayUnsafe();
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            int d = (a[i] & 0xff) - (b[i] & 0xff);
            if (d != 0) {
                return d;
            }
        }
        return a.length - b.length;
    }

    private static <T> boolean sameMembers(List<T> a, List<T> b) {
        if (a.size() != b.size()) {
            return false;
        }
        if (a.equals(b)) {
            return true;
        }
        Set<T> left = new HashSet<>(a);
        return left.containsAll(b);
    }

    private static boolean sameNumbers(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        Set<String> left = new HashSet<>();
        for (String s : a) {
            left.add(Numbers.canonical(s));
        }
        for (String s : b) {
            if (!left.contains(Numbers.canonical(s))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameList(List<AttributeValue> a, List<AttributeValue> b) {
        if (a.size() != b.size()) {
            return false;
        }
        Iterator<AttributeValue> ib = b.iterator();
        for (AttributeValue x : a) {
            if (!equal(x, ib.next())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameMap(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<String, AttributeValue> e : a.entrySet()) {
            AttributeValue other = b.get(e.getKey());
            if (other == null || !equal(e.getValue(), other)) {
                return false;
            }
        }
        return true;
    }
}
