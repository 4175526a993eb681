package dev.singletable.engine.durability;

import java.util.zip.CRC32C;

/**
 * The checksummed frame around every record of the log and every chunk of a snapshot:
 * <pre>
 *   magic (4 bytes) | payload length (4) | CRC-32C of length and payload (4) | payload
 * </pre>
 * The magic number lets recovery tell a torn tail (nothing valid after the damage) from damage in the middle (a
 * valid frame further on) without trusting a broken length field.
 */
final class Frames {

    public static final int MAGIC = 0x53544652; // "STFR"
    public static final int HEADER_BYTES = 12;
    /** Far above the largest legal record (a 4 MB transaction plus overhead); anything larger is damage. */
    public static final int MAX_PAYLOAD = 64 * 1024 * 1024;

    private Frames() {}

    /** Appends one frame holding the payload. */
    public static void write(ByteWriter out, byte[] payload, int offset, int length) {
        out.i32(MAGIC).i32(length).i32(checksum(length, payload, offset, length));
        out.raw(payload, offset, length);
    }

    public static int checksum(int length, byte[] payload, int offset, int count) {
        CRC32C crc = new CRC32C();
        crc.update((length >>> 24) & 0xFF);
        crc.update((length >>> 16) & 0xFF);
        crc.update((length >>> 8) & 0xFF);
        crc.update(length & 0xFF);
        crc.update(payload, offset, count);
        return (int) crc.getValue();
    }

    /**
     * The payload length of a well-formed frame at this position of the buffer, or -1 when none starts there
     * (wrong magic, impossible length, not enough bytes, or a checksum mismatch).
     */
    static int validFrameAt(byte[] buf, int pos, int limit) {
        if (limit - pos < HEADER_BYTES || readInt(buf, pos) != MAGIC) {
            return -1;
        }
        int length = readInt(buf, pos + 4);
        if (length < 0 || length > MAX_PAYLOAD || limit - pos - HEADER_BYTES < length) {
            return -1;
        }
        int expected = readInt(buf, pos + 8);
        return checksum(length, buf, pos + HEADER_BYTES, length) == expected ? length : -1;
    }

    /** Whether any well-formed frame starts after this position: proof that damage there is not a torn tail. */
    static boolean anyValidFrameAfter(byte[] buf, int pos, int limit) {
        for (int p = pos + 1; p + HEADER_BYTES <= limit; p++) {
            if (buf[p] == (byte) (MAGIC >>> 24) && validFrameAt(buf, p, limit) >= 0) {
                return true;
            }
        }
        return false;
    }

    static int readInt(byte[] b, int p) {
        return ((b[p] & 0xFF) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
    }
}
