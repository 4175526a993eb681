package dev.singletable.web;

import static dev.singletable.web.SliceCallers.ANN_TOKEN;
import static dev.singletable.web.SliceCallers.BOB_TOKEN;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.singletable.resilience.WriteRateLimits;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The per-user write limit: over it, 429 problem+json with Retry-After; other users and reads are not affected. The
 * limit sits in front of every API controller, so a stand-in controller with the follow endpoints' paths serves here.
 */
@WebMvcTest(WriteRateLimitSliceTest.FollowEndpoints.class)
@ApiSlice
@Import({WriteRateLimitSliceTest.FollowEndpoints.class, WriteRateLimitSliceTest.TwoWritesAnHour.class})
class WriteRateLimitSliceTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theThirdWriteInTheHourIs429WithRetryAfterWhileAnotherUserWritesOn() throws Exception {
        for (int i = 0; i < 2; i++) {
            mvc.perform(put("/api/users/ann/following/cy").header(HttpHeaders.AUTHORIZATION, ANN_TOKEN))
                    .andExpect(status().isNoContent());
        }

        mvc.perform(put("/api/users/ann/following/cy").header(HttpHeaders.AUTHORIZATION, ANN_TOKEN))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(
                        header().string(HttpHeaders.RETRY_AFTER, org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*")))
                .andExpect(jsonPath("$.type").value(ProblemType.BASE + "too-many-requests"))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.retryAfterSeconds").isNumber());

        // reads are not limited, and bob has his own allowance
        mvc.perform(get("/api/users/ann/followers").header(HttpHeaders.AUTHORIZATION, ANN_TOKEN))
                .andExpect(status().isOk());
        mvc.perform(put("/api/users/bob/following/cy").header(HttpHeaders.AUTHORIZATION, BOB_TOKEN))
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

    /** A write and a read with the follow endpoints' paths (imported: scanning skips classes nested in tests). */
    @RestController
    static class FollowEndpoints {
        @PutMapping("/api/users/{username}/following/{other}")
        ResponseEntity<Void> follow(@PathVariable String username, @PathVariable String other) {
            return ResponseEntity.noContent().build();
        }

        @GetMapping("/api/users/{username}/followers")
        PageResponse<String> followers(@PathVariable String username) {
            return new PageResponse<>(List.of(), null);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TwoWritesAnHour {
        @Bean
        RateLimiterRegistry rateLimiterRegistry() {
            RateLimiterRegistry registry = RateLimiterRegistry.ofDefaults();
            registry.rateLimiter(
                    WriteRateLimits.WRITES,
                    RateLimiterConfig.custom()
                            .limitForPeriod(2)
                            .limitRefreshPeriod(Duration.ofHours(1))
                            .timeoutDuration(Duration.ZERO)
                            .build());
            return registry;
        }

        @Bean
        WriteRateLimits writeRateLimits(RateLimiterRegistry registry) {
            return new WriteRateLimits(registry);
        }
    }
}
