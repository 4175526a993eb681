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

/** Admin status changes: the full transition matrix, races decided by the status condition, stock on cancel. */
@FullStackTest
class OrderStatusFullStackTest {

    @Autowired
    RestTestClient http;

    @Autowired
    AdminAccess admins;

    @Autowired
    UserDirectory users;

    @Autowired
    OrderRepository repository;

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

    @Test
    void everyPairOfStatusesIsAllowedExactlyWhenTheLifeOfAnOrderAllowsIt() {
        String sku = newProduct(1_000);
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                String id = place(sku, 1);
                bringTo(id, from);
                boolean legal = expectedLegal(from, to);
                RestTestClient.ResponseSpec answer = patch(id, to.name(), admin);
                if (legal) {
                    answer.expectStatus()
                            .isOk()
                            .expectBody()
                            .jsonPath("$.status")
                            .isEqualTo(to.name());
                } else {
                    answer.expectStatus()
                            .isEqualTo(409)
                            .expectBody()
                            .jsonPath("$.type")
                            .isEqualTo("https://singletable.dev/problems/illegal-transition")
                            .jsonPath("$.status")
                            .isEqualTo(409)
                            .jsonPath("$.currentStatus")
                            .isEqualTo(from.name());
                }
                api.get("/api/orders/" + id, ann)
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.status")
                        .isEqualTo(legal ? to.name() : from.name());
            }
        }
    }

    /** The matrix written out by hand, independently of {@link OrderStatus#canBecome}. */
    private static boolean expectedLegal(OrderStatus from, OrderStatus to) {
        return switch (from.name() + ">" + to.name()) {
            case "PLACED>PAID", "PLACED>CANCELLED", "PAID>SHIPPED", "PAID>CANCELLED", "SHIPPED>DELIVERED" -> true;
            default -> false;
        };
    }

    @Test
    void anAdminCancelReturnsTheStockOnceAndLaterChangesAreRefused() {
        String sku = newProduct(10);
        String id = place(sku, 4);
        patch(id, "PAID", admin).expectStatus().isOk();
        assertThat(stockOf(sku)).isEqualTo(6);
        patch(id, "CANCELLED", admin)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CANCELLED");
        assertThat(stockOf(sku)).isEqualTo(10);
        patch(id, "CANCELLED", admin).expectStatus().isEqualTo(409);
        http.post()
                .uri("/api/orders/" + id + "/cancel")
                .header(HttpHeaders.AUTHORIZATION, ann.bearer())
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        assertThat(stockOf(sku)).isEqualTo(10);
    }

    @Test
    void onlyAdminsChangeStatusesAndUnknownOrdersAre404() {
        String id = place(newProduct(5), 1);
        patch(id, "PAID", ann).expectStatus().isForbidden();
        patch(id, "PAID", null).expectStatus().isUnauthorized();
        patch("01ARZ3NDEKTSV4RRFFQ69G5FAV", "PAID", admin).expectStatus().isNotFound();
        patch("not-an-id", "PAID", admin).expectStatus().isNotFound();
        patch(id, "LOST", admin)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("status");
        api.get("/api/orders/" + id, ann).expectBody().jsonPath("$.status").isEqualTo("PLACED");
    }

    @Test
    void ofTwoRacingChangesExactlyOneWinsAndTheStockFollowsTheWinner() throws Exception {
        String sku = newProduct(100);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 6; round++) {
                String id = place(sku, 1);
                // pairs that exclude each other in either order, so exactly one may win however they interleave
                if (round % 2 == 1) {
                    patch(id, "PAID", admin).expectStatus().isOk();
                }
                List<String> targets = round % 2 == 0 ? List.of("PAID", "PAID") : List.of("SHIPPED", "CANCELLED");
                long stockBefore = stockOf(sku);
                List<Callable<Integer>> racers = new ArrayList<>();
                for (String target : targets) {
                    racers.add(() -> patch(id, target, admin)
                            .returnResult(String.class)
                            .getStatus()
                            .value());
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> result : pool.invokeAll(racers)) {
                    statuses.add(result.get());
                }
                assertThat(statuses).containsExactlyInAnyOrder(200, 409);
                String winner = targets.get(statuses.indexOf(200));
                api.get("/api/orders/" + id, ann)
                        .expectBody()
                        .jsonPath("$.status")
                        .isEqualTo(winner);
                assertThat(stockOf(sku)).isEqualTo(winner.equals("CANCELLED") ? stockBefore + 1 : stockBefore);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aChangeDecidedOnAStaleStatusIsRefusedByTheCondition() {
        String sku = newProduct(10);
        String id = place(sku, 2);
        OrderRepository.StoredOrder read = repository.find(id).orElseThrow();
        // two admins both read PLACED; the first commits, the second's condition (status = PLACED) must fail
        assertThat(repository.transition(read, OrderStatus.PLACED, OrderStatus.PAID, null))
                .isTrue();
        assertThat(repository.transition(read, OrderStatus.PLACED, OrderStatus.CANCELLED, null))
                .isFalse();
        assertThat(repository.find(id).orElseThrow().status()).isEqualTo("PAID");
        assertThat(stockOf(sku)).isEqualTo(8);
        // the owner condition: someone else's id never cancels the order
        assertThat(repository.transition(read, OrderStatus.PAID, OrderStatus.CANCELLED, "someone-else"))
                .isFalse();
        assertThat(stockOf(sku)).isEqualTo(8);
    }

    private void bringTo(String id, OrderStatus status) {
        List<String> path =
                switch (status) {
                    case PLACED -> List.of();
                    case PAID -> List.of("PAID");
                    case SHIPPED -> List.of("PAID", "SHIPPED");
                    case DELIVERED -> List.of("PAID", "SHIPPED", "DELIVERED");
                    case CANCELLED -> List.of("CANCELLED");
                };
        path.forEach(step -> patch(id, step, admin).expectStatus().isOk());
    }

    private RestTestClient.ResponseSpec patch(String id, String status, TestUser as) {
        RestTestClient.RequestBodySpec request =
                http.patch().uri("/api/orders/" + id + "/status").contentType(MediaType.APPLICATION_JSON);
        if (as != null) {
            request.header(HttpHeaders.AUTHORIZATION, as.bearer());
        }
        return request.body(Map.of("status", status)).exchange();
    }

    private String newProduct(long stock) {
        String sku = Api.uniqueName("ST").toUpperCase().replace('_', '-');
        api.post(
                        "/api/products",
                        Map.of(
                                "sku",
                                sku,
                                "name",
                                "Item " + sku,
                                "category",
                                "status-test",
                                "priceCents",
                                100,
                                "stock",
                                stock),
                        admin)
                .expectStatus()
                .isCreated();
        return sku;
    }

    private long stockOf(String sku) {
        return api.get("/api/products/" + sku)
                .expectStatus()
                .isOk()
                .expectBody(Stock.class)
                .returnResult()
                .getResponseBody()
                .stock();
    }

    private String place(String sku, int quantity) {
        return api.http()
                .post()
                .uri("/api/orders")
                .header(HttpHeaders.AUTHORIZATION, ann.bearer())
                .header(OrderController.IDEMPOTENCY_KEY, Api.uniqueName("key"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("items", List.of(Map.of("sku", sku, "quantity", quantity))))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Placed.class)
                .returnResult()
                .getResponseBody()
                .id();
    }

    record Stock(long stock) {}

    record Placed(String id) {}
}
