package dev.singletable.engine.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Which attributes of a base item an index stores. */
class IndexDefTest {

    private static final KeyDef TABLE_KEY = new KeyDef("pk", ScalarAttributeType.S, "sk", ScalarAttributeType.N);
    private static final KeyDef INDEX_KEY = new KeyDef("g", ScalarAttributeType.S, null, null);
    private static final Map<String, AttributeValue> ITEM = Map.of(
            "pk",
            AttributeValue.fromS("p"),
            "sk",
            AttributeValue.fromN("1"),
            "g",
            AttributeValue.fromS("x"),
            "a",
            AttributeValue.fromS("A"),
            "b",
            AttributeValue.fromS("B"));

    private static IndexDef index(ProjectionType type, List<String> nonKey) {
        return new IndexDef("idx", true, INDEX_KEY, type, nonKey, Throughput.ZERO, IndexStatus.ACTIVE, false);
    }

    @Test
    void allKeepsEverything() {
        assertThat(index(ProjectionType.ALL, null).project(ITEM, TABLE_KEY)).isEqualTo(ITEM);
    }

    @Test
    void keysOnlyKeepsTableAndIndexKeys() {
        assertThat(index(ProjectionType.KEYS_ONLY, null).project(ITEM, TABLE_KEY))
                .containsOnlyKeys("pk", "sk", "g");
    }

    @Test
    void includeAddsTheListedAttributesThatExist() {
        IndexDef include = index(ProjectionType.INCLUDE, List.of("a", "missing"));
        assertThat(include.project(ITEM, TABLE_KEY)).containsOnlyKeys("pk", "sk", "g", "a");
        assertThat(include.projects("a", TABLE_KEY)).isTrue();
        assertThat(include.projects("b", TABLE_KEY)).isFalse();
        assertThat(include.projects("sk", TABLE_KEY)).isTrue();
        assertThat(include.nonKeyAttributes()).containsExactly("a", "missing");
    }

    @Test
    void keyDefHelpers() {
        assertThat(TABLE_KEY.names()).containsExactly("pk", "sk");
        assertThat(INDEX_KEY.hasRange()).isFalse();
        assertThat(TABLE_KEY.toKeySchema()).hasSize(2);
        assertThat(TABLE_KEY.isKeyAttribute("sk")).isTrue();
        assertThat(TABLE_KEY.isKeyAttribute("g")).isFalse();
    }
}
