package dev.singletable.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.admin.AdminAccess;
import dev.singletable.support.Api;
import dev.singletable.support.FullStackTest;
import dev.singletable.support.TestUser;
import dev.singletable.users.UserDirectory;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@FullStackTest
class ProductsFullStackTest {

    @Autowired
    RestTestClient http;

    @Autowired
    AdminAccess admins;

    @Autowired
    UserDirectory users;

    Api api;
    TestUser admin;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        admin = api.newUser("admin");
        admins.grant(users.findId(admin.username()).orElseThrow(), Instant.now());
    }

    static Map<String, Object> product(String sku, String category) {
        Map<String, Object> body = new HashMap<>();
        body.put("sku", sku);
        body.put("name", "Mug " + sku);
        body.put("category", category);
        body.put("description", "A mug");
        body.put("priceCents", 1299);
        body.put("stock", 5);
        return body;
    }

    static String uniqueSku() {
        return Api.uniqueName("SKU").toUpperCase().replace('_', '-');
    }

    @Test
    void anAdminCreatesAProductAnyoneReadsIt() {
        String sku = uniqueSku();
        String createdTag = api.post("/api/products", product(sku, "kitchen"), admin)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals(HttpHeaders.LOCATION, "/api/products/" + sku)
                .expectBody()
                .jsonPath("$.sku")
                .isEqualTo(sku)
                .jsonPath("$.stock")
                .isEqualTo(5)
                .jsonPath("$.reviewCount")
                .isEqualTo(0)
                .jsonPath("$.averageRating")
                .isEmpty()
                .returnResult()
                .getResponseHeaders()
                .getETag();
        assertThat(createdTag).isNotBlank();
        api.get("/api/products/" + sku)
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, createdTag) // the same body, the same tag
                .expectBody()
                .jsonPath("$.priceCents")
                .isEqualTo(1299);
        api.post("/api/products", product(sku, "kitchen"), admin)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.fields[0]")
                .isEqualTo("sku");
    }

    @Test
    void onlyAdminsCreateOrChangeProducts() {
        TestUser bob = api.newUser("bob");
        String sku = uniqueSku();
        api.post("/api/products", product(sku, "kitchen"), bob).expectStatus().isForbidden();
        http.post()
                .uri("/api/products")
                .contentType(MediaType.APPLICATION_JSON)
                .body(product(sku, "kitchen"))
                .exchange()
                .expectStatus()
                .isUnauthorized();
        api.post("/api/products", product(sku, "kitchen"), admin).expectStatus().isCreated();
        http.patch()
                .uri("/api/products/" + sku)
                .header(HttpHeaders.AUTHORIZATION, bob.bearer())
                .header(HttpHeaders.IF_MATCH, "\"1\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("stock", 0))
                .exchange()
                .expectStatus()
                .isForbidden();
        api.get("/api/products/" + Api.uniqueName("NOPE")).expectStatus().isNotFound();
    }

    @Test
    void invalidProductsAre400() {
        Map<String, Object> bad = product("has space", "Kitchen");
        bad.put("priceCents", -1);
        api.post("/api/products", bad, admin)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors.length()")
                .isEqualTo(3);
    }

    @Test
    void patchNeedsTheCurrentETag() {
        String sku = uniqueSku();
        api.post("/api/products", product(sku, "kitchen"), admin).expectStatus().isCreated();

        String first = etagOf(sku);

        patch(sku, null, Map.of("stock", 9)).expectStatus().isEqualTo(428);
        patch(sku, "\"7\"", Map.of("stock", 9)).expectStatus().isEqualTo(412);
        String second = patch(sku, first, Map.of("stock", 9, "priceCents", 1500))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.stock")
                .isEqualTo(9)
                .jsonPath("$.priceCents")
                .isEqualTo(1500)
                .jsonPath("$.description")
                .isEqualTo("A mug")
                .jsonPath("$.name")
                .isEqualTo("Mug " + sku)
                .returnResult()
                .getResponseHeaders()
                .getETag();
        assertThat(second).isNotEqualTo(first).isEqualTo(etagOf(sku));
        patch(sku, first, Map.of("stock", 1)).expectStatus().isEqualTo(412);
        patch(Api.uniqueName("NOPE"), first, Map.of("stock", 1)).expectStatus().isNotFound();
    }

    @Test
    void aCategoryListsItsProductsPaged() {
        String category = Api.uniqueName("cat").toLowerCase().replace('_', '-');
        String a = "A" + uniqueSku();
        String b = "B" + uniqueSku();
        String c = "C" + uniqueSku();
        for (String sku : List.of(c, a, b)) {
            api.post("/api/products", product(sku, category), admin)
                    .expectStatus()
                    .isCreated();
        }
        api.post("/api/products", product(uniqueSku(), category + "-other"), admin)
                .expectStatus()
                .isCreated();

        PageBody first = api.get("/api/products?limit=2&category=" + category)
                .expectStatus()
                .isOk()
                .expectBody(PageBody.class)
                .returnResult()
                .getResponseBody();
        assertThat(first.items()).extracting(item -> item.get("sku")).containsExactly(a, b);
        assertThat(first.nextCursor()).isNotBlank();
        api.get("/api/products?limit=2&category=" + category + "&cursor=" + first.nextCursor())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[*].sku")
                .isEqualTo(List.of(c))
                .jsonPath("$.nextCursor")
                .isEmpty();
        api.get("/api/products?category=Not_Valid").expectStatus().isBadRequest();
    }

    private String etagOf(String sku) {
        return api.get("/api/products/" + sku)
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
    }

    private RestTestClient.ResponseSpec patch(String sku, String ifMatch, Object body) {
        RestTestClient.RequestBodySpec request = http.patch()
                .uri("/api/products/" + sku)
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request.body(body).exchange();
    }

    record PageBody(List<Map<String, Object>> items, String nextCursor) {}
}
