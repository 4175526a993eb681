package dev.singletable.web;

import dev.singletable.support.Api;
import dev.singletable.support.FullStackTest;
import dev.singletable.support.MutableClock;
import dev.singletable.support.TestUser;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Cursors are opaque and signed: tampered, expired, foreign or garbage cursors are 400 invalid-cursor. */
@FullStackTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CursorFullStackTest {

    static final String INVALID_CURSOR = "https://singletable.dev/problems/invalid-cursor";

    @Autowired
    RestTestClient http;

    @Autowired
    MutableClock clock;

    Api api;
    TestUser ann;
    TestUser bob;
    String cursor;

    @BeforeAll
    void setUp() {
        api = new Api(http);
        ann = api.newUser("ann");
        bob = api.newUser("bob");
        for (int i = 0; i < 3; i++) {
            api.tweet(ann, "ann " + i);
            api.tweet(bob, "bob " + i);
        }
        cursor = nextCursor("/api/users/" + ann.username() + "/tweets?limit=1");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theCursorContinuesItsOwnList() {
        api.get("/api/users/" + ann.username() + "/tweets?limit=1&cursor=" + cursor)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[0].text")
                .isEqualTo("ann 1");
        // usernames are case-insensitive, so is the binding of their lists' cursors
        api.get("/api/users/" + ann.username().toUpperCase() + "/tweets?limit=1&cursor=" + cursor)
                .expectStatus()
                .isOk();
    }

    @Test
    void aTamperedPayloadIsRefused() {
        char[] chars = cursor.toCharArray();
        chars[5] = chars[5] == 'A' ? 'B' : 'A';
        expectInvalid("/api/users/" + ann.username() + "/tweets?cursor=" + new String(chars));
    }

    @Test
    void aTamperedSignatureIsRefused() {
        String forged = cursor.substring(0, cursor.length() - 2) + (cursor.endsWith("AA") ? "BB" : "AA");
        expectInvalid("/api/users/" + ann.username() + "/tweets?cursor=" + forged);
    }

    @Test
    void aCursorFromAnotherQueryIsRefused() {
        expectInvalid("/api/users/" + bob.username() + "/tweets?cursor=" + cursor);
        expectInvalid("/api/users/" + ann.username() + "/followers?cursor=" + cursor);
    }

    @Test
    void anExpiredCursorIsRefused() {
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        api.get("/api/users/" + ann.username() + "/tweets?cursor=" + cursor)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo(INVALID_CURSOR)
                .jsonPath("$.detail")
                .value(String.class, detail -> org.assertj.core.api.Assertions.assertThat(detail)
                        .contains("expired"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "a.b", "...", "eyJ9.eyJ9", "%00"})
    void garbageIsRefused(String garbage) {
        expectInvalid("/api/users/" + ann.username() + "/tweets?cursor=" + garbage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "ten"})
    void limitsOutside1To100AreValidationErrors(String limit) {
        api.get("/api/users/" + ann.username() + "/tweets?limit=" + limit)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("https://singletable.dev/problems/validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("limit");
    }

    private void expectInvalid(String path) {
        api.get(path)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo(INVALID_CURSOR);
    }

    private String nextCursor(String path) {
        return api.get(path)
                .expectStatus()
                .isOk()
                .expectBody(PageResponse.class)
                .returnResult()
                .getResponseBody()
                .nextCursor();
    }
}
