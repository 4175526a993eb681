package dev.singletable.observability;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The request id is in the MDC while the request runs, in the response header, and gone afterwards. */
class RequestIdFilterTest {

    final RequestIdFilter filter = new RequestIdFilter();

    @Test
    void theIdIsInTheMdcDuringTheRequestOnly() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/users/ann");
        request.addHeader(RequestIdFilter.HEADER, "abc-123");
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<String> seen = new AtomicReference<>();
        FilterChain chain = (req, res) -> seen.set(MDC.get(RequestIdFilter.MDC_KEY));

        filter.doFilter(request, response, chain);

        assertThat(seen.get()).isEqualTo("abc-123");
        assertThat(response.getHeader(RequestIdFilter.HEADER)).isEqualTo("abc-123");
        assertThat(MDC.get(RequestIdFilter.MDC_KEY)).isNull();
    }

    @Test
    void idsThatCouldForgeLogLinesAreReplaced() {
        assertThat(RequestIdFilter.requestIdOf("x\n2026-01-01 ERROR forged")).doesNotContain("forged");
        assertThat(RequestIdFilter.requestIdOf("a".repeat(65))).hasSize(36);
        assertThat(RequestIdFilter.requestIdOf("")).hasSize(36);
        assertThat(RequestIdFilter.requestIdOf(null)).hasSize(36);
        assertThat(RequestIdFilter.requestIdOf("0af7651916cd43dd8448eb211c80319c"))
                .isEqualTo("0af7651916cd43dd8448eb211c80319c");
    }

    @Test
    void newIdsAreDistinctVersion4Uuids() {
        String first = RequestIdFilter.requestIdOf(null);
        String second = RequestIdFilter.requestIdOf(null);

        assertThat(first).isNotEqualTo(second);
        assertThat(UUID.fromString(first).version()).isEqualTo(4);
        assertThat(UUID.fromString(first).variant()).isEqualTo(2);
        assertThat(first).isEqualTo(UUID.fromString(first).toString());
    }
}
