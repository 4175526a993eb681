package dev.singletable.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemAttributesTest {

    private static Map<String, AttributeValue> source(int n) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        for (int i = n - 1; i >= 0; i--) {
            m.put("a" + i, AttributeValue.fromN(Integer.toString(i)));
        }
        return m;
    }

    @Test
    void keepsOrderAndEqualsTheSourceForSmallAndLargeItems() {
        for (int n : new int[] {0, 1, 16, 17, 40}) {
            Map<String, AttributeValue> src = source(n);
            Map<String, AttributeValue> copy = ItemAttributes.copyOf(src);
            assertThat(copy).isEqualTo(src);
            assertThat(copy.hashCode()).isEqualTo(src.hashCode());
            assertThat(List.copyOf(copy.keySet())).isEqualTo(List.copyOf(src.keySet()));
            for (int i = 0; i < n; i++) {
                assertThat(copy.get("a" + i)).isEqualTo(AttributeValue.fromN(Integer.toString(i)));
                assertThat(copy.containsKey(new String("a" + i))).isTrue();
            }
            assertThat(copy.get("missing")).isNull();
            assertThat(copy.get(42)).isNull();
        }
    }

    @Test
    void isImmutable() {
        Map<String, AttributeValue> copy = ItemAttributes.copyOf(source(3));
        assertThatThrownBy(() -> copy.put("x", AttributeValue.fromS("y")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> copy.remove("a1")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(ItemAttributes.copyOf(copy)).isSameAs(copy);
    }

    @Test
    void sharesOneStringPerName() {
        Map<String, AttributeValue> a =
                ItemAttributes.copyOf(Map.of(new String("shared-name"), AttributeValue.fromS("1")));
        Map<String, AttributeValue> b =
                ItemAttributes.copyOf(Map.of(new String("shared-name"), AttributeValue.fromS("2")));
        assertThat(a.keySet().iterator().next()).isSameAs(b.keySet().iterator().next());
    }
}
