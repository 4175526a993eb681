package dev.singletable.engine.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Compressed responses, as DynamoDB sends them: a client that lists {@code gzip} or {@code deflate} (or {@code *}) in
 * {@code Accept-Encoding} gets a response body above 4 KB compressed with the coding it prefers, marked by
 * {@code Content-Encoding}; {@code x-amz-crc32} is then the checksum of the compressed bytes, as sent
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.LowLevelAPI.html). The way DynamoDB reads
 * the header, quirks included, is the one ScyllaDB's compatibility tests record against AWS
 * (test_compressed_response.py): only the first header counts; an element's first parameter containing {@code q=} is
 * its quality (a value that is not a number counts as 1, above 1 as 1, zero or below excludes the coding); a coding
 * named explicitly takes precedence over {@code *}; on equal quality the one listed first wins; {@code identity} and
 * unknown codings are ignored.
 */
final class ResponseCompression {

    /** DynamoDB compresses responses larger than this. */
    static final int THRESHOLD_BYTES = 4096;

    private ResponseCompression() {}

    /** The coding to answer with ({@code gzip} or {@code deflate}), or null for none. */
    static @Nullable String choose(@Nullable String acceptEncoding) {
        if (acceptEncoding == null || acceptEncoding.isBlank()) {
            return null;
        }
        double gzip = -1;
        double deflate = -1;
        double star = -1;
        int gzipAt = -1;
        int deflateAt = -1;
        String[] elements = acceptEncoding.split(",", -1);
        for (int i = 0; i < elements.length; i++) {
            String[] parts = elements[i].split(";", -1);
            String coding = parts[0].trim().toLowerCase(Locale.ROOT);
            double q = quality(parts);
            switch (coding) {
                case "gzip" -> {
                    if (q > gzip) {
                        gzip = q;
                        gzipAt = i;
                    }
                }
                case "deflate" -> {
                    if (q > deflate) {
                        deflate = q;
                        deflateAt = i;
                    }
                }
                case "*" -> star = Math.max(star, q);
                default -> {}
            }
        }
        boolean gzipExplicit = gzipAt >= 0;
        boolean deflateExplicit = deflateAt >= 0;
        double gzipQ = gzipExplicit ? gzip : star;
        double deflateQ = deflateExplicit ? deflate : star;
        if (gzipQ <= 0 && deflateQ <= 0) {
            return null;
        }
        if (gzipQ != deflateQ) {
            return gzipQ > deflateQ ? "gzip" : "deflate";
        }
        if (gzipExplicit != deflateExplicit) {
            return gzipExplicit ? "gzip" : "deflate";
        }
        return !gzipExplicit || gzipAt <= deflateAt ? "gzip" : "deflate";
    }

    private static double quality(String[] parts) {
        for (int p = 1; p < parts.length; p++) {
            int at = parts[p].indexOf("q=");
            if (at >= 0) {
                try {
                    double q = Double.parseDouble(parts[p].substring(at + 2).trim());
                    return Double.isNaN(q) ? 1 : Math.min(q, 1);
                } catch (NumberFormatException notANumber) {
                    return 1;
                }
            }
        }
        return 1;
    }

    static byte[] compress(byte[] body, String coding) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 4));
        try (var stream = "gzip".equals(coding) ? new GZIPOutputStream(out) : new DeflaterOutputStream(out)) {
            stream.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        return out.toByteArray();
    }
}
