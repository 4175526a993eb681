package dev.singletable.engine.storage;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A key attribute's value in the form DynamoDB orders it: strings and binaries by unsigned bytes, numbers numerically.
 * Two sentinels bound range scans over one partition.
 */
public final class KeyValue implements Comparable<KeyValue> {

    public static final KeyValue MIN = new KeyValue(null, null, null, null, -1);
    public static final KeyValue MAX = new KeyValue(null, null, null, null, 1);
    /** The "sort key" of every item of a table (or index) that has none: all such keys are equal. */
    public static final KeyValue NONE = new KeyValue(null, new byte[0], null, null, 0);

    /**
     * The scalar type as an index into {@link #TYPES} (0: none, for the sentinels and a multi-attribute key value). A
     * byte, as is {@link #sentinel}, so that the second prefix word still fits in a 48-byte object.
     */
    private final byte type;

    private static final @Nullable ScalarAttributeType[] TYPES = {
        null, ScalarAttributeType.S, ScalarAttributeType.N, ScalarAttributeType.B
    };

    private final byte @Nullable [] bytes; // S (UTF-8) and B
    private final @Nullable BigDecimal number; // N
    /**
     * N values as given; S and B values only when their bytes cannot give the value back (a string holding a lone
     * surrogate, which UTF-8 cannot carry). Otherwise {@link #value()} builds it from the bytes on demand: a million
     * stored keys would keep an AttributeValue and a String beside every byte array (~100 bytes each) for values
     * that are read only to build a LastEvaluatedKey or a stream record's keys.
     */
    private final @Nullable AttributeValue value;

    private final byte sentinel;
    /**
     * The attribute values of a multi-attribute key (a global index's partition or sort key made of several
     * attributes), compared one after another; null for an ordinary key value.
     */
    private final KeyValue @Nullable [] parts;
    /**
     * The first eight bytes of S and B values, big-endian and zero-padded: most comparisons in a skip-list search are
     * decided by it without loading the byte array, one dependent memory access fewer per step.
     */
    private final long prefix;
    /**
     * Bytes 8 to 15, likewise: keys of one partition often share their first eight bytes ({@code TWEET#01...}, a
     * ULID's time follows), and a descending page compares its key with O(log n) others per item (issue 21).
     */
    private final long prefix2;

    private KeyValue(
            @Nullable ScalarAttributeType type,
            byte @Nullable [] bytes,
            @Nullable BigDecimal number,
            @Nullable AttributeValue value,
            int sentinel) {
        this(type, bytes, number, value, sentinel, null);
    }

    private KeyValue(
            @Nullable ScalarAttributeType type,
            byte @Nullable [] bytes,
            @Nullable BigDecimal number,
            @Nullable AttributeValue value,
            int sentinel,
            KeyValue @Nullable [] parts) {
        this.parts = parts;
        this.type =
                (byte) (type == null ? 0 : type == ScalarAttributeType.S ? 1 : type == ScalarAttributeType.N ? 2 : 3);
        this.bytes = bytes;
        this.number = number;
        this.value = value;
        this.sentinel = (byte) sentinel;
        this.prefix = bytes == null ? 0 : prefixOf(bytes, 0);
        this.prefix2 = bytes == null ? 0 : prefixOf(bytes, 8);
    }

    /** Eight bytes from {@code from}, big-endian, zero-padded past the end. */
    private static long prefixOf(byte[] bytes, int from) {
        long p = 0;
        int n = Math.min(8, bytes.length - from);
        for (int i = 0; i < n; i++) {
            p |= (bytes[from + i] & 0xFFL) << (56 - 8 * i);
        }
        return p;
    }

    /** Whether an attribute value is of the given scalar type. */
    static boolean hasType(AttributeValue value, ScalarAttributeType type) {
        return switch (type) {
            case S -> value.s() != null;
            case N -> value.n() != null;
            case B -> value.b() != null;
            default -> false;
        };
    }

    /** The value must already be validated as the given scalar type. */
    public static KeyValue of(ScalarAttributeType type, AttributeValue value) {
        return switch (type) {
            case S ->
                new KeyValue(
                        type,
                        value.s().getBytes(StandardCharsets.UTF_8),
                        null,
                        hasSurrogate(value.s()) ? value : null,
                        0);
            case N -> new KeyValue(type, null, new BigDecimal(value.n()), value, 0);
            case B -> new KeyValue(type, value.b().asByteArrayUnsafe(), null, null, 0);
            default -> throw new IllegalArgumentException("not a key type: " + type);
        };
    }

    /**
     * A string (UTF-8) or binary key value from its stored bytes, which it keeps (the caller gives them up): what a
     * restart builds for every key without decoding an AttributeValue first.
     */
    public static KeyValue ofStoredBytes(ScalarAttributeType type, byte[] bytes) {
        if (type != ScalarAttributeType.S && type != ScalarAttributeType.B) {
            throw new IllegalArgumentException("not a string or binary key type: " + type);
        }
        return new KeyValue(type, bytes, null, null, 0);
    }

