package dev.singletable.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.admin.AdminAccess;
import dev.singletable.support.Api;
import dev.singletable.support.Eventually;
import dev.singletable.support.FullStackTest;
import dev.singletable.support.TestUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17, finding 8: a password hash never leaves its item. Not through the audit history (which copied the profile's
 * stream images, hash included), not through any GET endpoint an admin can call; and a user written before the hash
 * had its own item still logs in, after which the profile holds no hash.
 */
@FullStackTest
class PasswordHashExposureFullStackTest {

    /** bcrypt ({@code $2a$10$…}, Spring's {@code {bcrypt}} prefix), argon2, pbkdf2, scrypt: whatever encoder is used. */
    static final Pattern HASH_SHAPED = Pattern.compile(
            "\\$2[aby]?\\$\\d\\d\\$|\\{bcrypt}|\\$argon2|pbkdf2|\\$s0\\$|" + "\\{scrypt}", Pattern.CASE_INSENSITIVE);

    @Autowired
    RestTestClient http;

    @Autowired
    AdminAccess admins;

    @Autowired
    UserDirectory users;

    @Autowired
    DynamoDbClient dynamo;

    Api api;
    TestUser admin;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        admin = api.newUser("warden");
        admins.grant(users.findId(admin.username()).orElseThrow(), Instant.now());
    }

    @Test
    void theHashIsInItsOwnItemAndNotInTheProfile() {
        TestUser ann = api.newUser("hashed");
        String id = users.findId(ann.username()).orElseThrow();

        assertThat(item(id, "PROFILE")).doesNotContainKey("passwordHash");
        assertThat(item(id, "CREDENTIALS")).containsKey("passwordHash");
    }

    @Test
    void theHistoryOfAUserShowsNoHash() {
        TestUser ann = api.newUser("audited");
        String id = users.findId(ann.username()).orElseThrow();
        String hash = storedHash(id);

        String profile = Eventually.until(() -> history("USER#" + id, "PROFILE"), body -> body.contains("INSERT"));

        assertNoHash(profile, hash);
        assertThat(history("USER#" + id, "CREDENTIALS")).contains("\"items\":[]");
    }

    @Test
    void aUserFromBeforeTheCredentialsItemLogsInAndTheHashLeavesTheProfile() {
        TestUser old = api.newUser("legacy");
        String id = users.findId(old.username()).orElseThrow();
        String hash = item(id, "CREDENTIALS").get("passwordHash").s();
        // The shape of a user written by the previous version: the hash in the profile, no credentials item.
        dynamo.deleteItem(r -> r.tableName("singletable").key(key(id, "CREDENTIALS")));
        dynamo.updateItem(r -> r.tableName("singletable")
                .key(key(id, "PROFILE"))
                .updateExpression("SET passwordHash = :h")
                .expressionAttributeValues(Map.of(":h", AttributeValue.fromS(hash))));

        assertThat(api.login(old.username(), old.password())).isNotBlank();

        assertThat(item(id, "PROFILE")).doesNotContainKey("passwordHash");
        assertThat(item(id, "CREDENTIALS").get("passwordHash").s()).isEqualTo(hash);
        assertThat(api.login(old.username(), old.password())).isNotBlank();
        http.post()
                .uri("/api/sessions")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(Map.of("username", old.username(), "password", "wrong password"))
                .exchange()
                .expectStatus()
                .isUnauthorized();
        // The history saw the hash arrive in the profile and leave it; it shows neither.
        String profile = Eventually.until(
                () -> history("USER#" + id, "PROFILE"), body -> body.split("MODIFY", -1).length - 1 >= 2);
        assertNoHash(profile, hash);
    }

    @Test
    void noGetEndpointShowsAnAdminAHash() {
        TestUser ann = api.newUser("walked");
        TestUser bob = api.newUser("walker");
        api.put("/api/users/" + bob.username() + "/following/" + ann.username(), bob)
                .expectStatus()
                .isNoContent();
        String tweet = api.tweet(ann, "nothing secret here");
        String annId = users.findId(ann.username()).orElseThrow();
        List<String> hashes = List.of(
                storedHash(annId), storedHash(users.findId(admin.username()).orElseThrow()));
        Eventually.until(() -> history("USER#" + annId, "PROFILE"), body -> body.contains("INSERT"));

        JsonNode paths = JsonMapper.shared()
                .readTree(api.get("/v3/api-docs")
                        .expectStatus()
                        .isOk()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .get("paths");
        List<String> walked = new ArrayList<>();
        for (Iterator<String> names = paths.propertyNames().iterator(); names.hasNext(); ) {
            String path = names.next();
            if (!paths.get(path).has("get")) {
                continue;
            }
            String uri = path.replace("{username}", ann.username())
                    .replace("{other}", bob.username())
                    .replace("{id}", tweet)
                    .replace("{sku}", "MUG-001");
            for (String query : queries(path, annId)) {
                String body = http.get()
                        .uri(uri + query)
                        .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                        .exchange()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody();
                walked.add(uri + query);
                for (String hash : hashes) {
                    assertNoHash(body == null ? "" : body, hash);
                }
            }
        }
        assertThat(walked)
                .anyMatch(uri -> uri.startsWith("/api/admin/history"))
                .anyMatch(uri -> uri.startsWith("/api/admin/explorer"))
                .anyMatch(uri -> uri.startsWith("/api/users/"));
    }

    private static List<String> queries(String path, String userId) {
        if (path.equals("/api/admin/history")) {
            return List.of("?pk=USER%23" + userId + "&sk=PROFILE", "?pk=USER%23" + userId + "&sk=CREDENTIALS");
        }
        if (path.equals("/api/admin/orders")) {
            return List.of("?status=PLACED");
        }
        return List.of("");
    }

    private static void assertNoHash(String body, String hash) {
        assertThat(body).doesNotContain(hash).doesNotContain(hash.substring(hash.length() - 31));
        assertThat(HASH_SHAPED.matcher(body).find())
                .as("a hash-shaped string in %s", body)
                .isFalse();
    }

    private String history(String pk, String sk) {
        return http.get()
                .uri("/api/admin/history?pk={pk}&sk={sk}&limit=100", pk, sk)
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    /** The user's hash wherever it is stored (so that this test shows a leak under the old layout too). */
    private String storedHash(String userId) {
        AttributeValue hash = item(userId, "CREDENTIALS").get("passwordHash");
        return (hash != null ? hash : item(userId, "PROFILE").get("passwordHash")).s();
    }

    private Map<String, AttributeValue> item(String userId, String sk) {
        return dynamo.getItem(
                        r -> r.tableName("singletable").key(key(userId, sk)).consistentRead(true))
                .item();
    }

    private static Map<String, AttributeValue> key(String userId, String sk) {
        return Map.of("PK", AttributeValue.fromS("USER#" + userId), "SK", AttributeValue.fromS(sk));
    }
}
