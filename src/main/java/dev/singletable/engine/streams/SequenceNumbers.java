package dev.singletable.engine.streams;

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

    static String format(long value) {
        return "1" + String.format("%020d", value);
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
