package dev.singletable.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.admin.AdminAccess;
import dev.singletable.support.Api;
import dev.singletable.support.Eventually;
import dev.singletable.support.FullStackTest;
import dev.singletable.support.TestUser;
import dev.singletable.users.UserDirectory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** A user's order count and total spent, kept from the order headers' changes and shown on their own profile. */
@FullStackTest
class OrderTotalsFullStackTest {

    @Autowired
    RestTestClient http;

    @Autowired
    AdminAccess admins;

    @Autowired
    UserDirectory users;

    @Test
    void placedOrdersCountAndACancelledOneIsTakenBackOut() {
        Api api = new Api(http);
        TestUser admin = api.newUser("shopkeeper");
        admins.grant(users.findId(admin.username()).orElseThrow(), Instant.now());
        String sku = Api.uniqueName("TOT").toUpperCase().replace('_', '-');
        api.post(
                        "/api/products",
                        Map.of(
                                "sku",
                                sku,
                                "name",
                                "Totals " + sku,
                                "category",
                                "totals-test",
                                "priceCents",
                                1250,
                                "stock",
                                100),
                        admin)
                .expectStatus()
                .isCreated();
        TestUser buyer = api.newUser("buyer");

        order(buyer, sku, 2, Api.uniqueName("k"));
        String cancelled = order(buyer, sku, 1, Api.uniqueName("k"));
        order(buyer, sku, 3, Api.uniqueName("k"));
        api.post("/api/orders/" + cancelled + "/cancel", Map.of(), buyer)
                .expectStatus()
                .is2xxSuccessful();

        Profile own = Eventually.until(
                () -> profile(api, buyer, buyer),
                p -> p.orders() != null && p.orders() == 2 && p.spentCents() == 5 * 1250);
        assertThat(own.spentCents()).isEqualTo(6250);
        // the totals are private, like the email
        Profile seenByOthers = profile(api, buyer, admin);
        assertThat(seenByOthers.orders()).isNull();
        assertThat(seenByOthers.spentCents()).isNull();
        // a user who never ordered sees zeros
        assertThat(profile(api, admin, admin).orders()).isZero();
    }

    private String order(TestUser as, String sku, int quantity, String key) {
        return http.post()
                .uri("/api/orders")
                .header(HttpHeaders.AUTHORIZATION, as.bearer())
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("items", List.of(Map.of("sku", sku, "quantity", quantity))))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(OrderId.class)
                .returnResult()
                .getResponseBody()
                .id();
    }

    private static Profile profile(Api api, TestUser whose, TestUser as) {
        return api.get("/api/users/" + whose.username(), as)
                .expectStatus()
                .isOk()
                .expectBody(Profile.class)
                .returnResult()
                .getResponseBody();
    }

    record OrderId(String id) {}

    record Profile(String username, Long orders, Long spentCents) {}
}
