package dev.singletable.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.admin.AdminAccess;
import dev.singletable.support.Api;
import dev.singletable.support.Eventually;
import dev.singletable.support.FullStackTest;
import dev.singletable.support.TestUser;
import dev.singletable.users.UserDirectory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractJacksonHttpMessageConverter;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every GET that returns an ETag, over HTTP, before and after each kind of change that alters its body: the ETag
 * changes with the body (also when the change comes from the table's stream rather than a PATCH), {@code If-None-Match}
 * with the old tag is answered 200 with the new body, with the new tag 304; and If-Match on PATCH takes the tag a GET
 * gave (docs/api.md, "ETags and conditional requests").
 */
@FullStackTest
class ConditionalGetFullStackTest {

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

    @Test
    void aProductsETagFollowsItsStockReviewsAndPatches() {
        String sku = newProduct("ETAG", "Tagged mug", 1000, 25);
        String path = "/api/products/" + sku;
        Read created = read(path, null);
        assertNotModified(path, created, null);

        TestUser ann = api.newUser("ann");
        String order = placeOrder(ann, sku, 2);
        Read afterOrder = changed(path, created, null, body -> body.contains("\"stock\":23"));

        api.post("/api/orders/" + order + "/cancel", Map.of(), ann)
                .expectStatus()
                .isOk();
        Read afterCancel = changed(path, afterOrder, null, body -> body.contains("\"stock\":25"));
        // the same body as at first: a tag over the body is the same tag again (and 304 for a client that kept it)
        assertThat(afterCancel.etag()).isEqualTo(created.etag());

        placeOrder(ann, sku, 1);
        Read stock24 = changed(path, afterCancel, null, body -> body.contains("\"stock\":24"));

        review(sku, ann, 4).expectStatus().isCreated();
        Read reviewed = changed(path, stock24, null, body -> body.contains("\"reviewCount\":1"));

        review(sku, ann, 2).expectStatus().isOk(); // same count, another average
        Read rerated = changed(path, reviewed, null, body -> body.contains("\"averageRating\":2.0"));

        String patchedTag = http.patch()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .header(HttpHeaders.IF_MATCH, rerated.etag())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("priceCents", 1100))
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
        Read patched = changed(path, rerated, null, body -> body.contains("\"priceCents\":1100"));
        assertThat(patched.etag()).isEqualTo(patchedTag);
    }

    @Test
    void aProfilesETagFollowsItsCountersItsPatchesAndWhoAsks() {
        TestUser ann = api.newUser("ann");
        TestUser bob = api.newUser("bob");
        String path = "/api/users/" + ann.username();
        Read anonymous = read(path, null);
        Read own = read(path, ann);
        // two representations of one profile (the owner also sees email and order totals): two tags
        assertThat(own.etag()).isNotEqualTo(anonymous.etag());
        // and a cache keeps them apart
        assertThat(http.get()
                        .uri(path)
                        .exchange()
                        .returnResult(String.class)
                        .getResponseHeaders()
                        .getVary())
                .contains(HttpHeaders.AUTHORIZATION);
        assertNotModified(path, anonymous, null);
        assertNotModified(path, own, ann);
        http.get()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, ann.bearer())
                .header(HttpHeaders.IF_NONE_MATCH, anonymous.etag())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.email")
                .isEqualTo(ann.email());

        api.put("/api/users/" + bob.username() + "/following/" + ann.username(), bob)
                .expectStatus()
                .isNoContent();
        Read followed = changed(path, anonymous, null, body -> body.contains("\"followers\":1"));

        api.put(path + "/following/" + bob.username(), ann).expectStatus().isNoContent();
        Read following = changed(path, followed, null, body -> body.contains("\"following\":1"));

        api.tweet(ann, "counted");
        Read tweeted = changed(path, following, null, body -> body.contains("\"tweets\":1"));

        Read ownBeforeOrder = read(path, ann);
        String sku = newProduct("ETAG", "Ordered", 700, 5);
        placeOrder(ann, sku, 1);
        changed(path, ownBeforeOrder, ann, body -> body.contains("\"spentCents\":700"));
        // the order totals are only in the owner's representation: the public one, and its tag, stay
        Read publicAfterOrder = read(path, null);
        assertThat(publicAfterOrder.etag()).isEqualTo(tweeted.etag());

        Read ownNow = read(path, ann);
        http.patch()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, ann.bearer())
                .header(HttpHeaders.IF_MATCH, ownNow.etag())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("displayName", "Ann Tagged"))
                .exchange()
                .expectStatus()
                .isOk();
        changed(path, tweeted, null, body -> body.contains("\"displayName\":\"Ann Tagged\""));
    }

    @Test
    void ifMatchWithATagFromBeforeACounterMovedIs412() {
        TestUser ann = api.newUser("ann");
        TestUser bob = api.newUser("bob");
        String path = "/api/users/" + ann.username();
        Read before = read(path, ann);
        api.put("/api/users/" + bob.username() + "/following/" + ann.username(), bob)
                .expectStatus()
                .isNoContent();
        Read after = changed(path, before, ann, body -> body.contains("\"followers\":1"));

        patchProfile(ann, before.etag()).expectStatus().isEqualTo(412);
        patchProfile(ann, after.etag()).expectStatus().isOk();
    }

    @Test
    void theETagIsStrongAndNamesTheBodysDigest() {
        TestUser ann = api.newUser("ann");
        for (TestUser as : new TestUser[] {null, ann}) {
            Read read = read("/api/users/" + ann.username(), as);
            assertThat(read.etag()).doesNotStartWith("W/").isEqualTo(expectedTag(read.body()));
        }
        String sku = newProduct("DIGEST", "Digest mug", 700, 3);
        Read product = read("/api/products/" + sku, null);
        assertThat(product.etag()).isEqualTo(expectedTag(product.body()));
    }

    /**
     * The body a tag names is written from the bytes that were hashed (TaggedJsonHttpMessageConverter): that converter
     * is the API's one JSON converter, with the application's mapper, so no other mapper writes or reads a body.
     */
    @Test
    void theApisOneJsonConverterWritesTheTaggedBytes(
            @Autowired RequestMappingHandlerAdapter mvc, @Autowired JsonMapper applicationMapper) {
        List<AbstractJacksonHttpMessageConverter<?>> json = mvc.getMessageConverters().stream()
                .filter(c -> c instanceof AbstractJacksonHttpMessageConverter<?>
                        && c.getSupportedMediaTypes().contains(MediaType.APPLICATION_JSON))
                .<AbstractJacksonHttpMessageConverter<?>>map(c -> (AbstractJacksonHttpMessageConverter<?>) c)
                .toList();
        assertThat(json).singleElement().isInstanceOf(TaggedJsonHttpMessageConverter.class);
        assertThat(json.get(0).getMapper()).isSameAs(applicationMapper);
    }

    /**
     * A format the API does not document is 406, not another mapper's text under the JSON body's strong ETag (a
     * YAML converter came with swagger-core's Jackson 2 YAML module and wrote instants as epoch seconds).
     */
    @Test
    void onlyJsonIsServedSoATagNamesTheOneRepresentation(@Autowired RequestMappingHandlerAdapter mvc) {
        TestUser ann = api.newUser("ann");
        for (String format : List.of("application/yaml", "application/cbor", "application/x-jackson-smile")) {
            assertThat(mvc.getMessageConverters()).as(format).noneMatch(c -> c.getSupportedMediaTypes()
                    .contains(MediaType.parseMediaType(format)));
            http.get()
                    .uri("/api/users/" + ann.username())
                    .header(HttpHeaders.ACCEPT, format)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(406);
        }
    }

    /** A new product (by the admin) in the "etags" category; returns its SKU. */
    private String newProduct(String prefix, String name, int priceCents, int stock) {
        String sku = Api.uniqueName(prefix).toUpperCase().replace('_', '-');
        api.post(
                        "/api/products",
                        Map.of("sku", sku, "name", name, "category", "etags", "priceCents", priceCents, "stock", stock),
                        admin)
                .expectStatus()
                .isCreated();
        return sku;
    }

    private RestTestClient.ResponseSpec patchProfile(TestUser user, String ifMatch) {
        return http.patch()
                .uri("/api/users/" + user.username())
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .header(HttpHeaders.IF_MATCH, ifMatch)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("displayName", "Patched"))
                .exchange();
    }

    /** The ETag docs/api.md describes: the first 128 bits of the body's SHA-256, base64url, quoted. */
    private static String expectedTag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16))
                    + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private String placeOrder(TestUser as, String sku, int quantity) {
        return http.post()
                .uri("/api/orders")
                .header(HttpHeaders.AUTHORIZATION, as.bearer())
                .header("Idempotency-Key", Api.uniqueName("key"))
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

    private RestTestClient.ResponseSpec review(String sku, TestUser as, int rating) {
        return http.put()
                .uri("/api/products/" + sku + "/reviews")
                .header(HttpHeaders.AUTHORIZATION, as.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("rating", rating))
                .exchange();
    }

    /** Waits for the body to show a change, then checks the tag moved and both old and new tags are answered right. */
    private Read changed(String path, Read before, @Nullable TestUser as, Predicate<String> shows) {
        Read after = Eventually.until(() -> read(path, as), read -> shows.test(read.text()));
        assertThat(after.etag())
                .as("ETag after %s changed to %s", before.text(), after.text())
                .isNotEqualTo(before.etag());
        EntityExchangeResult<byte[]> stale = conditional(path, as, before.etag())
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult();
        assertThat(new String(stale.getResponseBodyContent(), StandardCharsets.UTF_8))
                .isEqualTo(after.text());
        assertNotModified(path, after, as);
        return after;
    }

    private void assertNotModified(String path, Read current, @Nullable TestUser as) {
        EntityExchangeResult<byte[]> result = conditional(path, as, current.etag())
                .expectStatus()
                .isNotModified()
                .expectBody()
                .returnResult();
        assertThat(result.getResponseHeaders().getETag()).isEqualTo(current.etag());
        assertThat(result.getResponseBodyContent()).isNullOrEmpty();
    }

    private RestTestClient.ResponseSpec conditional(String path, @Nullable TestUser as, String ifNoneMatch) {
        return http.get()
                .uri(path)
                .headers(headers -> {
                    headers.set(HttpHeaders.IF_NONE_MATCH, ifNoneMatch);
                    if (as != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, as.bearer());
                    }
                })
                .exchange();
    }

    private Read read(String path, @Nullable TestUser as) {
        EntityExchangeResult<byte[]> result = http.get()
                .uri(path)
                .headers(headers -> {
                    if (as != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, as.bearer());
                    }
                })
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult();
        String etag = result.getResponseHeaders().getETag();
        assertThat(etag).as("ETag of GET %s", path).isNotBlank();
        return new Read(etag, result.getResponseBodyContent());
    }

    record Read(String etag, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    record OrderId(String id) {}
}
