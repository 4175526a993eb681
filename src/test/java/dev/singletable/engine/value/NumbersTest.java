package dev.singletable.engine.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

class NumbersTest {

    @ParameterizedTest
    @CsvSource({
        "1,1",
        "007,7",
        "001.23,1.23",
        "00,0",
        "+3,3",
        "+0,0",
        "+1.5,1.5",
        "1.0,1",
        "1.10,1.1",
        "100.000,100",
        "0.0,0",
        "0.10,0.1",
        "1e3,1000",
        "1E+3,1000",
        "-3e2,-300",
        "1.23e4,12300",
        "1e-3,0.001",
        "123e-2,1.23",
        "1.0e-1,0.1",
        "-0,0",
        "-0.0,0",
        "0e5,0",
        "0e-5,0",
        "0e126,0",
        ".5,0.5",
        "-.5,-0.5",
        "1.,1",
        "1.e2,100",
        "1e20,100000000000000000000",
        "1e-20,0.00000000000000000001",
        "-273.15,-273.15",
        "1e-0,1"
    })
    void canonicalFormIsPlainDecimalWithoutSuperfluousZeros(String raw, String expected) {
        assertThat(Numbers.canonical(raw)).isEqualTo(expected);
    }

    @Test
    void extremeMagnitudesArePrintedInFull() {
        assertThat(Numbers.canonical("1e125")).isEqualTo("1" + "0".repeat(125));
        assertThat(Numbers.canonical("9.9999999999999999999999999999999999999E+125"))
                .isEqualTo("9".repeat(38) + "0".repeat(88));
        assertThat(Numbers.canonical("-1e-130")).isEqualTo("-0." + "0".repeat(129) + "1");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "abc",
                "NaN",
                "Infinity",
                "-Infinity",
                " 1",
                "1 ",
                "1e",
                "e1",
                ".",
                "-",
                "+",
                "1e+",
                "1e2.5",
                "0x10",
                "1_0",
                "--1",
                "+-1",
                "1d",
                "1e99999999999"
            })
    void invalidNumbersAreRejectedWithTheValue(String raw) {
        assertThatThrownBy(() -> Numbers.canonical(raw))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("The parameter cannot be converted to a numeric value: " + raw);
    }

    @Test
    void emptyNumberIsRejectedWithoutValue() {
        assertThatThrownBy(() -> Numbers.canonical(""))
                .hasMessageStartingWith("The parameter cannot be converted to a numeric value (Service");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e126", "-1e126", "11e125", "1E+999"})
    void tooLargeMagnitudeOverflows(String raw) {
        assertThatThrownBy(() -> Numbers.canonical(raw))
                .hasMessageStartingWith(
                        "Number overflow. Attempting to store a number with magnitude larger than supported range");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e-131", "-1e-131", "0.9e-130"})
    void tooSmallMagnitudeUnderflows(String raw) {
        assertThatThrownBy(() -> Numbers.canonical(raw))
                .hasMessageStartingWith(
                        "Number underflow. Attempting to store a number with magnitude smaller than supported range");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "123456789012345678901234567890123456789",
                "-1.23456789012345678901234567890123456789",
                "314159265358979323846264338327950288419e30"
            })
    void moreThan38SignificantDigitsIsRejected(String raw) {
        assertThatThrownBy(() -> Numbers.canonical(raw))
                .hasMessageStartingWith("Attempting to store more than 38 significant digits in a Number");
    }

    @Test
    void thirtyEightDigitsWithTrailingZerosAreFine() {
        assertThat(Numbers.canonical("1234567890123456789012345678901234567800000"))
                .isEqualTo("1234567890123456789012345678901234567800000");
        assertThat(Numbers.canonical("3.1415926535897932384626433832795028841"))
                .isEqualTo("3.1415926535897932384626433832795028841");
    }

    @Test
    void arithmeticIsExact() {
        assertThat(Numbers.add("1", "10000000000000000000000")).isEqualTo("10000000000000000000001");
        assertThat(Numbers.subtract("10000000000000000000000", "1")).isEqualTo("9999999999999999999999");
        assertThat(Numbers.add("0.1", "0.2")).isEqualTo("0.3");
        assertThat(Numbers.subtract("5", "5")).isEqualTo("0");
        assertThat(Numbers.add("9e125", "9e124")).isEqualTo("99" + "0".repeat(124));
    }

    @Test
    void arithmeticOverflowAndInexactResultsReportOverflow() {
        String overflow = "Number overflow. Attempting to store a number with magnitude larger than supported range";
        assertThatThrownBy(() -> Numbers.add("9e125", "9e125")).hasMessageStartingWith(overflow);
        assertThatThrownBy(() -> Numbers.subtract("9e125", "-9e125")).hasMessageStartingWith(overflow);
        assertThatThrownBy(() -> Numbers.add("1e50", "1")).hasMessageStartingWith(overflow);
        assertThatThrownBy(() -> Numbers.subtract("1e50", "1")).hasMessageStartingWith(overflow);
    }

    @Test
    void compareIsNumeric() {
        assertThat(Numbers.compare("2", "10")).isNegative();
        assertThat(Numbers.compare("-2", "-10")).isPositive();
        assertThat(Numbers.compare("1e3", "1000")).isZero();
        assertThat(Numbers.compare("0.001", "0.01")).isNegative();
        assertThat(Numbers.compare("123456789012345678901234567890", "123456789012345678901234567891"))
                .isNegative();
        assertThat(Numbers.toBigDecimal("12.5")).isEqualByComparingTo("12.50");
    }

    /**
     * Number strings longer than 128 characters are judged by one scan instead of BigDecimal (whose constructor and
     * stripTrailingZeros are quadratic: 30 s for 200 000 digits, issue #17's fuzzer). Padding with zeros that change
     * nothing must change nothing in the answer, for every kind of number and error.
     */
    @Test
    void longNumberStringsGetTheSameAnswersAsShortOnes() {
        String zeros = "0".repeat(200);
        String[][] cases = {
            {zeros + "12.5", "12.5"},
            {"-" + zeros + "7", "-7"},
            {"+" + zeros + ".5" + zeros, "0.5"},
            {"1." + zeros, "1"},
            {"12" + zeros + "e-200", "12"},
            {"0." + zeros + "1e201", "1"},
            {zeros, "0"},
            {"-0." + zeros + "e5", "0"},
            {"1" + "0".repeat(125), "1" + "0".repeat(125)},
            {"0." + "0".repeat(129) + "1", "0." + "0".repeat(129) + "1"},
            {"9".repeat(38) + "0".repeat(88), "9".repeat(38) + "0".repeat(88)},
        };
        for (String[] c : cases) {
            assertThat(Numbers.canonical(c[0])).as(c[0]).isEqualTo(c[1]);
        }
        assertThat(Numbers.compare("1" + zeros.substring(0, 100), "1e100")).isZero();
        assertThatThrownBy(() -> Numbers.canonical("1" + "0".repeat(400_000)))
                .hasMessageStartingWith(
                        "Number overflow. Attempting to store a number with magnitude larger than supported range");
        assertThatThrownBy(() -> Numbers.canonical("0." + "0".repeat(400_000) + "1"))
                .hasMessageStartingWith(
                        "Number underflow. Attempting to store a number with magnitude smaller than supported "
                                + "range");
        assertThatThrownBy(() -> Numbers.canonical("1".repeat(100) + "." + zeros))
                .hasMessageStartingWith("Attempting to store more than 38 significant digits in a Number");
        assertThatThrownBy(() -> Numbers.canonical("1".repeat(300_000) + "e-299990"))
                .hasMessageStartingWith("Attempting to store more than 38 significant digits in a Number");
        for (String bad : new String[] {
            zeros + "1e",
            zeros + "..1",
            zeros + "1e5e5",
            zeros + "1-",
            "--" + zeros,
            "." + zeros.replace('0', '.'),
            zeros + "1e99999999999",
            zeros + "1e+"
        }) {
            assertThatThrownBy(() -> Numbers.canonical(bad))
                    .as(bad)
                    .hasMessageStartingWith("The parameter cannot be converted to a numeric value: ");
        }
    }
}
