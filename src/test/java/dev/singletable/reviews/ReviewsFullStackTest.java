package dev.singletable.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.admin.AdminAccess;
import dev.singletable.support.Api;
import dev.singletable.support.FullStackTest;
import dev.singletable.support.TestUser;
import dev.singletable.users.UserDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Reviews over HTTP: one per user by key, newest first, and the product's count and average from the stream. */
@FullStackTest
class ReviewsFullStackTest {

    private static final Duration BOUND = Duration.ofSeconds(15);

    @Autowired
    RestTestClient http;

    @Autowired
    AdminAccess admins;

    @Autowired
    UserDirectory users;

    Api api;
    TestUser admin;
    TestUser ann;
    TestUser bob;
    String sku;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        admin = api.newUser("admin");
        admins.grant(users.findId(admin.username()).orElseThrow(), Instant.now());
        ann = api.newUser("ann");
        bob = api.newUser("bob");
        sku = Api.uniqueName("RV").toUpperCase().replace('_', '-');
        api.post(
                        "/api/products",
                        Map.of(
                                "sku",
                                sku,
                                "name",
                                "Reviewed",
                                "category",
                                "reviews-test",
                                "priceCents",
                                500,
                                "stock",
                                3),
                        admin)
                .expectStatus()
                .isCreated();
    }

    @Test
    void oneReviewPerUserCreatedThenReplacedAndTheProductShowsCountAndAverage() {
        String etag = api.get("/api/products/" + sku)
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
        put(sku, ann, Map.of("rating", 4, "comment", "Good mug"))
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.rating")
                .isEqualTo(4)
                .jsonPath("$.username")
                .isEqualTo(ann.username());
        put(sku, bob, Map.of("rating", 5)).expectStatus().isCreated();
        put(sku, ann, Map.of("rating", 2, "comment", "Chipped after a week"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.comment")
                .isEqualTo("Chipped after a week");

        eventually(
                () -> api.get("/api/products/" + sku).returnResult(String.class).getResponseBody(),
                body -> body.contains("\"reviewCount\":2") && body.contains("\"averageRating\":3.5"));
        // the count and average are part of the product shown: its ETag (a digest of the body) moved with them
        assertThat(api.get("/api/products/" + sku)
                        .returnResult(String.class)
                        .getResponseHeaders()
                        .getETag())
                .isNotEqualTo(etag);

        // ann's replacement is the newest write: it comes first
        List<String> authors = new ArrayList<>();
        String cursor = null;
        do {
            Page page = api.get(
                            "/api/products/" + sku + "/reviews?limit=1" + (cursor == null ? "" : "&cursor=" + cursor))
                    .expectStatus()
                    .isOk()
                    .expectBody(Page.class)
                    .returnResult()
                    .getResponseBody();
            page.items().forEach(review -> authors.add((String) review.get("username")));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(authors).containsExactly(ann.username(), bob.username());
    }

    @Test
    void unknownProductsAndInvalidReviewsAreRefused() {
        put("NO-SUCH-" + sku, ann, Map.of("rating", 3)).expectStatus().isNotFound();
        put("X".repeat(3000), ann, Map.of("rating", 3)).expectStatus().isNotFound();
        api.get("/api/products/" + "X".repeat(3000)).expectStatus().isNotFound();
        api.get("/api/products/" + "X".repeat(3000) + "/reviews")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items")
                .isEmpty();
        put(sku, ann, Map.of("rating", 0))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("rating");
        put(sku, ann, Map.of("rating", 6)).expectStatus().isBadRequest();
        put(sku, ann, Map.of("comment", "no rating")).expectStatus().isBadRequest();
        put(sku, ann, Map.of("rating", 3, "comment", "x".repeat(ReviewRequest.MAX_COMMENT + 1)))
                .expectStatus()
                .isBadRequest();
        put(sku, null, Map.of("rating", 3)).expectStatus().isUnauthorized();
        api.get("/api/products/" + sku + "/reviews")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items")
                .isEmpty()
                .jsonPath("$.nextCursor")
                .isEmpty();
    }

    private RestTestClient.ResponseSpec put(String product, TestUser as, Map<String, Object> body) {
        RestTestClient.RequestBodySpec request =
                http.put().uri("/api/products/" + product + "/reviews").contentType(MediaType.APPLICATION_JSON);
        if (as != null) {
            request.header(HttpHeaders.AUTHORIZATION, as.bearer());
        }
        return request.body(body).exchange();
    }

    private static void eventually(Supplier<String> read, Predicate<String> done) {
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

    record Page(List<Map<String, Object>> items, String nextCursor) {}
}
