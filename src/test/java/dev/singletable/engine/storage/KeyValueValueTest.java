package dev.singletable.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Key values keep S and B as bytes only, and give back the client's value on demand, equal to what was given. */
class KeyValueValueTest {

    @Test
    void givesBackStringBinaryAndNumberValues() {
        AttributeValue s = AttributeValue.fromS("USER#\u00e9\u4e2d\uD83D\uDE00");
        AttributeValue b = AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, (byte) 0xFF, 7}));
        AttributeValue n = AttributeValue.fromN("-12.5");

        assertThat(KeyValue.of(ScalarAttributeType.S, s).value()).isEqualTo(s);
        assertThat(KeyValue.of(ScalarAttributeType.B, b).value()).isEqualTo(b);
        assertThat(KeyValue.of(ScalarAttributeType.N, n).value()).isEqualTo(n);
    }

    @Test
    void aValueLoadedFromBytesEqualsTheOneBuiltFromTheRequest() {
        String text = "POST#000000042 \u00fc";
        KeyValue loaded = KeyValue.ofStoredBytes(ScalarAttributeType.S, text.getBytes(StandardCharsets.UTF_8));
        KeyValue given = KeyValue.of(ScalarAttributeType.S, AttributeValue.fromS(text));

        assertThat(loaded).isEqualTo(given);
        assertThat(loaded.compareTo(given)).isZero();
        assertThat(loaded.partitionHash()).isEqualTo(given.partitionHash());
        assertThat(loaded.size()).isEqualTo(given.size());
        assertThat(loaded.value()).isEqualTo(AttributeValue.fromS(text));
    }

    @Test
    void aLoneSurrogateIsGivenBackAsItCame() {
        AttributeValue odd = AttributeValue.fromS("a\uD800b");

        assertThat(KeyValue.of(ScalarAttributeType.S, odd).value()).isEqualTo(odd);
    }

    @Test
    void sentinelsHaveNoValue() {
        assertThat(KeyValue.NONE.value()).isNull();
        assertThat(KeyValue.MIN.value()).isNull();
        assertThat(KeyValue.MAX.value()).isNull();
    }
}
