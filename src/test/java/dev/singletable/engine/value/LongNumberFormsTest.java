package dev.singletable.engine.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Number strings longer than 128 characters take a fast path ({@code Numbers.parseLong}: one scan instead of
 * BigDecimal's quadratic constructor and {@code stripTrailingZeros}, issue #17's fuzzer). It must answer exactly what
 * the full path answers — BigDecimal's grammar, then {@link Numbers#checkStorable} — for every string: the same
 * canonical value, or the same error. Checked over a seeded set ({@code -Dnumbers.seed}, {@code -Dnumbers.count}):
 * the same values written many ways (leading zeros, trailing zeros, the point moved against the exponent, exponents
 * with leading zeros, plain notation), values beyond the storable range and precision, exponents near the int limits,
 * and random one-character mutations of all of these. {@code LongNumbersInRequestsTest} checks the same forms through
 * the engine (comparisons, update arithmetic, sort order).
 */
class LongNumberFormsTest {

    static final long SEED = Long.getLong("numbers.seed", 20261205L);
    private static final int COUNT = Integer.getInteger("numbers.count", 1_000);
    private static final String CHARS = "0123456789.+-eE";

    @Test
    void everyLongFormGetsTheFullPathsAnswer() {
        Random random = new Random(SEED);
        int checked = 0;
        int storable = 0;
        for (int i = 0; i < COUNT; i++) {
            SeededNumber number = SeededNumber.next(random);
            List<String> forms = new ArrayList<>(number.longForms(random));
            forms.add(mutate(forms.get(random.nextInt(forms.size())), random));
            forms.add(mutate(mutate(forms.get(random.nextInt(forms.size())), random), random));
            for (String form : forms) {
                assertThat(form.length()).as("a long form takes the fast path").isGreaterThan(128);
                String expected = fullPath(form);
                assertThat(fastPath(form)).as("seed %d, %s", SEED, form).isEqualTo(expected);
                checked++;
                if (!expected.startsWith("error")) {
                    storable++;
                }
            }
        }
        // the set must exercise both answers, not just one
        assertThat(storable).as("storable forms").isGreaterThan(checked / 4);
        assertThat(checked - storable).as("forms answered with an error").isGreaterThan(checked / 10);
    }

    @Test
    void exponentsNearTheIntLimitsGetTheFullPathsAnswer() {
        String zeros = "0".repeat(150);
        List<String> forms = new ArrayList<>();
        for (String exponent : new String[] {
            "2147483647",
            "2147483648",
            "-2147483647",
            "-2147483648",
            "-2147483649",
            "+2147483647",
            "-2147483500",
            "-2147483499",
            "2147483500",
            "-0000000000002147483648",
            "00000000000000000005",
            "-99999999999",
            "-" + "0".repeat(200) + "1"
        }) {
            for (String mantissa : new String[] {
                "1." + zeros,
                "0." + zeros + "1",
                zeros + "1",
                "1" + zeros,
                "." + zeros + "5",
                zeros + ".",
                "-" + zeros + "12.5"
            }) {
                forms.add(mantissa + "e" + exponent);
            }
        }
        for (String form : forms) {
            assertThat(fastPath(form)).as(form).isEqualTo(fullPath(form));
        }
    }

    @Test
    void comparisonAndArithmeticOnLongFormsMatchTheShortForms() {
        Random random = new Random(SEED + 1);
        List<SeededNumber> numbers = new ArrayList<>();
        while (numbers.size() < 300) {
            SeededNumber number = SeededNumber.next(random);
            if (number.storable()) {
                numbers.add(number);
            }
        }
        for (int i = 0; i < 1_000; i++) {
            SeededNumber a = numbers.get(random.nextInt(numbers.size()));
            SeededNumber b = random.nextInt(10) == 0 ? a : numbers.get(random.nextInt(numbers.size()));
            String longA = a.anyLongForm(random);
            String longB = b.anyLongForm(random);
            assertThat(Integer.signum(Numbers.compare(longA, longB)))
                    .as("compare %s %s", longA, longB)
                    .isEqualTo(new BigDecimal(a.shortForm()).compareTo(new BigDecimal(b.shortForm())));
            assertThat(answer(() -> Numbers.add(longA, longB)))
                    .as("add %s %s", longA, longB)
                    .isEqualTo(answer(() -> Numbers.add(a.shortForm(), b.shortForm())));
            assertThat(answer(() -> Numbers.subtract(longA, longB)))
                    .as("subtract %s %s", longA, longB)
                    .isEqualTo(answer(() -> Numbers.subtract(a.shortForm(), b.shortForm())));
        }
    }

