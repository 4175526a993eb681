package dev.singletable.engine.ttl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Which items TTL deletes, as DynamoDB decides: the TTL attribute must be a top-level Number holding epoch seconds
 * earlier than now; an item whose attribute is missing or not a Number is left alone, and so is one whose time is more
 * than five years in the past (DynamoDB takes such values for mistakes, not expirations).
 */
final class TtlRules {

    private TtlRules() {}

    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    /**
     * The whole second (rounded down) at which an item with this TTL value may expire, or null if it never does
     * because the value is not a Number. Values beyond a long are clamped: they are never within five years of now.
     */
    static @Nullable Long dueSecond(@Nullable AttributeValue ttl) {
        String n = ttl == null ? null : ttl.n();
        if (n == null) {
            return null;
        }
        if (n.length() <= 18 && isPlainInteger(n)) {
            return Long.parseLong(n); // the usual form: epoch seconds as digits, no BigDecimal needed
        }
        BigDecimal value;
        try {
            value = new BigDecimal(n);
        } catch (NumberFormatException e) {
            return null;
        }
        if (value.compareTo(LONG_MAX) >= 0) {
            return Long.MAX_VALUE;
        }
        if (value.compareTo(LONG_MIN) <= 0) {
            return Long.MIN_VALUE;
        }
        return value.setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    /** The oldest TTL second that still expires at this time: anything more than five years old never does. */
    static long oldestExpiringSecond(long nowMillis) {
        return Instant.ofEpochMilli(nowMillis)
                .atZone(ZoneOffset.UTC)
                .minusYears(5)
                .toEpochSecond();
    }

    private static boolean isPlainInteger(String n) {
        int start = n.startsWith("-") ? 1 : 0;
        if (start == n.length()) {
            return false;
        }
        for (int i = start; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static boolean expired(@Nullable AttributeValue ttl, long nowMillis) {
        if (ttl == null || ttl.n() == null) {
            return false;
        }
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(ttl.n());
        } catch (NumberFormatException e) {
            return false;
        }
        BigDecimal now = BigDecimal.valueOf(nowMillis).movePointLeft(3);
        if (seconds.compareTo(now) >= 0) {
            return false;
        }
        return seconds.compareTo(BigDecimal.valueOf(oldestExpiringSecond(nowMillis))) >= 0;
    }
}
