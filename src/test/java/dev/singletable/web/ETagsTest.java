package dev.singletable.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ETagsTest {

    @Test
    void strongComparisonAgainstTheCurrentVersion() {
        assertThat(ETags.of(3)).isEqualTo("\"3\"");
        assertThat(ETags.matches("\"3\"", 3)).isTrue();
        assertThat(ETags.matches("\"2\", \"3\"", 3)).isTrue();
        assertThat(ETags.matches("*", 3)).isTrue();
        assertThat(ETags.matches("\"2\"", 3)).isFalse();
        assertThat(ETags.matches("W/\"3\"", 3)).isFalse();
        assertThat(ETags.matches("3", 3)).isFalse();
    }
}
