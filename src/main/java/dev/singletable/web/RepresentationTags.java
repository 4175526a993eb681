package dev.singletable.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Strong entity tags computed over a representation: the first 128 bits of the SHA-256 of the JSON body, as the API's
 * message converter writes it (the same {@link JsonMapper}), base64url, quoted. A tag over the body changes whenever
 * anything the body shows changes, including the counters the table's stream keeps (which leave the item's version
 * alone), and differs between two views of one resource (a profile seen by its owner or by others). Why a digest and
 * not the version: docs/api.md, "ETags and conditional requests". A stored hash of the representation's content is one
 * of the strong validators RFC 9110 §8.8.1 names (https://www.rfc-editor.org/rfc/rfc9110#section-8.8.1).
 */
@Component
public class RepresentationTags {

    private static final int TAG_BYTES = 16;

    private final JsonMapper json;

    RepresentationTags(JsonMapper json) {
        this.json = json;
    }

    /** The tags a benchmark (src/bench) computes with its own mapper. */
    public static RepresentationTags forBenchmark(JsonMapper json) {
        return new RepresentationTags(json);
    }

    /** The strong ETag of {@code representation} as the API would send it. */
    public String of(Object representation) {
        return ofBody(json.writeValueAsBytes(representation));
    }

    /** The strong ETag of a body already serialized (for the ETag benchmark, src/bench). */
    public static String ofBody(byte[] body) {
        byte[] digest = sha256(body);
        return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, TAG_BYTES)) + "\"";
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
