package dev.singletable.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a DynamoDB {@code LastEvaluatedKey} into an opaque, URL-safe cursor and back. A cursor is
 * {@code base64url(payload) "." base64url(HMAC-SHA256(binding "\n" payload))}: the payload holds the key and an expiry;
 * the binding names the query it came from (for instance {@code followers/ann}) and is part of the signature, so a
 * cursor edited by hand, expired, or taken from another query is refused. Clients cannot read or forge positions in the
 * table, and the key layout can change without breaking the API's contract.
 */
@Component
@EnableConfigurationProperties(CursorProperties.class)
public class CursorCodec {

    private static final Logger log = LoggerFactory.getLogger(CursorCodec.class);
    private static final String ALGORITHM = "HmacSHA256";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    /** Initialised with the key once; never used itself, only copied ({@link #newMac}). */
    private final Mac prototype;

    private final CursorProperties properties;
    private final Clock clock;

    CursorCodec(CursorProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.key = new SecretKeySpec(secret(properties.secret()), ALGORITHM);
        this.prototype = initialisedMac(key);
    }

    /** The cursor for a page that ended at {@code key}, or null when there is no next page. */
    public @Nullable String encode(String binding, @Nullable Map<String, AttributeValue> lastKey) {
        if (lastKey == null || lastKey.isEmpty()) {
            return null;
        }
        long expiry = clock.instant().plus(properties.ttl()).getEpochSecond();
        String body = ENCODER.encodeToString(payload(expiry, lastKey));
        return body + "." + ENCODER.encodeToString(sign(binding, body));
    }

    /**
     * {@code {"exp":…,"key":{"<name>":{"S"|"N"|"B":"…"},…}}}, the key's attributes in its order, written straight
     * with a generator: the bytes a tree of ObjectNodes serialized with the same mapper made before (building the tree
     * was about half of {@link #encode}, which every page with a next page pays: docs/benchmarks.md, issue 21).
     */
    static byte[] payload(long expiry, Map<String, AttributeValue> lastKey) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(96 + 64 * lastKey.size());
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeNumberProperty("exp", expiry);
            json.writeName("key");
            json.writeStartObject();
            for (Map.Entry<String, AttributeValue> attribute : lastKey.entrySet()) {
                json.writeName(attribute.getKey());
                writeKeyValue(json, attribute.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        return bytes.toByteArray();
    }

    /**
     * The key a cursor stands for, or null for no cursor (the first page).
     *
     * @throws ApiException invalid-cursor when the cursor is malformed, tampered with, expired or from another query
     */
    public @Nullable Map<String, AttributeValue> decode(String binding, @Nullable String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        int dot = cursor.indexOf('.');
        if (dot <= 0 || dot != cursor.lastIndexOf('.')) {
            throw invalid();
        }
        String body = cursor.substring(0, dot);
        byte[] signature;
        byte[] payloadBytes;
        try {
            signature = DECODER.decode(cursor.substring(dot + 1));
            payloadBytes = DECODER.decode(body);
        } catch (IllegalArgumentException notBase64) {
            throw invalid();
        }
        if (!MessageDigest.isEqual(signature, sign(binding, body))) {
            throw invalid();
        }
        try {
            JsonNode payload = JSON.readTree(payloadBytes);
            if (payload.path("exp").asLong(0) <= clock.instant().getEpochSecond()) {
                throw ApiException.invalidCursor("The cursor has expired; start again from the first page");
            }
            Map<String, AttributeValue> lastKey = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : payload.path("key").properties()) {
                lastKey.put(entry.getKey(), fromJson(entry.getValue()));
            }
            if (lastKey.isEmpty()) {
                throw invalid();
            }
            return lastKey;
        } catch (JacksonException | IllegalArgumentException unreadable) {
            // Signed by us yet unreadable: a format from another version of the service.
            throw invalid();
        }
    }

    private static ApiException invalid() {
        return ApiException.invalidCursor("The cursor is not valid for this query; use nextCursor as returned");
    }

    private byte[] sign(String binding, String body) {
        Mac mac = newMac();
        mac.update(binding.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) '\n');
        return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * A Mac ready for one signature: a copy of the one initialised with the key at start-up ({@code Mac.getInstance}
     * looks the provider up and {@code init} hashes the key's pads on every call: a quarter of {@link #encode}), or a
     * new one where the provider's Mac cannot be copied.
     */
    private Mac newMac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException notCloneable) {
            return initialisedMac(key);
        }
    }

    private static Mac initialisedMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /** Key attributes are strings, numbers or binaries; nothing else can appear in a LastEvaluatedKey. */
    private static void writeKeyValue(JsonGenerator json, AttributeValue value) {
        String type;
        String text;
        if (value.s() != null) {
            type = "S";
            text = value.s();
        } else if (value.n() != null) {
            type = "N";
            text = value.n();
        } else if (value.b() != null) {
            type = "B";
            text = Base64.getEncoder().encodeToString(value.b().asByteArray());
        } else {
            throw new IllegalArgumentException("not a key attribute value: " + value);
        }
        json.writeStartObject();
        json.writeStringProperty(type, text);
        json.writeEndObject();
    }

    private static AttributeValue fromJson(JsonNode node) {
        if (node.size() != 1) {
            throw new IllegalArgumentException("one type per key value");
        }
        if (node.hasNonNull("S")) {
            return AttributeValue.fromS(node.get("S").asString());
        }
        if (node.hasNonNull("N")) {
            return AttributeValue.fromN(node.get("N").asString());
        }
        if (node.hasNonNull("B")) {
            return AttributeValue.fromB(SdkBytes.fromByteArray(
                    Base64.getDecoder().decode(node.get("B").asString())));
        }
        throw new IllegalArgumentException("unknown key value type");
    }

    private static byte[] secret(String configured) {
        if (configured == null || configured.isBlank()) {
            log.info(
                    "No singletable.cursor.secret set: cursors are signed with a random key and die with this process");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        }
        byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            log.warn("singletable.cursor.secret is shorter than 32 bytes; use a longer random value");
        }
        return bytes;
    }
}
