package dev.singletable.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.admin.AdminAccess;
import dev.singletable.support.Api;
import dev.singletable.support.FullStackTest;
import dev.singletable.support.TestUser;
import dev.singletable.users.UserDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The caller's orders (GSI1) and the admin's orders by status (the write-sharded status index, merged). */
@FullStackTest
class OrderListsFullStackTest {

    @Autowired
    RestTestClient http;

    @Autowired
    AdminAccess admins;

    @Autowired
    UserDirectory users;

    @Autowired
    StatusShards shards;

    Api api;
    TestUser admin;
    TestUser ann;
    String sku;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        admin = api.newUser("admin");
        admins.grant(users.findId(admin.username()).orElseThrow(), Instant.now());
        ann = api.newUser("ann");
        sku = Api.uniqueName("LS").toUpperCase().replace('_', '-');
        api.post(
                        "/api/products",
                        Map.of("sku", sku, "name", "Item", "category", "lists-test", "priceCents", 100, "stock", 1_000),
                        admin)
                .expectStatus()
                .isCreated();
    }

    @Test
    void theAdminListOfAStatusReturnsEveryOrderOnceNewestFirstAcrossShardsAndPages() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            String id = place(ann, 1);
            patch(id, "PAID");
            patch(id, "SHIPPED");
            mine.add(id);
        }
        assertThat(mine.stream().map(shards::shardOf).distinct().count()).isGreaterThan(1);

        List<String> seen = readAll("/api/admin/orders?status=SHIPPED&limit=4", admin);
        assertThat(new HashSet<>(seen)).as("no order twice").hasSize(seen.size());
        assertThat(seen).containsAll(mine);
        assertThat(seen).isSortedAccordingTo(Comparator.reverseOrder());

        // an order that moves on leaves its old status's list and joins the new one
        patch(mine.get(0), "DELIVERED");
        assertThat(readAll("/api/admin/orders?status=SHIPPED&limit=50", admin)).doesNotContain(mine.get(0));
        assertThat(readAll("/api/admin/orders?status=DELIVERED&limit=50", admin))
                .contains(mine.get(0));
    }

    @Test
    void theAdminListIsForAdminsAndChecksItsParameters() {
        api.get("/api/admin/orders?status=PLACED", ann).expectStatus().isForbidden();
        api.get("/api/admin/orders?status=PLACED").expectStatus().isUnauthorized();
        api.get("/api/admin/orders?status=LOST", admin).expectStatus().isBadRequest();
        api.get("/api/admin/orders", admin).expectStatus().isBadRequest();
        api.get("/api/admin/orders?status=PLACED&cursor=forged.cursor", admin)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://singletable.dev/problems/invalid-cursor");
    }

    @Test
    void usersPageThroughTheirOwnOrdersNewestFirstOptionallyByStatus() {
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            placed.add(place(ann, 1));
        }
        patch(placed.get(1), "PAID");
        patch(placed.get(3), "PAID");
        TestUser bob = api.newUser("bob");
        String bobs = place(bob, 1);

        List<String> all = readAll("/api/users/me/orders?limit=2", ann);
        List<String> newestFirst = new ArrayList<>(placed);
        java.util.Collections.reverse(newestFirst);
        assertThat(all).containsExactlyElementsOf(newestFirst);
        assertThat(readAll("/api/users/me/orders?status=PAID&limit=1", ann))
                .containsExactly(placed.get(3), placed.get(1));
        assertThat(readAll("/api/users/me/orders?status=SHIPPED", ann)).isEmpty();
        assertThat(readAll("/api/users/me/orders", bob)).containsExactly(bobs);

        api.get("/api/users/me/orders").expectStatus().isUnauthorized();
        api.get("/api/users/me/orders?status=LOST", ann).expectStatus().isBadRequest();
        // a cursor of one user's list does not continue another's
        String cursor = page("/api/users/me/orders?limit=1", ann).nextCursor();
        api.get("/api/users/me/orders?limit=1&cursor=" + cursor, bob)
                .expectStatus()
                .isBadRequest();
    }

    private List<String> readAll(String path, TestUser as) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 200; pages++) {
            Page page = page(cursor == null ? path : path + (path.contains("?") ? "&" : "?") + "cursor=" + cursor, as);
            page.items().forEach(item -> ids.add((String) item.get("id")));
            cursor = page.nextCursor();
            if (cursor == null) {
                return ids;
            }
        }
        throw new AssertionError("more than 200 pages");
    }

    private Page page(String path, TestUser as) {
        return api.get(path, as)
                .expectStatus()
                .isOk()
                .expectBody(Page.class)
                .returnResult()
                .getResponseBody();
    }

    private void patch(String id, String status) {
        http.patch()
                .uri("/api/orders/" + id + "/status")
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("status", status))
                .exchange()
                .expectStatus()
                .isOk();
    }

    private String place(TestUser as, int quantity) {
        return http.post()
                .uri("/api/orders")
                .header(HttpHeaders.AUTHORIZATION, as.bearer())
                .header(OrderController.IDEMPOTENCY_KEY, Api.uniqueName("key"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("items", List.of(Map.of("sku", sku, "quantity", quantity))))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Page.Id.class)
                .returnResult()
                .getResponseBody()
                .id();
    }

    record Page(List<Map<String, Object>> items, String nextCursor) {
        record Id(String id) {}
    }
}
