package dev.singletable.engine.value;

import dev.singletable.engine.error.EngineErrors;
import java.math.BigDecimal;

/**
 * DynamoDB's number type: validation, canonical form and exact arithmetic on number strings.
 *
 * <p>A DynamoDB number is a decimal with at most 38 significant digits whose magnitude lies between 1E-130 and
 * 9.99...E+125 (or is zero). It is stored and returned in plain decimal notation without superfluous zeros or
 * signs, which is what {@link #canonical(String)} produces [1].
 *
 * [1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html">Supported data types and naming rules in Amazon DynamoDB</a>
 */
public final class Numbers {

    /** Largest number of significant decimal digits DynamoDB stores. */
    public static final int MAX_PRECISION = 38;
    /** Exponent of the leading digit of the largest storable magnitude (9.99..E+125). */
    public static final int MAX_EXPONENT = 125;
    /** Exponent of the leading digit of the smallest storable magnitude (1E-130). */
    public static final int MIN_EXPONENT = -130;

    static final String NOT_A_NUMBER = "The parameter cannot be converted to a numeric value";
    static final String OVERFLOW =
            "Number overflow. Attempting to store a number with magnitude larger than supported range";
    static final String UNDERFLOW =
            "Number underflow. Attempting to store a number with magnitude smaller than supported range";
    static final String TOO_PRECISE = "Attempting to store more than 38 significant digits in a Number";

    private Numbers() {}

    /** Validates a DynamoDB number string and returns its canonical form, as DynamoDB returns it on read-back. */
    public static String canonical(String raw) {
        return format(checkStorable(parse(raw)));
    }

    /** The value of a number string (canonical or not: any valid DynamoDB number string is accepted). */
    static BigDecimal toBigDecimal(String canonical) {
        return parse(canonical);
    }

    /** Exact sum; the result is validated as a stored number would be. */
    public static String add(String a, String b) {
        return arithmeticResult(parse(a).add(parse(b)));
    }

    /** Exact difference; the result is validated as a stored number would be. */
    public static String subtract(String a, String b) {
        return arithmeticResult(parse(a).subtract(parse(b)));
    }

    /** Numeric comparison of two number strings. */
    public static int compare(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        long x = smallInteger(a);
        long y = smallInteger(b);
        if (x != Long.MIN_VALUE && y != Long.MIN_VALUE) {
            return Long.compare(x, y);
        }
        return parse(a).compareTo(parse(b));
    }

    /** Canonical form of an already validated value. */
    static String format(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        return value.stripTrailingZeros().toPlainString();
    }

