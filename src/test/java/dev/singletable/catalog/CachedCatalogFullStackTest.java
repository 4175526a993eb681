package dev.singletable.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.admin.AdminAccess;
import dev.singletable.support.Api;
import dev.singletable.support.DocumentedMeters;
import dev.singletable.support.FullStackTest;
import dev.singletable.support.TestUser;
import dev.singletable.table.SingleTable;
import dev.singletable.users.UserDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The service with {@code singletable.cache.mode=local} over real HTTP: the catalogue's reads and other users'
 * profiles come from the DAX-style cache, the service's own writes show at once, a Query result is stale until its TTL,
 * and the cache's meters in docs/operations.md are exported. The one full-stack context with a cache (docs/caching.md).
 */
@FullStackTest
@TestPropertySource(properties = "singletable.cache.mode=local")
class CachedCatalogFullStackTest {

    @Autowired
    RestTestClient http;

    @Autowired
    AdminAccess admins;

    @Autowired
    UserDirectory users;

    @Autowired
    MeterRegistry meters;

    @Autowired
    SingleTable table;

    /** The store itself, as another service instance or a script would write to it: around the cache. */
    @Autowired
    DynamoDbClient store;

    Api api;
    TestUser admin;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        admin = api.newUser("admin");
        admins.grant(users.findId(admin.username()).orElseThrow(), Instant.now());
    }

    double count(String cache, String result) {
        return Search.in(meters)
                .name("cache.gets")
                .tags("cache", cache, "result", result)
                .functionCounter()
                .count();
    }

    @Test
    void aProductPageComesFromTheItemCacheAndShowsTheServicesOwnChangeAtOnce() {
        String sku = ProductsFullStackTest.uniqueSku();
        api.post("/api/products", ProductsFullStackTest.product(sku, "kitchen"), admin)
                .expectStatus()
                .isCreated();
        String etag = api.get("/api/products/" + sku)
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
        double hits = count("dax.item", "hit");
        api.get("/api/products/" + sku)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.priceCents")
                .isEqualTo(1299);
        assertThat(count("dax.item", "hit")).isEqualTo(hits + 1);

        // an admin's change goes through the cache (write-through): the next page shows it
        http.patch()
                .uri("/api/products/" + sku)
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .header(HttpHeaders.IF_MATCH, etag)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("priceCents", 1500))
                .exchange()
                .expectStatus()
                .isOk();
        api.get("/api/products/" + sku)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.priceCents")
                .isEqualTo(1500);

        // a write around the cache (another instance, a script) is not seen until the item TTL ends
        store.updateItem(r -> r.tableName(table.name())
                .key(ProductKeys.product(sku).primaryKeyMap(ProductItem.SCHEMA))
                .updateExpression("SET priceCents = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromN("999"))));
        api.get("/api/products/" + sku)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.priceCents")
                .isEqualTo(1500);
        // an unknown SKU is cached as unknown (negative caching): still a 404, answered by the cache
        double misses = count("dax.item", "miss");
        api.get("/api/products/NO-SUCH-" + sku).expectStatus().isNotFound();
        api.get("/api/products/NO-SUCH-" + sku).expectStatus().isNotFound();
        assertThat(count("dax.item", "miss")).isEqualTo(misses + 1);
    }

    @Test
    void aCategoryListingComesFromTheQueryCacheAndStaysAsItWasUntilItsTtl() {
        String category = Api.uniqueName("cached").toLowerCase().replace('_', '-');
        String first = "A" + ProductsFullStackTest.uniqueSku();
        api.post("/api/products", ProductsFullStackTest.product(first, category), admin)
                .expectStatus()
                .isCreated();
        api.get("/api/products?category=" + category)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[*].sku")
                .isEqualTo(List.of(first));
        double hits = count("dax.query", "hit");

        String second = "B" + ProductsFullStackTest.uniqueSku();
        api.post("/api/products", ProductsFullStackTest.product(second, category), admin)
                .expectStatus()
                .isCreated();
        // DAX does not invalidate a cached Query on writes, not even its own: the listing lags until the query TTL
        api.get("/api/products?category=" + category)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[*].sku")
                .isEqualTo(List.of(first));
        assertThat(count("dax.query", "hit")).isEqualTo(hits + 1);
        // while the new product's own page is there at once
        api.get("/api/products/" + second).expectStatus().isOk();
    }

    @Test
    void anotherUsersProfileComesFromTheCacheTheOwnersOwnViewDoesNot() {
        TestUser ann = api.newUser("ann");
        TestUser bob = api.newUser("bob");
        api.get("/api/users/" + ann.username(), bob).expectStatus().isOk();
        double hits = count("dax.item", "hit");
        api.get("/api/users/" + ann.username(), bob)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.email")
                .doesNotExist();
        assertThat(count("dax.item", "hit")).isEqualTo(hits + 1);
        api.get("/api/users/" + ann.username(), ann)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.email")
                .isNotEmpty();
        assertThat(count("dax.item", "hit")).as("the owner reads consistently").isEqualTo(hits + 1);
    }

    @Test
    void everyCacheMeterInTheOperationsGuideIsInTheScrape() throws IOException {
        List<String> documented = DocumentedMeters.inTable("| cache meter (Prometheus name) |");
        assertThat(documented)
                .contains("cache_gets_total", "cache_evictions_total", "singletable_cache_pass_throughs_total");
        api.get("/api/products/NO-SUCH-SKU").expectStatus().isNotFound();
        String scrape = http.get()
                .uri("/actuator/prometheus")
                .headers(h -> h.setBasicAuth("prometheus", FullStackTest.SCRAPE_PASSWORD))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        for (String name : documented) {
            assertThat(Pattern.compile("(?m)^" + name + "\\{[^}]*cache=\"dax\\.(item|query)\"")
                            .matcher(scrape)
                            .find())
                    .as("docs/operations.md names %s; the scrape has no such series", name)
                    .isTrue();
        }
    }
}
