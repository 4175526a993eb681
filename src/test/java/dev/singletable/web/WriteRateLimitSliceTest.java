package dev.singletable.web;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.singletable.resilience.RateLimitConfiguration;
import dev.singletable.resilience.WriteRateLimits;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** The per-user write limit: over it, 429 problem+json with Retry-After; other users and reads are not affected. */
@Import({RateLimitConfiguration.class, WriteRateLimitSliceTest.TwoWritesAnHour.class})
class WriteRateLimitSliceTest extends ApiSliceTest {

    static final AuthenticatedUser BOB = new AuthenticatedUser("01JBOB0000000000000000000B", "bob", "s-bob");

    @BeforeEach
    void bobToo() {
        when(sessions.authenticate("bob-token")).thenReturn(Optional.of(BOB));
    }

    @Test
    void theThirdWriteInTheHourIs429WithRetryAfterWhileAnotherUserWritesOn() throws Exception {
        for (int i = 0; i < 2; i++) {
            mvc.perform(put("/api/users/ann/following/cy").header(HttpHeaders.AUTHORIZATION, ANN_TOKEN))
                    .andExpect(status().isNoContent());
        }

        mvc.perform(put("/api/users/ann/following/cy").header(HttpHeaders.AUTHORIZATION, ANN_TOKEN))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*")))
                .andExpect(jsonPath("$.type").value(ProblemType.BASE + "too-many-requests"))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.retryAfterSeconds").isNumber());

        // reads are not limited, and bob has his own allowance
        when(follows.followers(org.mockito.ArgumentMatchers.eq("ann"), org.mockito.ArgumentMatchers.anyInt(),
                org.mockito.ArgumentMatchers.isNull())).thenReturn(new dev.singletable.table.Slice<>(java.util.List.of(), null));
        mvc.perform(get("/api/users/ann/followers").header(HttpHeaders.AUTHORIZATION, ANN_TOKEN))
                .andExpect(status().isOk());
        mvc.perform(put("/api/users/bob/following/cy").header(HttpHeaders.AUTHORIZATION, "Bearer bob-token"))
                .andExpect(status().isNoContent());
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndNeverZero() {
        org.assertj.core.api.Assertions.assertThat(WriteRateLimitInterceptor.retryAfterSeconds(Duration.ofMillis(1)))
                .isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(WriteRateLimitInterceptor.retryAfterSeconds(Duration.ZERO))
                .isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(WriteRateLimitInterceptor.retryAfterSeconds(Duration.ofMillis(2001)))
                .isEqualTo(3);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TwoWritesAnHour {
        @Bean
        RateLimiterRegistry rateLimiterRegistry() {
            RateLimiterRegistry registry = RateLimiterRegistry.ofDefaults();
            registry.rateLimiter(WriteRateLimits.WRITES, RateLimiterConfig.custom()
                    .limitForPeriod(2).limitRefreshPeriod(Duration.ofHours(1)).timeoutDuration(Duration.ZERO).build());
            return registry;
        }
    }
}
