package dev.singletable.engine.value;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's item size accounting. Strings count their UTF-8 bytes, binaries their length, BOOL and NULL one
 * byte; a number counts one byte per pair of significant decimal digits (pairs aligned on the decimal point) plus
 * one, plus one more when negative, at most 21; a map or list costs 3 bytes plus 1 per element on top of its
 * elements (and, for maps, their names); a set costs the sum of its members [1].
 *
 * [1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html">DynamoDB item sizes and formats</a>
 */
final class ValueSizes {

    private static final int CONTAINER_OVERHEAD = 3;
    private static final int ELEMENT_OVERHEAD = 1;
    private static final int MAX_NUMBER_SIZE = 21;

    private ValueSizes() {}

    static long valueSize(AttributeValue v) {
        if (v.s() != null) {
            return utf8Length(v.s());
        }
        if (v.n() != null) {
            return numberSize(v.n());
        }
        if (v.b() != null) {
            return v.b().asByteArrayUnsafe().length;
        }
        if (v.bool() != null || v.nul() != null) {
            return 1;
        }
        if (v.hasM()) {
            long size = CONTAINER_OVERHEAD;
            for (Map.Entry<String, AttributeValue> e : v.m().entrySet()) {
                size += utf8Length(e.getKey()) + valueSize(e.getValue()) + ELEMENT_OVERHEAD;
            }
            return size;
        }
        if (v.hasL()) {
            long size = CONTAINER_OVERHEAD;
            for (AttributeValue e : v.l()) {
                size += valueSize(e) + ELEMENT_OVERHEAD;
            }
            return size;
        }
        if (v.hasSs()) {
            long size = 0;
            for (String s : v.ss()) {
                size += utf8Length(s);
            }
            return size;
        }
        if (v.hasNs()) {
            long size = 0;
            for (String s : v.ns()) {
                size += numberSize(s);
            }
            return size;
        }
        if (v.hasBs()) {
            long size = 0;
            List<SdkBytes> bs = v.bs();
            for (SdkBytes b : bs) {
                size += b.asByteArrayUnsafe().length;
            }
            return size;
        }
        return 0;
    }

    static long numberSize(String number) {
        BigDecimal value = Numbers.parse(number);
        if (value.signum() == 0) {
            return 1;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        // decimal exponents of the most and least significant digits; digits are stored in base-100 pairs
        // that are aligned on the decimal point, so count the pairs spanned by [lowest, highest]
        long highest = (long) stripped.precision() - stripped.scale() - 1;
        long lowest = -(long) stripped.scale();
        long pairs = Math.floorDiv(highest, 2) - Math.floorDiv(lowest, 2) + 1;
        long size = pairs + 1 + (stripped.signum() < 0 ? 1 : 0);
        return Math.min(size, MAX_NUMBER_SIZE);
    }

    static long utf8Length(String s) {
        int len = s.length();
        if (len > 32 && s.getBytes(StandardCharsets.UTF_8).length == len) {
            // ASCII, the common case: the JDK's vectorised encoder beats a charAt loop on long strings
            return len;
        }
        long n = 0;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
