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

    /**
     * The cursor is byte for byte what the codec made before issue 21's shortcut (a tree of ObjectNodes serialized by a
     * plain JsonMapper, signed with a fresh Mac): seeded random keys (seed 20261205) of S, N and B values with names and
     * texts that need escaping, in one and several attributes.
     */
    @Test
    void encodesEveryKeyAsTheTreeAndAFreshMacDid() throws Exception {
        String secret = "a-secret-of-at-least-thirty-two-bytes";
        CursorCodec codec = codec(secret, NOW);
        java.util.Random random = new java.util.Random(20261205);
        String[] texts = {
            "USER#01JANN", "ü/+=", "quote\" and \\ slash", "tab\t new\nline", "\u0000\u001f", "😀", "", "12.5"
        };
        for (int i = 0; i < 2_000; i++) {
            Map<String, AttributeValue> key = new java.util.LinkedHashMap<>();
            int attributes = 1 + random.nextInt(4);
            for (int a = 0; a < attributes; a++) {
                String text = texts[random.nextInt(texts.length)] + random.nextInt(1000);
                AttributeValue value =
                        switch (random.nextInt(3)) {
                            case 0 -> AttributeValue.fromS(text);
                            case 1 -> AttributeValue.fromN(Integer.toString(random.nextInt()));
                            default -> AttributeValue.fromB(SdkBytes.fromUtf8String(text));
                        };
                key.put(texts[random.nextInt(texts.length)] + a, value);
            }
            String binding = "tweets/" + texts[random.nextInt(texts.length)];

            assertThat(codec.encode(binding, key)).isEqualTo(treeCursor(secret, binding, key));
        }
    }

    /** The encoding before issue 21: an ObjectNode tree, Mac.getInstance and init per signature. */
    private static String treeCursor(String secret, String binding, Map<String, AttributeValue> key) throws Exception {
        tools.jackson.databind.json.JsonMapper json =
                tools.jackson.databind.json.JsonMapper.builder().build();
        tools.jackson.databind.node.ObjectNode payload = json.createObjectNode();
        payload.put("exp", NOW.plus(Duration.ofHours(24)).getEpochSecond());
        tools.jackson.databind.node.ObjectNode keyNode = payload.putObject("key");
        key.forEach((name, value) -> {
            tools.jackson.databind.node.ObjectNode node = json.createObjectNode();
            if (value.s() != null) {
                node.put("S", value.s());
            } else if (value.n() != null) {
                node.put("N", value.n());
            } else {
                node.put(
                        "B",
                        java.util.Base64.getEncoder().encodeToString(value.b().asByteArray()));
            }
            keyNode.set(name, node);
        });
        java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String body = base64.encodeToString(json.writeValueAsBytes(payload));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(
                secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(binding.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        mac.update((byte) '\n');
        return body + "."
                + base64.encodeToString(mac.doFinal(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }
}
