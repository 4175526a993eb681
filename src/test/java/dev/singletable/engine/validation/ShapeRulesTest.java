package dev.singletable.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShapeRulesTest {

    @Test
    void aRuleBeforeAnyShapeHeaderIsRefusedByName() {
        assertThatThrownBy(() -> ShapeRules.parse(List.of("# header", "TableName: required")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before the first [Shape] header: TableName: required");
    }

    @Test
    void openBoundsAreAbsent() {
        var shapes = ShapeRules.parse(List.of("[Thing]", "name: length ..255", "count: range 1.."));

        assertThat(shapes.get("Thing").members().get("name").self()).containsExactly(new Constraint.Length(null, 255L));
        assertThat(shapes.get("Thing").members().get("count").self()).containsExactly(new Constraint.Range(1L, null));
    }
}
