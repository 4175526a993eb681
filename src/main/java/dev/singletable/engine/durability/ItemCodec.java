package dev.singletable.engine.durability;

import dev.singletable.engine.storage.AttributeNames;
import dev.singletable.engine.storage.ItemAttributes;
import dev.singletable.engine.storage.KeyValue;
import dev.singletable.engine.storage.StoredItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The engine's binary form of items, written by hand because it is small and its cost decides restart time: one tag
 * byte per value, varint lengths and counts, UTF-8 names and strings, numbers as their canonical decimal text (the
 * values are normalized before they are stored, so the text is already DynamoDB's), binaries raw. Attribute order is
 * kept. A stored item also carries its precomputed DynamoDB size, so loading never has to recompute it.
 */
public final class ItemCodec {

    private static final int S = 1;
    private static final int N = 2;
    private static final int B = 3;
    private static final int TRUE = 4;
    private static final int FALSE = 5;
    private static final int NUL = 6;
    private static final int M = 7;
    private static final int L = 8;
    private static final int SS = 9;
    private static final int NS = 10;
    private static final int BS = 11;

    /** Nesting deeper than DynamoDB's 32 levels can only be damage. */
    private static final int MAX_DEPTH = 64;

    private ItemCodec() {}

    public static void writeStored(ByteWriter out, StoredItem item) {
        out.varint(item.size());
        byte[] encoded = item.encodedForm();
        if (encoded != null) {
            out.raw(encoded, 0, encoded.length); // loaded and never read since: its bytes are this very encoding
        } else {
            writeItem(out, item.attributes());
        }
    }

    /**
     * Reads a stored item without decoding it: the item keeps its encoded bytes (see {@link StoredItem#encoded}) and
     * only the attributes named in {@code wanted} (UTF-8; the key attributes a load needs) are decoded, straight into
     * key values of the matching {@code types}, into {@code found} at the same positions (null where absent, or where
     * the item holds the attribute with another type, which no key of that type can take).
     */
    static StoredItem readStoredLazily(ByteReader in, byte[][] wanted, ScalarAttributeType[] types, KeyValue[] found) {
        long size = in.varint();
        int start = in.position();
        readKeyValues(in, wanted, types, found);
        return StoredItem.encoded(in.copyFrom(start), size, ItemCodec::decodeItem);
    }

    /** Reads a stored item and keeps it encoded until first read (log replay; see {@link StoredItem#encoded}). */
    static StoredItem readStoredEncoded(ByteReader in) {
        return readStoredLazily(in, NO_NAMES, NO_TYPES, NO_VALUES);
    }

    private static final byte[][] NO_NAMES = new byte[0][];
    private static final ScalarAttributeType[] NO_TYPES = new ScalarAttributeType[0];
    private static final KeyValue[] NO_VALUES = new KeyValue[0];

    /** Reads past one encoded item (its attribute map), decoding only the wanted key values, as above. */
    static void readKeyValues(ByteReader in, byte[][] wanted, ScalarAttributeType[] types, KeyValue[] found) {
        int n = in.length();
        for (int i = 0; i < n; i++) {
            int w = in.matchString(wanted);
            if (w >= 0) {
                found[w] = readKeyValue(in, types[w]);
            } else {
                skipValue(in, 0);
            }
        }
    }

    /** A key value of the given type, decoded without an AttributeValue between; null (and skipped) if another type. */
    private static @Nullable KeyValue readKeyValue(ByteReader in, ScalarAttributeType type) {
        int tag = in.u8();
        if (tag == S && type == ScalarAttributeType.S) {
            return KeyValue.ofStoredBytes(ScalarAttributeType.S, in.bytes());
        }
        if (tag == B && type == ScalarAttributeType.B) {
            return KeyValue.ofStoredBytes(ScalarAttributeType.B, in.bytes());
        }
        if (tag == N && type == ScalarAttributeType.N) {
            return KeyValue.of(ScalarAttributeType.N, AttributeValue.fromN(in.string()));
        }
        skipValueAfterTag(in, tag, 0);
        return null;
    }

    private static Map<String, AttributeValue> decodeItem(byte[] encoded) {
        return readItem(new ByteReader(encoded));
    }

    private static void skipValue(ByteReader in, int depth) {
        if (depth > MAX_DEPTH) {
            throw new CorruptDataException("attribute values nested deeper than " + MAX_DEPTH);
        }
        skipValueAfterTag(in, in.u8(), depth);
    }

    private static void skipValueAfterTag(ByteReader in, int tag, int depth) {
        switch (tag) {
            case S, N, B -> in.skipBytes();
            case TRUE, FALSE, NUL -> {}
            case M -> {
                int n = in.length();
                for (int i = 0; i < n; i++) {
                    in.skipBytes();
                    skipValue(in, depth + 1);
                }
            }
            case L -> {
                int n = in.length();
                for (int i = 0; i < n; i++) {
                    skipValue(in, depth + 1);
                }
            }
            case SS, NS, BS -> {
                int n = in.length();
                for (int i = 0; i < n; i++) {
                    in.skipBytes();
                }
            }
            default -> throw new CorruptDataException("unknown attribute value tag " + tag);
        }
    }

    public static StoredItem readStored(ByteReader in) {
        long size = in.varint();
        return new StoredItem(readItem(in), size);
    }

    public static void writeItem(ByteWriter out, Map<String, AttributeValue> item) {
        out.varint(item.size());
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            out.string(e.getKey());
            writeValue(out, e.getValue());
        }
    }

    /** An unmodifiable map in the stored attribute order. */
    public static Map<String, AttributeValue> readItem(ByteReader in) {
        return readMap(in, 0);
    }

    public static void writeValue(ByteWriter out, AttributeValue v) {
        switch (v.type()) {
            case S -> out.u8(S).string(v.s());
            case N -> out.u8(N).string(v.n());
            case B -> {
                byte[] b = v.b().asByteArrayUnsafe();
                out.u8(B).bytes(b);
            }
            case BOOL -> out.u8(v.bool() ? TRUE : FALSE);
            case NUL -> out.u8(NUL);
            case M -> {
                out.u8(M);
                writeItem(out, v.m());
            }
            case L -> {
                out.u8(L).varint(v.l().size());
                for (AttributeValue e : v.l()) {
                    writeValue(out, e);
                }
            }
            case SS -> {
                out.u8(SS).varint(v.ss().size());
                v.ss().forEach(out::string);
            }
            case NS -> {
                out.u8(NS).varint(v.ns().size());
                v.ns().forEach(out::string);
            }
            case BS -> {
                out.u8(BS).varint(v.bs().size());
                v.bs().forEach(b -> out.bytes(b.asByteArrayUnsafe()));
            }
            default -> throw new IllegalArgumentException("cannot store an attribute value of type " + v.type());
        }
    }

    public static AttributeValue readValue(ByteReader in) {
        return readValue(in, 0);
    }

    private static AttributeValue readValue(ByteReader in, int depth) {
        if (depth > MAX_DEPTH) {
            throw new CorruptDataException("attribute values nested deeper than " + MAX_DEPTH);
        }
        int tag = in.u8();
        return switch (tag) {
            case S -> AttributeValue.fromS(in.string());
            case N -> AttributeValue.fromN(in.string());
            case B -> AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(in.bytes()));
            case TRUE -> AttributeValue.fromBool(true);
            case FALSE -> AttributeValue.fromBool(false);
            case NUL -> AttributeValue.fromNul(true);
            case M -> AttributeValue.fromM(readMap(in, depth + 1));
            case L -> {
                int n = in.length();
                List<AttributeValue> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(readValue(in, depth + 1));
                }
                yield AttributeValue.fromL(list);
            }
            case SS -> AttributeValue.fromSs(readStrings(in));
            case NS -> AttributeValue.fromNs(readStrings(in));
            case BS -> {
                int n = in.length();
                List<SdkBytes> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(SdkBytes.fromByteArrayUnsafe(in.bytes()));
                }
                yield AttributeValue.fromBs(list);
            }
            default -> throw new CorruptDataException("unknown attribute value tag " + tag);
        };
    }

    private static Map<String, AttributeValue> readMap(ByteReader in, int depth) {
        int n = in.length();
        String[] names = new String[n];
        AttributeValue[] values = new AttributeValue[n];
        for (int i = 0; i < n; i++) {
            names[i] = AttributeNames.canonical(in.string());
            values[i] = readValue(in, depth);
        }
        return ItemAttributes.wrap(names, values);
    }

    private static List<String> readStrings(ByteReader in) {
        int n = in.length();
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(in.string());
        }
        return list;
    }
}