    /**
     * Whether the string holds a surrogate: a pair round-trips through UTF-8, a lone one does not; both are rare
     * enough in keys that keeping the given value for either costs nothing.
     */
    private static boolean hasSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The key value of several key attributes taken together, in key-schema order: ordered by the first value, then
     * the second, and so on (a part may be {@link #MIN} or {@link #MAX} to bound a range over the later parts). One
     * part is simply that part.
     */
    public static KeyValue composite(KeyValue... parts) {
        if (parts.length == 1) {
            return parts[0];
        }
        return new KeyValue(null, null, null, null, 0, parts.clone());
    }

    /** The parts of a multi-attribute key value, or null for an ordinary one. */
    KeyValue @Nullable [] parts() {
        return parts == null ? null : parts.clone();
    }

    public static KeyValue ofString(String s) {
        return of(ScalarAttributeType.S, AttributeValue.fromS(s));
    }

    public static KeyValue ofBytes(byte[] b) {
        return of(ScalarAttributeType.B, AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(b)));
    }

    /** The scalar type; null for the sentinels and for a multi-attribute key value. */
    public @Nullable ScalarAttributeType type() {
        return TYPES[type];
    }

    /**
     * The value as a client sees it (null for the sentinels and for a multi-attribute key value); S and B values are
     * built afresh from their bytes.
     */
    public @Nullable AttributeValue value() {
        if (value != null || type == 0) {
            return value;
        }
        byte[] b = Objects.requireNonNull(bytes, "an S or B key value always keeps its bytes");
        return type() == ScalarAttributeType.S
                ? AttributeValue.fromS(new String(b, StandardCharsets.UTF_8))
                : AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(b));
    }

    /** Bytes of S or B values; numbers, sentinels and multi-attribute key values have none. */
    public byte @Nullable [] bytes() {
        return bytes;
    }

    /**
     * The bytes of a string or binary value that is wholly given by them (no kept AttributeValue), the only values
     * {@link CanonicalPartitions} shares; null for any other.
     */
    byte @Nullable [] sharedBytes() {
        return value == null && parts == null && sentinel == 0 ? bytes : null;
    }

    boolean isSentinel() {
        return sentinel != 0;
    }

    /** Size as DynamoDB counts it against the key limits: UTF-8 length, binary length, or the number's stored size. */
    public int size() {
        if (parts != null) {
            int total = 0;
            for (KeyValue p : parts) {
                total += p.size();
            }
            return total;
        }
        if (bytes != null) {
            return bytes.length;
        }
        return Objects.requireNonNull(value, "a number key value keeps its value as given")
                .n()
                .length();
    }

    /** Whether this string or binary key begins with the given prefix (begins_with on a sort key). */
    public boolean startsWith(KeyValue prefix) {
        if (bytes == null || prefix.bytes == null || prefix.bytes.length > bytes.length) {
            return false;
        }
        return Arrays.equals(bytes, 0, prefix.bytes.length, prefix.bytes, 0, prefix.bytes.length);
    }

    /** A stable 64-bit hash of the value: the partition "placement" that gives Scan its hash order. */
    long partitionHash() {
        if (parts != null) {
            long combined = 0x9e3779b97f4a7c15L;
            for (KeyValue p : parts) {
                combined = (combined ^ p.partitionHash()) * 0xff51afd7ed558ccdL;
                combined ^= combined >>> 29;
            }
            return combined;
        }
        long h = 0xcbf29ce484222325L;
        byte[] data = bytes != null
                ? bytes
                : Objects.requireNonNull(number, "a key value is a string, a binary or a number")
                        .stripTrailingZeros()
                        .toString()
                        .getBytes(StandardCharsets.US_ASCII);
        for (byte b : data) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        h ^= (h >>> 33);
        h *= 0xff51afd7ed558ccdL;
        h ^= (h >>> 33);
        return h;
    }

    @Override
    public int compareTo(KeyValue o) {
        if (this == o) {
            return 0; // a partition's keys share one instance (CanonicalPartitions)
        }
        if (sentinel != 0 || o.sentinel != 0) {
            return Integer.compare(sentinel, o.sentinel);
        }
        if (parts != null) {
            // keys compared with each other come from one key schema: o has as many parts
            KeyValue[] other = Objects.requireNonNull(o.parts, "a multi-attribute key compared with a single one");
            for (int i = 0; i < parts.length; i++) {
                int c = parts[i].compareTo(other[i]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
        if (number != null) {
            return number.compareTo(o.number);
        }
        if (prefix != o.prefix) {
            return Long.compareUnsigned(prefix, o.prefix);
        }
        // neither is a sentinel, a multi-attribute key or a number: both are strings or binaries, with bytes
        byte[] a = Objects.requireNonNull(bytes, "a string or binary key value without bytes");
        byte[] b = Objects.requireNonNull(o.bytes, "a string or binary key compared with a number");
        if (a.length <= 8 || b.length <= 8) {
            // equal up to the shorter one's end (the longer one's padding is its own zero bytes): a prefix of it
            return Integer.compare(a.length, b.length);
        }
        // the first eight bytes are equal and both go on: the next eight, as above
        if (prefix2 != o.prefix2) {
            return Long.compareUnsigned(prefix2, o.prefix2);
        }
        if (a.length <= 16 || b.length <= 16) {
            return Integer.compare(a.length, b.length);
        }
        // the first sixteen bytes are equal: compare from there (keys sharing a long prefix, like dates, are common)
        return Arrays.compareUnsigned(a, 16, a.length, b, 16, b.length);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof KeyValue k && compareTo(k) == 0 && sentinel == k.sentinel;
    }

    @Override
    public int hashCode() {
        if (sentinel != 0) {
            return sentinel;
        }
        if (parts != null) {
            return Arrays.hashCode(parts);
        }
        return number != null ? number.stripTrailingZeros().hashCode() : Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        if (sentinel != 0) {
            return sentinel < 0 ? "MIN" : "MAX";
        }
        if (parts != null) {
            return Arrays.toString(parts);
        }
        return type() + ":"
                + (number != null
                        ? number.toPlainString()
                        : type() == ScalarAttributeType.S
                                ? new String(bytes, StandardCharsets.UTF_8)
                                : Arrays.toString(bytes));
    }
}