    /**
     * Validates the magnitude and precision of a value that is about to be stored. DynamoDB checks magnitude first,
     * so an over-long number that is also too large reports overflow.
     */
    static BigDecimal checkStorable(BigDecimal value) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        // exponent of the leading digit: value = d.ddd x 10^leading, the same with or without trailing zeros. Judged
        // before they are stripped: stripping lowers the scale, and "1000e2147483647" would take it past an int.
        long leading = (long) value.precision() - value.scale() - 1;
        if (leading > MAX_EXPONENT) {
            throw EngineErrors.validation(OVERFLOW);
        }
        if (leading < MIN_EXPONENT) {
            throw EngineErrors.validation(UNDERFLOW);
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.precision() > MAX_PRECISION) {
            throw EngineErrors.validation(TOO_PRECISE);
        }
        return stripped;
    }

    /**
     * Result of {@code +}/{@code -} in an update. DynamoDB reports an inexact result (more than 38 digits) as an
     * overflow, not as a precision error: "1E50 + 1" fails with the overflow message.
     */
    private static String arithmeticResult(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        long leading = (long) stripped.precision() - stripped.scale() - 1;
        if (leading < MIN_EXPONENT) {
            throw EngineErrors.validation(UNDERFLOW);
        }
        if (leading > MAX_EXPONENT || stripped.precision() > MAX_PRECISION) {
            throw EngineErrors.validation(OVERFLOW);
        }
        return stripped.toPlainString();
    }

    /** Parses any number string DynamoDB accepts as input; leading '+', leading '.', trailing '.' and exponents. */
    static BigDecimal parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            throw EngineErrors.validation(NOT_A_NUMBER);
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean allowed = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
            if (!allowed) {
                throw EngineErrors.validation(NOT_A_NUMBER + ": " + raw);
            }
        }
        if (raw.length() > LONG_NUMBER_CHARS) {
            return parseLong(raw);
        }
        try {
            return new BigDecimal(raw);
        } catch (NumberFormatException | ArithmeticException e) {
            throw EngineErrors.validation(NOT_A_NUMBER + ": " + raw);
        }
    }

    /**
     * Number strings longer than this are read by {@link #parseLong}: BigDecimal's constructor and
     * {@code stripTrailingZeros} take time quadratic in the digits (a 50 000-digit string took 3 s, 200 000 digits
     * 30 s), which one request could otherwise spend on a server thread.
     */
    private static final int LONG_NUMBER_CHARS = 128;

    /**
     * A long number string, judged by one scan of its characters: the same answers as BigDecimal's grammar and
     * {@link #checkStorable} would give (malformed; overflow, underflow, then precision), and for a storable number
     * its value built from its at most 38 significant digits.
     */
    private static BigDecimal parseLong(String raw) {
        int n = raw.length();
        int i = 0;
        boolean negative = false;
        if (raw.charAt(0) == '+' || raw.charAt(0) == '-') {
            negative = raw.charAt(0) == '-';
            i++;
        }
        long digits = 0;
        long integerDigits = 0;
        long firstSignificant = -1;
        long lastSignificant = -1;
        boolean point = false;
        for (; i < n; i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                if (c != '0') {
                    if (firstSignificant < 0) {
                        firstSignificant = digits;
                    }
                    lastSignificant = digits;
                }
                digits++;
                if (!point) {
                    integerDigits++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        long exponent = 0;
        if (i < n) {
            if (raw.charAt(i) != 'e' && raw.charAt(i) != 'E') {
                throw EngineErrors.validation(NOT_A_NUMBER + ": " + raw);
            }
            i++;
            boolean negativeExponent = false;
            if (i < n && (raw.charAt(i) == '+' || raw.charAt(i) == '-')) {
                negativeExponent = raw.charAt(i) == '-';
                i++;
            }
            if (i == n) {
                throw EngineErrors.validation(NOT_A_NUMBER + ": " + raw);
            }
            for (; i < n; i++) {
                char c = raw.charAt(i);
                if (c < '0' || c > '9' || exponent > Integer.MAX_VALUE) {
                    throw EngineErrors.validation(NOT_A_NUMBER + ": " + raw); // BigDecimal: an int exponent
                }
                exponent = exponent * 10 + (c - '0');
            }
            exponent = negativeExponent ? -exponent : exponent;
        }
        if (digits == 0 || exponent > Integer.MAX_VALUE || exponent < Integer.MIN_VALUE) {
            throw EngineErrors.validation(NOT_A_NUMBER + ": " + raw);
        }
        // BigDecimal's scale (the digits after the point, less the exponent) must be an int, zero included
        long scale = digits - integerDigits - exponent;
        if (scale > Integer.MAX_VALUE || scale < Integer.MIN_VALUE) {
            throw EngineErrors.validation(NOT_A_NUMBER + ": " + raw);
        }
        if (firstSignificant < 0) {
            return BigDecimal.ZERO;
        }
        // value = d.ddd x 10^leading, with the significant digits from firstSignificant to lastSignificant
        long leading = integerDigits - firstSignificant - 1 + exponent;
        long significant = lastSignificant - firstSignificant + 1;
        if (leading > MAX_EXPONENT) {
            throw EngineErrors.validation(OVERFLOW);
        }
        if (leading < MIN_EXPONENT) {
            throw EngineErrors.validation(UNDERFLOW);
        }
        if (significant > MAX_PRECISION) {
            throw EngineErrors.validation(TOO_PRECISE);
        }
        StringBuilder unscaled = new StringBuilder((int) significant + 1);
        if (negative) {
            unscaled.append('-');
        }
        long position = 0;
        for (int j = 0; j < n && position <= lastSignificant; j++) {
            char c = raw.charAt(j);
            if (c >= '0' && c <= '9') {
                if (position >= firstSignificant) {
                    unscaled.append(c);
                }
                position++;
            } else if (c == 'e' || c == 'E') {
                break;
            }
        }
        return new BigDecimal(new java.math.BigInteger(unscaled.toString()), (int) (significant - 1 - leading));
    }

    /** The value of a short plain integer string, or Long.MIN_VALUE when the string is anything else. */
    private static long smallInteger(String s) {
        int n = s.length();
        if (n == 0 || n > 18) {
            return Long.MIN_VALUE;
        }
        int i = s.charAt(0) == '-' ? 1 : 0;
        if (i == n) {
            return Long.MIN_VALUE;
        }
        long v = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return Long.MIN_VALUE;
            }
            v = v * 10 + (c - '0');
        }
        return s.charAt(0) == '-' ? -v : v;
    }
}
