package dev.singletable.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class KeyShapeTest {

    final TableLayout layout = TableLayoutLoader.load();

    @Test
    void positionsAreTheTableKeyPlusTheIndexKey() {
        assertThat(KeyShape.of(layout, null).attributes()).containsExactly("PK", "SK");
        assertThat(KeyShape.of(layout, "GSI1").attributes()).containsExactly("PK", "SK", "GSI1PK", "GSI1SK");
        assertThat(KeyShape.of(layout, "LSI1").attributes()).containsExactly("PK", "SK", "LSI1SK");
        assertThatThrownBy(() -> KeyShape.of(layout, "GSI9")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theKeyOfAnItemKeepsOnlyKeyAttributes() {
        Map<String, AttributeValue> item = Map.of(
                "PK",
                AttributeValue.fromS("A"),
                "SK",
                AttributeValue.fromS("B"),
                "LSI1SK",
                AttributeValue.fromS("C"),
                "text",
                AttributeValue.fromS("not a key"));
        assertThat(KeyShape.of(layout, "LSI1").keyOf(item)).containsOnlyKeys("PK", "SK", "LSI1SK");
        assertThatThrownBy(() -> KeyShape.of(layout, "GSI1").keyOf(item)).isInstanceOf(IllegalArgumentException.class);
    }
}
