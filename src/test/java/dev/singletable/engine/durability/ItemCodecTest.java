package dev.singletable.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.singletable.engine.storage.StoredItem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemCodecTest {

    @Test
    void everyAttributeTypeSurvivesARoundTripInOrder() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("s", AttributeValue.fromS("héllo ✓"));
        item.put("n", AttributeValue.fromN("-12.5E+3"));
        item.put("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, -1, 7})));
        item.put("t", AttributeValue.fromBool(true));
        item.put("f", AttributeValue.fromBool(false));
        item.put("null", AttributeValue.fromNul(true));
        item.put("ss", AttributeValue.fromSs(List.of("a", "b")));
        item.put("ns", AttributeValue.fromNs(List.of("1", "2.5")));
        item.put("bs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("x"), SdkBytes.fromUtf8String("y"))));
        item.put(
                "l",
                AttributeValue.fromL(List.of(
                        AttributeValue.fromS("in list"),
                        AttributeValue.fromM(Map.of("deep", AttributeValue.fromN("1"))))));
        item.put("m", AttributeValue.fromM(Map.of("k", AttributeValue.fromL(List.of()))));
        item.put("", AttributeValue.fromS(""));

        ByteWriter w = new ByteWriter();
        ItemCodec.writeStored(w, new StoredItem(item, 1234));
        StoredItem back = ItemCodec.readStored(new ByteReader(w.toByteArray()));

        assertThat(back.size()).isEqualTo(1234);
        assertThat(back.attributes()).isEqualTo(item);
        assertThat(back.attributes().keySet()).containsExactlyElementsOf(item.keySet());
    }

    @Test
    void truncatedInputIsReportedAsCorruption() {
        ByteWriter w = new ByteWriter();
        ItemCodec.writeItem(w, Map.of("name", AttributeValue.fromS("a long enough value")));
        byte[] bytes = w.toByteArray();
        assertThatThrownBy(() -> ItemCodec.readItem(new ByteReader(bytes, 0, bytes.length - 3)))
                .isInstanceOf(CorruptDataException.class);
    }
}
