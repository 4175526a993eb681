package dev.singletable.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CursorCodecTest {

    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    static final Map<String, AttributeValue> KEY = Map.of(
            "PK", AttributeValue.fromS("USER#01JANN"),
            "SK", AttributeValue.fromS("FOLLOWS#ü/+="),
            "N", AttributeValue.fromN("12.5"),
            "B", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, -1})));

    CursorCodec codec(String secret, Instant now) {
        return new CursorCodec(new CursorProperties(secret, Duration.ofHours(24)), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void roundTripsEveryKeyTypeAsAUrlSafeToken() {
        CursorCodec codec = codec("a-secret-of-at-least-thirty-two-bytes", NOW);
        String cursor = codec.encode("tweets/ann", KEY);

        assertThat(cursor).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(codec.decode("tweets/ann", cursor)).isEqualTo(KEY);
    }

    @Test
    void noKeyMeansNoCursorAndNoCursorMeansTheFirstPage() {
        CursorCodec codec = codec("a-secret-of-at-least-thirty-two-bytes", NOW);
        assertThat(codec.encode("tweets/ann", null)).isNull();
        assertThat(codec.encode("tweets/ann", Map.of())).isNull();
        assertThat(codec.decode("tweets/ann", null)).isNull();
        assertThat(codec.decode("tweets/ann", "")).isNull();
    }

    @Test
    void refusesCursorsOfOtherBindingsOtherSecretsAndEdits() {
        CursorCodec codec = codec("a-secret-of-at-least-thirty-two-bytes", NOW);
        String cursor = codec.encode("tweets/ann", KEY);

        assertInvalid(() -> codec.decode("tweets/bob", cursor));
        assertInvalid(() -> codec("another-secret-of-thirty-two-bytes!!", NOW).decode("tweets/ann", cursor));
        assertInvalid(() -> codec.decode("tweets/ann", "x" + cursor));
        assertInvalid(() -> codec.decode("tweets/ann", cursor + "x"));
        assertInvalid(() -> codec.decode("tweets/ann", cursor.replace('.', '_')));
        assertInvalid(() -> codec.decode("tweets/ann", "not base64!.also not"));
    }

    @Test
    void expiresAfterItsTtl() {
        String cursor = codec("a-secret-of-at-least-thirty-two-bytes", NOW).encode("tweets/ann", KEY);

        assertThat(codec("a-secret-of-at-least-thirty-two-bytes", NOW.plus(Duration.ofHours(23)))
                        .decode("tweets/ann", cursor))
                .isEqualTo(KEY);
        assertThatThrownBy(() -> codec("a-secret-of-at-least-thirty-two-bytes", NOW.plus(Duration.ofHours(24)))
                        .decode("tweets/ann", cursor))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void withoutAConfiguredSecretEachInstanceHasItsOwn() {
        String cursor = codec(null, NOW).encode("tweets/ann", KEY);
        assertInvalid(() -> codec(" ", NOW).decode("tweets/ann", cursor));
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type())
                .isEqualTo(ProblemType.INVALID_CURSOR));
    }
}
