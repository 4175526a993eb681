package dev.singletable.engine.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written formatting of sequence numbers gives exactly the text the {@code String.format} form gave. */
class SequenceNumbersTest {

    private static String formatted(long value) {
        return "1" + String.format(Locale.ROOT, "%020d", value);
    }

    @Test
    void theTextIsTheZeroPaddedFormOnSeededRandomValuesOfEveryLength() {
        SplittableRandom random = new SplittableRandom(20261205);
        for (int i = 0; i < 100_000; i++) {
            // every digit count from 1 to 19 equally often: a random long is almost always 18-19 digits long
            long value = random.nextLong(Long.MAX_VALUE) >>> random.nextInt(63);
            String text = SequenceNumbers.format(value);
            assertThat(text).as("value %d", value).isEqualTo(formatted(value));
            assertThat(SequenceNumbers.parse(text)).isEqualTo(value);
        }
    }

    @Test
    void theEdgesAreTheZeroPaddedForm() {
        long[] values = {
            0,
            1,
            9,
            10,
            999,
            1000,
            SequenceNumbers.of(1, 0),
            SequenceNumbers.of(1, 999),
            999_999_999_999_999_999L,
            1_000_000_000_000_000_000L,
            Long.MAX_VALUE,
            -1,
            -42,
            Long.MIN_VALUE
        };
        for (long value : values) {
            assertThat(SequenceNumbers.format(value)).as("value %d", value).isEqualTo(formatted(value));
        }
        assertThat(SequenceNumbers.format(Long.MAX_VALUE)).hasSize(21);
        assertThat(SequenceNumbers.format(0)).isEqualTo("100000000000000000000");
    }
}
