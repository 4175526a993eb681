package dev.singletable.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.singletable.admin.AdminAccess;
import dev.singletable.support.Api;
import dev.singletable.support.Eventually;
import dev.singletable.support.FullStackTest;
import dev.singletable.support.MutableClock;
import dev.singletable.support.TestUser;
import dev.singletable.users.UserDirectory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The audit history over HTTP: admins only, an item's versions oldest first, TTL deletions by the service. */
@FullStackTest
class HistoryFullStackTest {

    @Autowired
    RestTestClient http;

    @Autowired
    AdminAccess admins;

    @Autowired
    UserDirectory users;

    @Autowired
    MutableClock clock;

    Api api;
    TestUser admin;

    @BeforeEach
    void setUp() {
        api = new Api(http);
        admin = api.newUser("auditor");
        admins.grant(users.findId(admin.username()).orElseThrow(), Instant.now());
    }

    @Test
    void historyNeedsAuthenticationAndTheAdminRole() {
        api.get("/api/admin/history?pk=USER%23x&sk=PROFILE").expectStatus().isUnauthorized();
        api.get("/api/admin/history?pk=USER%23x&sk=PROFILE", api.newUser("nosy"))
                .expectStatus()
                .isForbidden();
    }

    @Test
    void aLimitOutOfRangeIsA400ProblemNotA500() {
        api.get("/api/admin/history?pk=USER%23x&sk=PROFILE&limit=0", admin)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType("application/problem+json")
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("\"field\":\"limit\""));
    }

    @Test
    void anAdminPagesThroughAnItemsVersionsOldestFirst() {
        TestUser subject = api.newUser("subject");
        String pk = "USER#" + users.findId(subject.username()).orElseThrow();
        // one follow at a time, each counted before the next: two follows in one stream batch move the counter in one
        // write (ItemCounter sums a batch's counts), which the history shows as one version
        int versions = 1;
        for (TestUser fan : List.of(api.newUser("fan"), api.newUser("fan"))) {
            api.put("/api/users/" + fan.username() + "/following/" + subject.username(), fan)
                    .expectStatus()
                    .isNoContent();
            int expected = ++versions;
            Eventually.until(
                    () -> page(pk, "PROFILE", 100, null), p -> p.items().size() == expected);
        }

        // sign-up, then the followers counter moving twice
        Page first = page(pk, "PROFILE", 2, null);
        assertThat(first.items()).extracting(Entry::eventName).containsExactly("INSERT", "MODIFY");
        assertThat(first.items().get(0).oldImage()).isNull();
        assertThat(first.items().get(0).newImage()).containsEntry("username", subject.username());
        assertThat(first.items().get(1).oldImage()).containsEntry("followers", "0");
        assertThat(first.items().get(1).newImage()).containsEntry("followers", "1");
        assertThat(first.nextCursor()).isNotNull();

        Page second = page(pk, "PROFILE", 2, first.nextCursor());
        assertThat(second.items()).extracting(Entry::eventName).containsExactly("MODIFY");
        assertThat(second.items().get(0).newImage()).containsEntry("followers", "2");
        assertThat(second.nextCursor()).isNull();
        assertThat(first.items().get(0).changedAt())
                .isLessThanOrEqualTo(second.items().get(0).changedAt());
    }

    @Test
    void anExpiredSessionDeletedByTtlIsRecordedAsADeletionByTheService() {
        TestUser user = api.newUser("mayfly");
        // A session opened "25 hours ago" expired an hour ago: its ttl is in the past for the engine's TTL sweeper.
        clock.advance(Duration.ofHours(-25));
        String token;
        try {
            token = api.login(user.username(), user.password());
        } finally {
            clock.advance(Duration.ofHours(25));
        }
        String pk = "SESSION#" + sha256(token);

        Page history = Eventually.until(
                () -> page(pk, "SESSION", 20, null), p -> p.items().size() == 2);

        Entry created = history.items().get(0);
        assertThat(created.eventName()).isEqualTo("INSERT");
        assertThat(created.principal()).isNull();
        Entry expired = history.items().get(1);
        assertThat(expired.eventName()).isEqualTo("REMOVE");
        assertThat(expired.principal()).isEqualTo("dynamodb.amazonaws.com");
        assertThat(expired.identityType()).isEqualTo("Service");
        assertThat(expired.oldImage())
                .containsEntry("username", user.username())
                .containsKey("ttl");
        assertThat(expired.newImage()).isNull();
    }

    /** URI variables, so the '#' of the keys is encoded once. */
    private Page page(String pk, String sk, int limit, String cursor) {
        String query = "/api/admin/history?pk={pk}&sk={sk}&limit={limit}" + (cursor == null ? "" : "&cursor={cursor}");
        return http.get()
                .uri(query, pk, sk, limit, cursor)
                .header(HttpHeaders.AUTHORIZATION, admin.bearer())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Page.class)
                .returnResult()
                .getResponseBody();
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Page(List<Entry> items, String nextCursor) {}

    record Entry(
            String eventName,
            String changedAt,
            String sequenceNumber,
            String principal,
            String identityType,
            Map<String, Object> oldImage,
            Map<String, Object> newImage) {}
}
