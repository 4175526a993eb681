package dev.singletable.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ETagsTest {

    static final String CURRENT = "\"ysVmEPgqTViezR5tLG21dg\"";

    @Test
    void strongComparisonAgainstTheCurrentTag() {
        assertThat(ETags.matches(CURRENT, CURRENT)).isTrue();
        assertThat(ETags.matches("\"old\", " + CURRENT, CURRENT)).isTrue();
        assertThat(ETags.matches("*", CURRENT)).isTrue();
        assertThat(ETags.matches("\"old\"", CURRENT)).isFalse();
        assertThat(ETags.matches("W/" + CURRENT, CURRENT)).isFalse();
        assertThat(ETags.matches("ysVmEPgqTViezR5tLG21dg", CURRENT)).isFalse();
    }

    @Test
    void aMissingIfMatchIs428AndAStaleOne412() {
        assertThatThrownBy(() -> ETags.requirePresent(" ", "product"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.PRECONDITION_REQUIRED));
        assertThatThrownBy(() -> ETags.requireCurrent("\"old\"", CURRENT, "product"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.PRECONDITION_FAILED));
    }
}
