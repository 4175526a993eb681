package dev.singletable.engine.streams;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Stream sequence numbers. A record's number is derived from the engine's commit sequence (times 1000, plus the
 * change's position in its unit), so numbers grow with commit order, are unique across streams, and come out the
 * same when the log is replayed. As text: a "1" then 20 digits, 21 characters (AWS allows 21 to 40 [1]), numeric as
 * the SDKs expect.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_StreamRecord.html">StreamRecord</a>
 */
final class SequenceNumbers {

    /** More changes than a transaction or batch can hold in one unit. */
    static final long PER_UNIT = 1000;

    private SequenceNumbers() {}

    static long of(long commitSequence, int indexInUnit) {
        return commitSequence * PER_UNIT + indexInUnit;
    }

    /** Width of the zero-padded number after the leading "1" (a long has at most 19 digits). */
    private static final int DIGITS = 20;

    /**
     * The text of a sequence number: "1", then the value zero-padded to 20 digits. Written by hand because
     * {@code String.format} parses its pattern and looks up the locale's digits on every call: 5 % of the engine's
     * wire threads under the service's stream listener (GetRecords formats every record's number; docs/benchmarks.md,
     * "A store call over the wire"). The same text as {@code "1" + String.format(Locale.ROOT, "%020d", value)}
     * ({@code SequenceNumbersTest}); sequence numbers are never negative, but a negative value keeps that form too.
     */
    static String format(long value) {
        if (value < 0) {
            return "1" + String.format(Locale.ROOT, "%020d", value);
        }
        String digits = Long.toString(value);
        StringBuilder text = new StringBuilder(DIGITS + 1).append('1');
        for (int pad = DIGITS - digits.length(); pad > 0; pad--) {
            text.append('0');
        }
        return text.append(digits).toString();
    }

    /** The value of a sequence number this engine issued, or -1 when the text is not one. */
    static long parse(@Nullable String text) {
        if (text == null || text.length() != 21 || text.charAt(0) != '1') {
            return -1;
        }
        for (int i = 1; i < 21; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        try {
            return Long.parseLong(text.substring(1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
