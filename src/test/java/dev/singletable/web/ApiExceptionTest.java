package dev.singletable.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiExceptionTest {

    @Test
    void anExtensionMayNotReuseAStandardProblemMember() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ApiException(ProblemType.ILLEGAL_TRANSITION, "no", Map.of("status", "PAID")))
                .withMessageContaining("'status'");
    }

    @Test
    void otherExtensionsAreKept() {
        ApiException problem = new ApiException(ProblemType.ILLEGAL_TRANSITION, "no", Map.of("currentStatus", "PAID"));

        assertThat(problem.properties()).containsEntry("currentStatus", "PAID");
    }
}
