package dev.singletable.engine.durability;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** Reads what {@link ByteWriter} wrote; running past the end is a {@link CorruptDataException}. */
public final class ByteReader {

    private final byte[] buf;
    private int pos;
    private final int end;

    public ByteReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    public ByteReader(byte[] buf, int offset, int length) {
        this.buf = buf;
        this.pos = offset;
        this.end = offset + length;
    }

    public boolean hasMore() {
        return pos < end;
    }

    public int remaining() {
        return end - pos;
    }

    private void need(int n) {
        if (n < 0 || end - pos < n) {
            throw new CorruptDataException("record ends early: needs " + n + " more bytes, has " + (end - pos));
        }
    }

    public int u8() {
        need(1);
        return buf[pos++] & 0xFF;
    }

    public boolean bool() {
        return u8() != 0;
    }

    public int i32() {
        need(4);
        int v = ((buf[pos] & 0xFF) << 24)
                | ((buf[pos + 1] & 0xFF) << 16)
                | ((buf[pos + 2] & 0xFF) << 8)
                | (buf[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    public long i64() {
        long hi = i32() & 0xFFFFFFFFL;
        long lo = i32() & 0xFFFFFFFFL;
        return (hi << 32) | lo;
    }

    public long varint() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = u8();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new CorruptDataException("varint longer than 10 bytes");
    }

    /** A varint that must fit an int and not exceed what is left (a length or a count of at least one byte each). */
    public int length() {
        long v = varint();
        if (v < 0 || v > remaining()) {
            throw new CorruptDataException("length " + v + " exceeds the " + remaining() + " bytes left");
        }
        return (int) v;
    }

    public byte[] bytes() {
        int n = length();
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    public String string() {
        int n = length();
        String s = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    /** Where the next read starts, in the underlying array. */
    public int position() {
        return pos;
    }

    /** Skips a length-prefixed string or byte string without copying it. */
    void skipBytes() {
        int n = length();
        pos += n;
    }

    /**
     * Reads a length-prefixed string if its UTF-8 bytes equal one of {@code candidates}, returning that candidate's
     * index, else skips it and returns -1: a lookup by name that creates no String.
     */
    int matchString(byte[][] candidates) {
        int n = length();
        int at = pos;
        pos += n;
        for (int i = 0; i < candidates.length; i++) {
            byte[] c = candidates[i];
            if (c.length == n && Arrays.equals(buf, at, at + n, c, 0, n)) {
                return i;
            }
        }
        return -1;
    }

    /** A copy of the bytes from {@code from} (a past {@link #position()}) up to the current position. */
    byte[] copyFrom(int from) {
        return Arrays.copyOfRange(buf, from, pos);
    }

    public @Nullable String optString() {
        return bool() ? string() : null;
    }
}
