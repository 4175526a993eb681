package dev.singletable.engine.durability;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A growable byte buffer with the few primitives the log and snapshot formats need: fixed-width integers
 * (big-endian), unsigned LEB128 varints for lengths and counts, and length-prefixed UTF-8 strings.
 */
public final class ByteWriter {

    private byte[] buf;
    private int size;

    public ByteWriter() {
        this(256);
    }

    public ByteWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    public int size() {
        return size;
    }

    /** The backing array; only the first {@link #size()} bytes are meaningful. */
    public byte[] array() {
        return buf;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    public void reset() {
        size = 0;
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }

    public ByteWriter u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    public ByteWriter bool(boolean v) {
        return u8(v ? 1 : 0);
    }

    public ByteWriter i32(int v) {
        ensure(4);
        buf[size++] = (byte) (v >>> 24);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return this;
    }

    public ByteWriter i64(long v) {
        i32((int) (v >>> 32));
        return i32((int) v);
    }

    /** Unsigned varint; negative values take ten bytes, so use it for counts, lengths and sequence numbers. */
    public ByteWriter varint(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
        return this;
    }

    public ByteWriter bytes(byte[] b) {
        varint(b.length);
        return raw(b, 0, b.length);
    }

    public ByteWriter raw(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
        return this;
    }

    public ByteWriter string(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A string that may be null (a presence byte first). */
    public ByteWriter optString(@Nullable String s) {
        bool(s != null);
        return s == null ? this : string(s);
    }

    /** Overwrites four bytes at an earlier position (a length or checksum filled in afterwards). */
    void putI32At(int position, int v) {
        buf[position] = (byte) (v >>> 24);
        buf[position + 1] = (byte) (v >>> 16);
        buf[position + 2] = (byte) (v >>> 8);
        buf[position + 3] = (byte) v;
    }
}
