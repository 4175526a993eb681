package dev.singletable.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.support.Api;
import dev.singletable.support.Eventually;
import dev.singletable.support.FullStackTest;
import dev.singletable.support.TestUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The home timeline over HTTP, kept by the running stream listener (fan-out on write). */
@FullStackTest
class TimelineFullStackTest {

    @Autowired
    RestTestClient http;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http);
    }

    @Test
    void aTweetReachesEveryFollowersTimelineAndADeletedTweetLeavesThem() {
        TestUser star = api.newUser("star");
        List<TestUser> fans = List.of(api.newUser("fan"), api.newUser("fan"), api.newUser("fan"));
        TestUser stranger = api.newUser("stranger");
        for (TestUser fan : fans) {
            follow(fan, star);
        }

        String tweet = api.tweet(star, "hello, followers");

        for (TestUser fan : fans) {
            Page page = Eventually.until(() -> timeline(fan, ""), p -> ids(p).contains(tweet));
            Entry entry = page.items().get(0);
            assertThat(entry.id()).isEqualTo(tweet);
            assertThat(entry.author()).isEqualTo(star.username());
            assertThat(entry.text()).isEqualTo("hello, followers");
            assertThat(entry.createdAt()).isNotNull();
        }
        assertThat(ids(timeline(stranger, ""))).isEmpty();

        api.delete("/api/tweets/" + tweet, star).expectStatus().isNoContent();

        for (TestUser fan : fans) {
            Eventually.until(() -> timeline(fan, ""), p -> !ids(p).contains(tweet));
        }
    }

    @Test
    void aFollowBackfillsTheFolloweesRecentTweetsNewestFirstInPagesAndAnUnfollowRemovesThem() {
        TestUser author = api.newUser("author");
        TestUser reader = api.newUser("reader");
        TestUser witness = api.newUser("witness");
        follow(witness, author);
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            posted.add(api.tweet(author, "tweet " + i));
        }
        // once the witness has them all, every tweet has been fanned out: the reader's entries can only be the backfill
        Eventually.until(() -> timeline(witness, "?limit=100"), p -> p.items().size() == 23);
        List<String> newestTwenty = new ArrayList<>(posted.subList(3, 23));
        java.util.Collections.reverse(newestTwenty);

        follow(reader, author);

        // the backfill is bounded: the 20 most recent tweets, not all 23
        Eventually.until(() -> timeline(reader, "?limit=100"), p -> p.items().size() == 20);
        List<String> paged = new ArrayList<>();
        Page page = timeline(reader, "?limit=7");
        List<Integer> sizes = new ArrayList<>();
        while (true) {
            paged.addAll(ids(page));
            sizes.add(page.items().size());
            if (page.nextCursor() == null) {
                break;
            }
            page = timeline(reader, "?limit=7&cursor=" + page.nextCursor());
        }
        assertThat(sizes).containsExactly(7, 7, 6);
        assertThat(paged).isEqualTo(newestTwenty);

        // after the follow, new tweets arrive by fan-out
        String fresh = api.tweet(author, "fresh");
        Eventually.until(() -> timeline(reader, ""), p -> ids(p).contains(fresh));

        api.delete("/api/users/" + reader.username() + "/following/" + author.username(), reader)
                .expectStatus()
                .isNoContent();
        Eventually.until(() -> timeline(reader, "?limit=100"), p -> p.items().isEmpty());
    }

    @Test
    void theTimelineIsTheCallersOwnAndNeedsAToken() {
        api.get("/api/timeline").expectStatus().isUnauthorized();
        TestUser ann = api.newUser("ann");
        TestUser bob = api.newUser("bob");
        TestUser author = api.newUser("author");
        follow(ann, author);
        api.tweet(author, "one");
        api.tweet(author, "two");
        Page first = Eventually.until(() -> timeline(ann, "?limit=1"), p -> p.nextCursor() != null);

        // a cursor continues only the list it was issued for: not someone else's timeline
        api.get("/api/timeline?limit=1&cursor=" + first.nextCursor(), bob)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://singletable.dev/problems/invalid-cursor");
        api.get("/api/timeline?limit=0", ann).expectStatus().isBadRequest();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theEndpointIsDocumentedWithItsSecurityAndErrors() {
        Map<String, Object> docs = http.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        Map<String, Object> operation = (Map<String, Object>) ((Map<String, Map<String, Object>>) docs.get("paths"))
                .get("/api/timeline")
                .get("get");
        assertThat(operation).containsKeys("summary", "security");
        assertThat((Map<String, Object>) operation.get("responses")).containsKeys("200", "400", "401", "503");
    }

    private void follow(TestUser follower, TestUser followee) {
        api.put("/api/users/" + follower.username() + "/following/" + followee.username(), follower)
                .expectStatus()
                .isNoContent();
    }

    private Page timeline(TestUser as, String query) {
        return api.get("/api/timeline" + query, as)
                .expectStatus()
                .isOk()
                .expectBody(Page.class)
                .returnResult()
                .getResponseBody();
    }

    private static List<String> ids(Page page) {
        return page.items().stream().map(Entry::id).toList();
    }

    record Page(List<Entry> items, String nextCursor) {}

    record Entry(String id, String author, String text, Instant createdAt) {}
}
