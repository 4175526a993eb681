package dev.singletable.engine.value;

import java.math.BigDecimal;

/** DynamoDB's number type: validation, canonical form and exact arithmetic on number strings. */
public final class Numbers {

    private Numbers() {
    }

    /** Validates a DynamoDB number string and returns its canonical form, as DynamoDB returns it on read-back. */
    public static String canonical(String raw) {
        throw new UnsupportedOperationException();
    }

    public static BigDecimal toBigDecimal(String canonical) {
        throw new UnsupportedOperationException();
    }

    /** Exact sum; the result is validated as a stored number would be. */
    public static String add(String a, String b) {
        throw new UnsupportedOperationException();
    }

    /** Exact difference; the result is validated as a stored number would be. */
    public static String subtract(String a, String b) {
        throw new UnsupportedOperationException();
    }

    /** Numeric comparison of two number strings. */
    public static int compare(String a, String b) {
        throw new UnsupportedOperationException();
    }
}
