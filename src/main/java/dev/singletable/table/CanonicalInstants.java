package dev.singletable.table;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Reads the text {@link Instant#toString()} writes ({@code 2026-11-21T20:10:22.642Z}: four-digit year, seconds, an
 * optional fraction of 1–9 digits, {@code Z}) without a DateTimeFormatter, and anything else with
 * {@link Instant#parse}, so the result and the errors are Instant.parse's. Every item's timestamps are stored in
 * that form, and a page of 20 tweets holds 20 of them: the formatter's parse (a parse context, a field map, a
 * resolver per call) was a sixth of the request path's allocation (docs/benchmarks.md, run 8).
 */
public final class CanonicalInstants {

    private static final int SECONDS_END = 19; // yyyy-MM-ddTHH:mm:ss

    private CanonicalInstants() {}

    public static Instant parse(CharSequence text) {
        Instant fast = parseCanonical(text);
        return fast != null ? fast : Instant.parse(text);
    }

    /** The instant, or null when the text is not in the canonical form (or names no real date). */
    public static @Nullable Instant parseCanonical(CharSequence text) {
        int length = text.length();
        if (length < SECONDS_END + 1
                || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0
                || month < 0
                || day < 0
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59) {
            return null;
        }
        int nanos = 0;
        int fractionDigits = length - 1 - SECONDS_END - 1;
        if (length - 1 > SECONDS_END) {
            if (text.charAt(SECONDS_END) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            int fraction = digits(text, SECONDS_END + 1, fractionDigits);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException noSuchDate) {
            return null; // Instant.parse reports it
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The value of {@code count} decimal digits at {@code from}; -1 if any is not a digit. */
    private static int digits(CharSequence text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