    /** What the engine answers for a number string (through the fast path when it is over 128 characters). */
    static String fastPath(String raw) {
        return answer(() -> Numbers.canonical(raw));
    }

    /** What the full path answers: BigDecimal's grammar, then the storable range and precision. */
    static String fullPath(String raw) {
        BigDecimal value;
        try {
            value = new BigDecimal(raw);
        } catch (NumberFormatException | ArithmeticException e) {
            return "error: " + Numbers.NOT_A_NUMBER + ": " + raw;
        }
        return answer(() -> Numbers.format(Numbers.checkStorable(value)));
    }

    private static String answer(java.util.function.Supplier<String> call) {
        try {
            return call.get();
        } catch (DynamoDbException e) {
            return "error: " + e.awsErrorDetails().errorMessage();
        }
    }

    /** One character inserted, replaced or removed, from the characters a number string may hold. */
    static String mutate(String form, Random random) {
        int at = random.nextInt(form.length());
        char c = CHARS.charAt(random.nextInt(CHARS.length()));
        String out =
                switch (random.nextInt(3)) {
                    case 0 -> form.substring(0, at) + c + form.substring(at);
                    case 1 -> form.substring(0, at) + c + form.substring(at + 1);
                    default -> form.substring(0, at) + form.substring(at + 1);
                };
        return out.length() > 128 ? out : "0".repeat(129 - out.length()) + out;
    }

    /**
     * A seeded number: a sign, 1 to 38 significant digits (sometimes up to 45, beyond DynamoDB's precision) and a
     * decimal exponent from -140 to 135 (sometimes beyond the storable range), or zero. Its short form is at most 128
     * characters (the full path); its long forms are the same value written in over 128.
     */
    record SeededNumber(String sign, String digits, int exponent) {

        static SeededNumber next(Random random) {
            String sign =
                    switch (random.nextInt(6)) {
                        case 0, 1 -> "-";
                        case 2 -> "+";
                        default -> "";
                    };
            if (random.nextInt(40) == 0) {
                return new SeededNumber(sign, "0", random.nextInt(40) - 20);
            }
            int length = 1 + random.nextInt(random.nextInt(8) == 0 ? 45 : 38);
            StringBuilder digits = new StringBuilder();
            digits.append((char) ('1' + random.nextInt(9)));
            for (int i = 1; i < length; i++) {
                digits.append((char) ('0' + random.nextInt(10)));
            }
            int exponent = random.nextInt(8) == 0 ? random.nextInt(300) - 150 : random.nextInt(250) - 125;
            return new SeededNumber(sign, digits.toString(), exponent);
        }

        /** d.ddd E exponent: the leading digit's power of ten is the exponent. */
        String shortForm() {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "E" + exponent;
        }

        boolean storable() {
            return !fullPath(shortForm()).startsWith("error");
        }

        List<String> longForms(Random random) {
            String unsigned = shortForm().substring(sign.length());
            int e = unsigned.indexOf('E');
            String mantissa = unsigned.substring(0, e);
            List<String> forms = new ArrayList<>();
            forms.add(sign + zeros(random) + unsigned);
            forms.add(sign + (mantissa.contains(".") ? mantissa : mantissa + ".") + zeros(random) + "E" + exponent);
            String shift = zeros(random);
            forms.add(sign + "0." + shift + digits + "E" + (exponent + shift.length() + 1));
            forms.add(sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + zeros(random) + Math.abs(exponent));
            String plain = fullPath(shortForm()).startsWith("error")
                    ? sign + zeros(random) + mantissa + "e" + exponent
                    : sign + new BigDecimal(unsigned).toPlainString();
            forms.add(plain.length() > 128 ? plain : sign + zeros(random) + plain.substring(sign.length()));
            return forms;
        }

        String anyLongForm(Random random) {
            List<String> forms = longForms(random);
            return forms.get(random.nextInt(forms.size()));
        }

        private static String zeros(Random random) {
            return "0".repeat(129 + random.nextInt(150));
        }
    }
}
