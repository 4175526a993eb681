package dev.singletable.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.support.Api;
import dev.singletable.support.FullStackTest;
import dev.singletable.support.TestUser;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The running listener keeps the counters of the social API exact, over HTTP. */
@FullStackTest
class CountersFullStackTest {

    private static final Duration BOUND = Duration.ofSeconds(15);

    @Autowired
    RestTestClient http;

    @Autowired
    StreamListenerHealth health;

    @Test
    void countersMatchTheTruthAfterABurstOfFollowsUnfollowsTweetsAndLikes() {
        Api api = new Api(http);
        TestUser star = api.newUser("star");
        List<TestUser> fans = List.of(api.newUser("fan"), api.newUser("fan"), api.newUser("fan"), api.newUser("fan"));
        String etagBefore = api.get("/api/users/" + star.username())
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
        String first = api.tweet(star, "one");
        api.tweet(star, "two");
        for (TestUser fan : fans) {
            api.put("/api/users/" + fan.username() + "/following/" + star.username(), fan)
                    .expectStatus()
                    .isNoContent();
            api.put("/api/tweets/" + first + "/likes", fan).expectStatus().isNoContent();
        }
        TestUser leaver = fans.get(0);
        api.delete("/api/users/" + leaver.username() + "/following/" + star.username(), leaver)
                .expectStatus()
                .isNoContent();
        api.delete("/api/tweets/" + first + "/likes", leaver).expectStatus().isNoContent();
        api.put("/api/users/" + star.username() + "/following/" + leaver.username(), star)
                .expectStatus()
                .isNoContent();

        eventually(
                () -> api.get("/api/users/" + star.username())
                        .returnResult(String.class)
                        .getResponseBody(),
                body -> body.contains("\"followers\":3")
                        && body.contains("\"following\":1")
                        && body.contains("\"tweets\":2"));
        eventually(
                () -> api.get("/api/tweets/" + first).returnResult(String.class).getResponseBody(),
                body -> body.contains("\"likes\":3"));
        eventually(
                () -> api.get("/api/users/" + leaver.username())
                        .returnResult(String.class)
                        .getResponseBody(),
                body -> body.contains("\"followers\":1") && body.contains("\"following\":0"));
        // the counters are part of the profile shown: its ETag (a digest of the body) moved with them
        assertThat(api.get("/api/users/" + star.username())
                        .returnResult(String.class)
                        .getResponseHeaders()
                        .getETag())
                .isNotEqualTo(etagBefore);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    private static void eventually(Supplier<String> read, java.util.function.Predicate<String> done) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            last = read.get();
            if (last != null && done.test(last)) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("not reached within " + BOUND + "; last: " + last);
    }
}
