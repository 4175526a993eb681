package dev.singletable.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.engine.storage.KeyValue;
import dev.singletable.engine.storage.StoredItem;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Items read from a snapshot stay encoded until first read; only the named key attributes are decoded up front. */
class LazyItemReadTest {

    private static Map<String, AttributeValue> sample() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.fromS("USER#1"));
        item.put(
                "nested",
                AttributeValue.fromM(Map.of(
                        "l",
                        AttributeValue.fromL(List.of(
                                AttributeValue.fromN("1"),
                                AttributeValue.fromM(Map.of("pk", AttributeValue.fromS("not the key"))))))));
        item.put("ss", AttributeValue.fromSs(List.of("a", "b")));
        item.put("bs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("x"))));
        item.put("flag", AttributeValue.fromBool(true));
        item.put("nul", AttributeValue.fromNul(true));
        item.put("sk", AttributeValue.fromN("42"));
        return item;
    }

    @Test
    void decodesOnlyTheWantedAttributesAndTheRestOnFirstRead() {
        ByteWriter w = new ByteWriter();
        ItemCodec.writeStored(w, new StoredItem(sample(), 123));
        ItemCodec.writeStored(w, new StoredItem(Map.of("pk", AttributeValue.fromS("USER#2")), 9));
        ByteReader r = new ByteReader(w.toByteArray());
        byte[][] wanted = {
            "pk".getBytes(StandardCharsets.UTF_8),
            "sk".getBytes(StandardCharsets.UTF_8),
            "gsk".getBytes(StandardCharsets.UTF_8)
        };

        ScalarAttributeType[] types = {ScalarAttributeType.S, ScalarAttributeType.N, ScalarAttributeType.S};
        KeyValue[] found = new KeyValue[3];
        StoredItem first = ItemCodec.readStoredLazily(r, wanted, types, found);
        assertThat(found)
                .containsExactly(
                        KeyValue.ofString("USER#1"),
                        KeyValue.of(ScalarAttributeType.N, AttributeValue.fromN("42")),
                        null);
        assertThat(found[0].value()).isEqualTo(AttributeValue.fromS("USER#1"));
        assertThat(first.size()).isEqualTo(123);
        assertThat(first.encodedForm()).isNotNull();

        KeyValue[] found2 = new KeyValue[3];
        StoredItem second = ItemCodec.readStoredLazily(r, wanted, types, found2);
        assertThat(found2).containsExactly(KeyValue.ofString("USER#2"), null, null);
        assertThat(r.hasMore()).isFalse();

        assertThat(first.attributes()).isEqualTo(sample());
        assertThat(List.copyOf(first.attributes().keySet())).containsExactlyElementsOf(sample().keySet());
        assertThat(first.encodedForm()).isNull();
        assertThat(second.attributes()).isEqualTo(Map.of("pk", AttributeValue.fromS("USER#2")));
    }

    @Test
    void aKeyAttributeHeldWithAnotherTypeIsNoKeyValue() {
        ByteWriter w = new ByteWriter();
        ItemCodec.writeStored(w, new StoredItem(sample(), 5));
        byte[][] wanted = {
            "sk".getBytes(StandardCharsets.UTF_8),
            "ss".getBytes(StandardCharsets.UTF_8),
            "flag".getBytes(StandardCharsets.UTF_8)
        };
        ScalarAttributeType[] types = {ScalarAttributeType.S, ScalarAttributeType.S, ScalarAttributeType.B};
        KeyValue[] found = new KeyValue[3];
        ByteReader r = new ByteReader(w.toByteArray());

        StoredItem item = ItemCodec.readStoredLazily(r, wanted, types, found);

        assertThat(found).containsOnlyNulls();
        assertThat(r.hasMore()).isFalse();
        assertThat(item.attributes()).isEqualTo(sample());
    }

    @Test
    void anUndecodedItemIsWrittenBackByteForByte() {
        ByteWriter w = new ByteWriter();
        ItemCodec.writeStored(w, new StoredItem(sample(), 77));
        byte[] original = w.toByteArray();
        StoredItem lazy = ItemCodec.readStoredLazily(
                new ByteReader(original), new byte[0][], new ScalarAttributeType[0], new KeyValue[0]);

        ByteWriter again = new ByteWriter();
        ItemCodec.writeStored(again, lazy);
        assertThat(lazy.encodedForm()).isNotNull();
        assertThat(Arrays.equals(again.toByteArray(), original)).isTrue();
        assertThat(lazy).isEqualTo(new StoredItem(sample(), 77));
    }
}
