package dev.singletable.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Binary and string keys order by unsigned bytes, whatever their length around the two eight-byte prefix words. */
class KeyValuePrefixOrderTest {

    @Test
    void ordersLikeUnsignedBytesIncludingZeroBytesAndSharedPrefixes() {
        ordersLikeUnsignedBytes(new Random(11), 12, 4);
    }

    /** Lengths around the second word's end (16), with long shared prefixes (seed 20261205, issue 21). */
    @Test
    void ordersLikeUnsignedBytesAroundTheSecondWord() {
        ordersLikeUnsignedBytes(new Random(20261205), 24, 10);
    }

    private static void ordersLikeUnsignedBytes(Random random, int maxLength, int maxExtension) {
        byte[] alphabet = {0, 1, 0x41, 0x7F, (byte) 0x80, (byte) 0xFF};
        for (int i = 0; i < 20_000; i++) {
            byte[] a = randomBytes(random, alphabet, maxLength);
            byte[] b =
                    switch (random.nextInt(3)) {
                        case 0 -> randomBytes(random, alphabet, maxLength);
                        case 1 -> extend(random, a, alphabet, maxExtension);
                        default -> mutate(random, extend(random, a, alphabet, maxExtension), alphabet);
                    };
            int expected = Integer.signum(Arrays.compareUnsigned(a, b));
            assertThat(Integer.signum(KeyValue.ofBytes(a).compareTo(KeyValue.ofBytes(b))))
                    .as("%s vs %s", Arrays.toString(a), Arrays.toString(b))
                    .isEqualTo(expected);
            assertThat(KeyValue.ofBytes(a).equals(KeyValue.ofBytes(b))).isEqualTo(expected == 0);
        }
    }

    private static byte[] randomBytes(Random random, byte[] alphabet, int maxLength) {
        byte[] b = new byte[1 + random.nextInt(maxLength)];
        for (int i = 0; i < b.length; i++) {
            b[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return b;
    }

    /** The same bytes but one, anywhere: a shared prefix of any length, then a difference. */
    private static byte[] mutate(Random random, byte[] a, byte[] alphabet) {
        byte[] b = a.clone();
        b[random.nextInt(b.length)] = alphabet[random.nextInt(alphabet.length)];
        return b;
    }

    private static byte[] extend(Random random, byte[] a, byte[] alphabet, int maxExtension) {
        byte[] b = Arrays.copyOf(a, a.length + random.nextInt(maxExtension));
        for (int i = a.length; i < b.length; i++) {
            b[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return b;
    }
}
