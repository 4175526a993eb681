package dev.singletable.engine.wire;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Undoes {@code Content-Encoding} on request bodies (gzip, and deflate for good measure). The decoded size is
 * bounded like the raw body, so a small compressed body cannot expand without limit.
 */
final class ContentDecoding {

    /** The decoded body exceeds the limit: answered with 413, like an oversized raw body. */
    static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super(null, null, false, false);
        }
    }

    /**
     * A body that cannot be decoded: an unknown coding, or bytes that are not what the coding says (empty ones
     * included). AWS answers these with a 500 InternalServerError, as ScyllaDB's compatibility tests record
     * (test_compressed_request.py), and the request is not executed.
     */
    static final class Undecodable extends Exception {
        private static final long serialVersionUID = 1L;

        Undecodable() {
            super(null, null, false, false);
        }
    }

    /** A body with its valid length; the array may be longer. */
    static final class Body {
        final byte[] bytes;
        final int length;

        Body(byte[] bytes, int length) {
            this.bytes = bytes;
            this.length = length;
        }
    }

    private ContentDecoding() {}

    /**
     * Decodes the body per the {@code Content-Encoding} header (a comma-separated list applied in order).
     */
    static Body decode(String contentEncoding, byte[] body, int length, int maxBytes) throws TooLarge, Undecodable {
        Body current = new Body(body, length);
        if (contentEncoding == null || contentEncoding.isBlank()) {
            return current;
        }
        String[] codings = contentEncoding.split(",");
        for (int i = codings.length - 1; i >= 0; i--) {
            String coding = codings[i].trim().toLowerCase(Locale.ROOT);
            switch (coding) {
                case "gzip":
                case "x-gzip":
                    current = inflate(current, maxBytes, true);
                    break;
                case "deflate":
                    current = inflate(current, maxBytes, false);
                    break;
                case "identity":
                case "":
                    break;
                default:
                    throw new Undecodable();
            }
        }
        return current;
    }

    private static Body inflate(Body compressed, int maxBytes, boolean gzip) throws TooLarge, Undecodable {
        if (compressed.length == 0) {
            throw new Undecodable();
        }
        try (InputStream in = gzip
                ? new GZIPInputStream(new ByteArrayInputStream(compressed.bytes, 0, compressed.length), 8192)
                : new InflaterInputStream(new ByteArrayInputStream(compressed.bytes, 0, compressed.length))) {
            byte[] out = new byte[Math.max(1024, Math.min(maxBytes, compressed.length * 4))];
            int length = 0;
            while (true) {
                if (length == out.length) {
                    if (out.length >= maxBytes) {
                        // full at the limit: any further byte makes the body too large
                        if (in.read() >= 0) {
                            throw new TooLarge();
                        }
                        break;
                    }
                    out = Arrays.copyOf(out, (int) Math.min(maxBytes, out.length * 2L));
                }
                int read = in.read(out, length, out.length - length);
                if (read < 0) {
                    break;
                }
                length += read;
            }
            return new Body(out, length);
        } catch (IOException e) {
            // not valid compressed data: the request cannot be read
            throw new Undecodable();
        }
    }
}
