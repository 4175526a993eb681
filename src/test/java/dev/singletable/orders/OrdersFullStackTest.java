package dev.singletable.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.admin.AdminAccess;
import dev.singletable.support.Api;
import dev.singletable.support.FullStackTest;
import dev.singletable.support.TestUser;
import dev.singletable.users.UserDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@FullStackTest
class OrdersFullStackTest {

    @Autowired
    RestTestClient http;

    @Autowired
    AdminAccess admins;

    @Autowired
    UserDirectory users;

    Api api;
    TestUser admin;
    TestUser ann;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        admin = api.newUser("admin");
        admins.grant(users.findId(admin.username()).orElseThrow(), Instant.now());
        ann = api.newUser("ann");
    }

    private String newProduct(long priceCents, long stock) {
        String sku = Api.uniqueName("SKU").toUpperCase().replace('_', '-');
        api.post(
                        "/api/products",
                        Map.of(
                                "sku",
                                sku,
                                "name",
                                "Item " + sku,
                                "category",
                                "orders-test",
                                "priceCents",
                                priceCents,
                                "stock",
                                stock),
                        admin)
                .expectStatus()
                .isCreated();
        return sku;
    }

    private long stockOf(String sku) {
        ProductStock product = api.get("/api/products/" + sku)
                .expectStatus()
                .isOk()
                .expectBody(ProductStock.class)
                .returnResult()
                .getResponseBody();
        return product.stock();
    }

    private RestTestClient.ResponseSpec order(TestUser as, String key, Map<String, Integer> lines) {
        List<Map<String, Object>> items = new ArrayList<>();
        lines.forEach((sku, quantity) -> items.add(Map.of("sku", sku, "quantity", quantity)));
        RestTestClient.RequestBodySpec request = http.post()
                .uri("/api/orders")
                .header(HttpHeaders.AUTHORIZATION, as.bearer())
                .contentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            request.header(OrderController.IDEMPOTENCY_KEY, key);
        }
        return request.body(Map.of("items", items)).exchange();
    }

    private static String key() {
        return Api.uniqueName("key");
    }

    @Test
    void placingCapturesPricesDecrementsStockAndIsReadableByOwnerAndAdminOnly() {
        String mug = newProduct(1299, 5);
        String pen = newProduct(250, 10);

        OrderBody placed = order(ann, key(), Map.of(mug, 2, pen, 4))
                .expectStatus()
                .isCreated()
                .expectBody(OrderBody.class)
                .returnResult()
                .getResponseBody();
        assertThat(placed.status()).isEqualTo("PLACED");
        assertThat(placed.totalCents()).isEqualTo(2 * 1299 + 4 * 250);
        assertThat(placed.lines()).hasSize(2);
        assertThat(stockOf(mug)).isEqualTo(3);
        assertThat(stockOf(pen)).isEqualTo(6);

        api.get("/api/orders/" + placed.id(), ann)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.totalCents")
                .isEqualTo(placed.totalCents());
        api.get("/api/orders/" + placed.id(), admin).expectStatus().isOk();
        api.get("/api/orders/" + placed.id(), api.newUser("bob")).expectStatus().isNotFound();
        api.get("/api/orders/01ARZ3NDEKTSV4RRFFQ69G5FAV", ann).expectStatus().isNotFound();
        api.get("/api/orders/" + placed.id()).expectStatus().isUnauthorized();
    }

    @Test
    @SuppressWarnings("unchecked")
    void notEnoughStockIs409NamingEveryShortSkuAndChangesNothing() {
        String a = newProduct(100, 1);
        String b = newProduct(100, 2);
        String c = newProduct(100, 9);

        order(ann, key(), Map.of(a, 2, b, 3, c, 1))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://singletable.dev/problems/insufficient-stock")
                .jsonPath("$.skus")
                .value(skus -> assertThat((List<Object>) skus).containsExactlyInAnyOrder(a, b));
        assertThat(List.of(stockOf(a), stockOf(b), stockOf(c))).containsExactly(1L, 2L, 9L);
    }

    @Test
    void unknownSkusAre422AndAMissingKeyIs400() {
        String a = newProduct(100, 1);
        String ghost = "GHOST-" + key().toUpperCase().replace('_', '-');
        order(ann, key(), Map.of(a, 1, ghost, 1))
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.skus[0]")
                .isEqualTo(ghost);
        order(ann, null, Map.of(a, 1))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("Idempotency-Key");
        assertThat(stockOf(a)).isEqualTo(1);
    }

    @Test
    void theSameKeyAnswersTheSameOrderAndRefusesAnotherBody() {
        String a = newProduct(100, 10);
        String key = key();
        OrderBody first = order(ann, key, Map.of(a, 2))
                .expectStatus()
                .isCreated()
                .expectBody(OrderBody.class)
                .returnResult()
                .getResponseBody();
        order(ann, key, Map.of(a, 2))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(first.id());
        order(ann, key, Map.of(a, 3)).expectStatus().isEqualTo(422);
        assertThat(stockOf(a)).isEqualTo(8);
    }

    @Test
    void aReplayAnswersItsOrderEvenOnceTheStockIsGone() {
        String a = newProduct(100, 2);
        String key = key();
        OrderBody first = order(ann, key, Map.of(a, 2))
                .expectStatus()
                .isCreated()
                .expectBody(OrderBody.class)
                .returnResult()
                .getResponseBody();
        assertThat(stockOf(a)).isZero();
        order(ann, key, Map.of(a, 2))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(first.id());
        order(ann, key, Map.of(a, 1)).expectStatus().isEqualTo(422);
        assertThat(stockOf(a)).isZero();
    }

    @Test
    void concurrentOrdersSellExactlyTheLastUnits() throws Exception {
        String a = newProduct(100, 3);
        List<TestUser> buyers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            buyers.add(api.newUser("buyer"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> attempts = new ArrayList<>();
            for (TestUser buyer : buyers) {
                attempts.add(() -> order(buyer, key(), Map.of(a, 1))
                        .returnResult(String.class)
                        .getStatus()
                        .value());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : pool.invokeAll(attempts)) {
                statuses.add(result.get());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(5);
        } finally {
            pool.shutdown();
        }
        assertThat(stockOf(a)).isZero();
    }

    @Test
    void theSameKeySentTwiceAtOncePlacesOneOrder() throws Exception {
        String a = newProduct(100, 10);
        String key = key();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<OrderBody> attempt = () -> order(ann, key, Map.of(a, 1))
                    .expectBody(OrderBody.class)
                    .returnResult()
                    .getResponseBody();
            List<Future<OrderBody>> results = pool.invokeAll(List.of(attempt, attempt));
            assertThat(results.get(0).get().id()).isEqualTo(results.get(1).get().id());
        } finally {
            pool.shutdown();
        }
        assertThat(stockOf(a)).isEqualTo(9);
    }

    @Test
    void cancellingRestoresStockExactlyOnceAndOnlyForTheOwner() {
        String a = newProduct(100, 5);
        String b = newProduct(100, 5);
        OrderBody placed = order(ann, key(), Map.of(a, 2, b, 3))
                .expectStatus()
                .isCreated()
                .expectBody(OrderBody.class)
                .returnResult()
                .getResponseBody();
        http.post()
                .uri("/api/orders/" + placed.id() + "/cancel")
                .header(HttpHeaders.AUTHORIZATION, api.newUser("bob").bearer())
                .exchange()
                .expectStatus()
                .isNotFound();

        http.post()
                .uri("/api/orders/" + placed.id() + "/cancel")
                .header(HttpHeaders.AUTHORIZATION, ann.bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CANCELLED");
        assertThat(List.of(stockOf(a), stockOf(b))).containsExactly(5L, 5L);

        http.post()
                .uri("/api/orders/" + placed.id() + "/cancel")
                .header(HttpHeaders.AUTHORIZATION, ann.bearer())
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        assertThat(List.of(stockOf(a), stockOf(b))).containsExactly(5L, 5L);
    }

    record ProductStock(String sku, long stock) {}

    record OrderBody(String id, String status, long totalCents, List<Map<String, Object>> lines) {}
}
