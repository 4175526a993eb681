package dev.singletable.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Binary and string keys order by unsigned bytes, whatever their length around the eight-byte prefix. */
class KeyValuePrefixOrderTest {

    @Test
    void ordersLikeUnsignedBytesIncludingZeroBytesAndSharedPrefixes() {
        Random random = new Random(11);
        byte[] alphabet = {0, 1, 0x41, 0x7F, (byte) 0x80, (byte) 0xFF};
        for (int i = 0; i < 20_000; i++) {
            byte[] a = randomBytes(random, alphabet);
            byte[] b = random.nextBoolean() ? randomBytes(random, alphabet) : extend(random, a, alphabet);
            int expected = Integer.signum(Arrays.compareUnsigned(a, b));
            assertThat(Integer.signum(KeyValue.ofBytes(a).compareTo(KeyValue.ofBytes(b))))
                    .as("%s vs %s", Arrays.toString(a), Arrays.toString(b))
                    .isEqualTo(expected);
            assertThat(KeyValue.ofBytes(a).equals(KeyValue.ofBytes(b))).isEqualTo(expected == 0);
        }
    }

    private static byte[] randomBytes(Random random, byte[] alphabet) {
        byte[] b = new byte[1 + random.nextInt(12)];
        for (int i = 0; i < b.length; i++) {
            b[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return b;
    }

    private static byte[] extend(Random random, byte[] a, byte[] alphabet) {
        byte[] b = Arrays.copyOf(a, a.length + random.nextInt(4));
        for (int i = a.length; i < b.length; i++) {
            b[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return b;
    }
}
