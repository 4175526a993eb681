package dev.singletable.follows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.support.Api;
import dev.singletable.support.FullStackTest;
import dev.singletable.support.TestUser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.servlet.client.RestTestClient;

@FullStackTest
class FollowsFullStackTest {

    @Autowired
    RestTestClient http;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http);
    }

    @Test
    void followingIsIdempotentAndVisibleFromBothSides() {
        TestUser ann = api.newUser("ann");
        TestUser bob = api.newUser("bob");

        api.put(following(ann, bob.username()), ann).expectStatus().isNoContent();
        api.put(following(ann, bob.username().toUpperCase()), ann)
                .expectStatus()
                .isNoContent();

        assertThat(names("/api/users/" + ann.username() + "/following")).containsExactly(bob.username());
        assertThat(names("/api/users/" + bob.username() + "/followers")).containsExactly(ann.username());
        assertThat(names("/api/users/" + ann.username() + "/followers")).isEmpty();
        api.get("/api/users/" + bob.username() + "/followers")
                .expectBody()
                .jsonPath("$.items[0].since")
                .isNotEmpty()
                .jsonPath("$.nextCursor")
                .isEmpty();
    }

    @Test
    void unfollowingIsIdempotent() {
        TestUser ann = api.newUser("ann");
        TestUser bob = api.newUser("bob");
        api.put(following(ann, bob.username()), ann).expectStatus().isNoContent();

        api.delete(following(ann, bob.username()), ann).expectStatus().isNoContent();
        api.delete(following(ann, bob.username()), ann).expectStatus().isNoContent();

        assertThat(names("/api/users/" + ann.username() + "/following")).isEmpty();
        assertThat(names("/api/users/" + bob.username() + "/followers")).isEmpty();
    }

    @Test
    void listsAreNewestFirstAndPaged() {
        TestUser star = api.newUser("star");
        List<String> fans = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            TestUser fan = api.newUser("fan" + i);
            api.put(following(fan, star.username()), fan).expectStatus().isNoContent();
            api.put(following(star, fan.username()), star).expectStatus().isNoContent();
            fans.add(0, fan.username());
        }

        assertThat(allPages("/api/users/" + star.username() + "/followers", 2)).containsExactlyElementsOf(fans);
        assertThat(allPages("/api/users/" + star.username() + "/following", 2)).containsExactlyElementsOf(fans);
    }

    @Test
    void followingYourselfIs400() {
        TestUser ann = api.newUser("ann");
        api.put(following(ann, ann.username()), ann)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("other");
    }

    @Test
    void unknownUsersAre404() {
        TestUser ann = api.newUser("ann");
        String ghost = Api.uniqueName("ghost");
        api.put(following(ann, ghost), ann).expectStatus().isNotFound();
        api.delete(following(ann, ghost), ann).expectStatus().isNotFound();
        api.get("/api/users/" + ghost + "/followers").expectStatus().isNotFound();
        api.get("/api/users/" + ghost + "/following").expectStatus().isNotFound();
    }

    @Test
    void followingOnBehalfOfSomeoneElseIs403() {
        TestUser ann = api.newUser("ann");
        TestUser bob = api.newUser("bob");
        TestUser cy = api.newUser("cy");
        api.put("/api/users/" + ann.username() + "/following/" + cy.username(), bob)
                .expectStatus()
                .isForbidden();
        api.delete("/api/users/" + ann.username() + "/following/" + cy.username(), bob)
                .expectStatus()
                .isForbidden();
    }

    private static String following(TestUser who, String other) {
        return "/api/users/" + who.username() + "/following/" + other;
    }

    private List<String> names(String path) {
        return page(path).items().stream().map(Entry::username).toList();
    }

    private List<String> allPages(String path, int limit) {
        List<String> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page page = page(path + "?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.items()).hasSizeLessThanOrEqualTo(limit);
            page.items().forEach(e -> all.add(e.username()));
            cursor = page.nextCursor();
            assertThat(++pages).isLessThan(10);
        } while (cursor != null);
        return all;
    }

    private Page page(String path) {
        return api.get(path)
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Page>() {})
                .returnResult()
                .getResponseBody();
    }

    record Entry(String username, String since) {}

    record Page(List<Entry> items, String nextCursor) {}
}
