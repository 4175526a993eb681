package dev.singletable.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.support.Api;
import dev.singletable.support.FullStackTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Simultaneous sign-ups claiming one email: the uniqueness markers are written in the same transaction as the user, so
 * exactly one wins and every other gets 409 naming the email. Bounded: a few contenders, released together, with a
 * deadline.
 */
@FullStackTest
class SignUpRaceFullStackTest {

    static final int CONTENDERS = 6;

    @Autowired
    RestTestClient http;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void oneEmailTwoSimultaneousSignUpsGiveOne201AndOne409() throws Exception {
        String email = Api.uniqueName("race") + "@example.com";
        List<Integer> statuses = race(i -> Api.uniqueName("racer" + i), i -> email);

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(CONTENDERS - 1);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void oneUsernameInDifferentCasesGivesOneWinner() throws Exception {
        String username = Api.uniqueName("Same");
        List<Integer> statuses = race(
                i -> i % 2 == 0 ? username.toUpperCase() : username.toLowerCase(),
                i -> Api.uniqueName("mail" + i) + "@example.com");

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(CONTENDERS - 1);
    }

    private List<Integer> race(
            java.util.function.IntFunction<String> username, java.util.function.IntFunction<String> email)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONTENDERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<EntityExchangeResult<String>>> results = new ArrayList<>();
            for (int i = 0; i < CONTENDERS; i++) {
                Map<String, String> body = Map.of(
                        "username",
                        username.apply(i),
                        "email",
                        email.apply(i),
                        "displayName",
                        "Racer",
                        "password",
                        Api.PASSWORD);
                results.add(pool.submit(() -> {
                    start.await();
                    return http.post()
                            .uri("/api/users")
                            .contentType(MediaType.APPLICATION_JSON)
                            .body(body)
                            .exchange()
                            .returnResult(String.class);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<EntityExchangeResult<String>> result : results) {
                EntityExchangeResult<String> response = result.get(50, TimeUnit.SECONDS);
                statuses.add(response.getStatus().value());
                if (response.getStatus().value() == 409) {
                    assertThat(response.getResponseBody()).contains("already-taken");
                }
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
