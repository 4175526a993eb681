package dev.singletable.engine.ttl;

import java.math.BigDecimal;
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
        long fiveYearsAgo = Instant.ofEpochMilli(nowMillis)
                .atZone(ZoneOffset.UTC)
                .minusYears(5)
                .toEpochSecond();
        return seconds.compareTo(BigDecimal.valueOf(fiveYearsAgo)) >= 0;
    }
}
