package dev.singletable.tweets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.support.Api;
import dev.singletable.support.FullStackTest;
import dev.singletable.support.TestUser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.servlet.client.RestTestClient;

/** A user's 250 tweets, paged: every tweet exactly once, newest first, and no cursor after the last page. */
@FullStackTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TweetPagingFullStackTest {

    static final int TWEETS = 250;

    @Autowired
    RestTestClient http;

    Api api;
    TestUser author;
    List<String> newestFirst;

    @BeforeAll
    void postTweets() {
        api = new Api(http);
        author = api.newUser("prolific");
        api.tweet(api.newUser("noise"), "someone else's tweet");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < TWEETS; i++) {
            ids.add(api.tweet(author, "tweet " + i));
        }
        newestFirst = new ArrayList<>(ids);
        java.util.Collections.reverse(newestFirst);
    }

    @Test
    void pagesOfAHundred() {
        List<Page> pages = readAll("?limit=100");

        assertThat(pages).extracting(p -> p.items().size()).containsExactly(100, 100, 50);
        assertThat(ids(pages)).containsExactlyElementsOf(newestFirst);
        assertThat(pages.get(2).nextCursor()).isNull();
    }

    @Test
    void pagesOfTheDefaultTwenty() {
        List<Page> pages = readAll("");

        assertThat(pages).hasSize(13);
        assertThat(pages.subList(0, 12)).allSatisfy(p -> assertThat(p.items()).hasSize(20));
        assertThat(ids(pages)).containsExactlyElementsOf(newestFirst).doesNotHaveDuplicates();
    }

    @Test
    void anOddLimitThatDividesNothing() {
        assertThat(ids(readAll("?limit=7"))).containsExactlyElementsOf(newestFirst);
    }

    private List<Page> readAll(String query) {
        List<Page> pages = new ArrayList<>();
        String cursor = null;
        do {
            String separator = query.isEmpty() ? "?" : "&";
            Page page = api.get("/api/users/" + author.username() + "/tweets" + query
                            + (cursor == null ? "" : separator + "cursor=" + cursor))
                    .expectStatus()
                    .isOk()
                    .expectBody(new ParameterizedTypeReference<Page>() {})
                    .returnResult()
                    .getResponseBody();
            pages.add(page);
            cursor = page.nextCursor();
            assertThat(pages).hasSizeLessThan(TWEETS); // a cursor that loops would never end
        } while (cursor != null);
        return pages;
    }

    private static List<String> ids(List<Page> pages) {
        return pages.stream().flatMap(p -> p.items().stream()).map(Tweet::id).toList();
    }

    record Tweet(String id, String author, String text) {}

    record Page(List<Tweet> items, String nextCursor) {}
}
