package dev.singletable.engine.wire;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The {@code Date} header of every response. Formatting an RFC 1123 date costs more than the rest of a small
 * response's headers together, and the value changes once a second, so the last formatted second is kept.
 */
final class HttpDates {

    /** One second's text; replaced as a whole, so readers on any thread see a consistent pair. */
    private record Formatted(long epochSecond, String text) {}

    private static volatile Formatted last = new Formatted(Long.MIN_VALUE, "");

    private HttpDates() {}

    static String now() {
        long second = System.currentTimeMillis() / 1000;
        Formatted current = last;
        if (current.epochSecond() != second) {
            current = new Formatted(
                    second,
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(
                            Instant.ofEpochSecond(second).atOffset(ZoneOffset.UTC)));
            last = current;
        }
        return current.text();
    }
}
