package dev.singletable.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ext.javatime.ser.InstantSerializer;

/**
 * Writes an {@link Instant} as {@link Instant#toString()} does ({@code 2026-11-21T09:30:00.120Z}: seconds always, a
 * fraction in groups of three digits when there is one) without a DateTimeFormatter, for years 0000 to 9999, and
 * through {@code toString} otherwise. Jackson's {@link InstantSerializer} writes every Instant of a response with
 * {@code toString}, whose formatter (a print context and a LocalDateTime per value) was about 5 % of the samples of
 * {@code GET /api/timeline} (twenty instants a page; docs/benchmarks.md, issue 21). {@code InstantTextTest} holds the
 * two equal on seeded random instants.
 */
final class InstantText {

    /** 0000-01-01T00:00:00Z. */
    static final long MIN_SECOND = -62_167_219_200L;
    /** 9999-12-31T23:59:59Z. */
    static final long MAX_SECOND = 253_402_300_799L;

    private InstantText() {}

    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < MIN_SECOND || seconds > MAX_SECOND) {
            return instant.toString(); // a sign and five or more digits of year
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        int nanos = instant.getNano();
        int fraction = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
        char[] text = new char[20 + (fraction == 0 ? 0 : fraction + 1)];
        digits(text, 0, date.getYear(), 4);
        text[4] = '-';
        digits(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, secondOfDay / 3_600, 2);
        text[13] = ':';
        digits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, secondOfDay % 60, 2);
        if (fraction > 0) {
            text[19] = '.';
            int value = nanos;
            for (int i = 9; i > fraction; i--) {
                value /= 10;
            }
            digits(text, 20, value, fraction);
        }
        text[text.length - 1] = 'Z';
        return new String(text);
    }

    /** {@code value} as {@code count} decimal digits at {@code from}, zero-padded. */
    private static void digits(char[] text, int from, int value, int count) {
        for (int i = from + count - 1; i >= from; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * Jackson's InstantSerializer with its text made by {@link #format} when it has no pattern of its own: timestamps,
     * truncation and a {@code @JsonFormat} pattern stay Jackson's. Its contextual copies (Jackson makes one per
     * property, with the property's format settings) are of this class too, as Jackson's own copies are of its own.
     */
    static final class Serializer extends InstantSerializer {

        Serializer() {
            super();
        }

        private Serializer(
                Serializer base,
                @Nullable DateTimeFormatter formatter,
                @Nullable Boolean useTimestamp,
                @Nullable Boolean useNanoseconds,
                JsonFormat.@Nullable Shape shape) {
            super(base, formatter, useTimestamp, useNanoseconds, shape);
        }

        @Override
        protected InstantSerializer withFormat(
                @Nullable DateTimeFormatter formatter,
                @Nullable Boolean useTimestamp,
                JsonFormat.@Nullable Shape shape) {
            return new Serializer(this, formatter, useTimestamp, _useNanoseconds, shape);
        }

        @Override
        protected InstantSerializer withFeatures(@Nullable Boolean writeZoneId, @Nullable Boolean useNanoseconds) {
            return new Serializer(this, _formatter, _useTimestamp, useNanoseconds, _shape);
        }

        @Override
        protected String formatValue(Instant value, SerializationContext context) {
            return _formatter == null ? format(value) : super.formatValue(value, context);
        }
    }
}
