package dev.singletable.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Strong entity tags computed over a representation: the first 128 bits of the SHA-256 of the JSON body, as the API's
 * message converter writes it (the same {@link JsonMapper}), base64url, quoted. A tag over the body changes whenever
 * anything the body shows changes, including the counters the table's stream keeps (which leave the item's version
 * alone), and differs between two views of one resource (a profile seen by its owner or by others). Why a digest and
 * not the version: docs/api.md, "ETags and conditional requests". A stored hash of the representation's content is one
 * of the strong validators RFC 9110 §8.8.1 names (https://www.rfc-editor.org/rfc/rfc9110#section-8.8.1).
 *
 * <p>The body is serialized once per request: the bytes hashed here are kept with the request, and the API's JSON
 * converter ({@link TaggedJsonHttpMessageConverter}) writes them when the controller returns that same object, so the
 * body sent is by construction the body the tag names.
 */
@Component
public class RepresentationTags {

    private static final int TAG_BYTES = 16;

    /** The request attribute holding the representation last tagged in this request, with its bytes. */
    private static final String SERIALIZED = RepresentationTags.class.getName() + ".serialized";

    /** Cloned per tag: cheaper than the provider lookup of {@code MessageDigest.getInstance} on every request. */
    private static final @Nullable MessageDigest SHA_256_PROTOTYPE = cloneablePrototype();

    private final JsonMapper json;

    RepresentationTags(JsonMapper json) {
        this.json = json;
    }

    /** The tags a benchmark (src/bench) computes with its own mapper. */
    public static RepresentationTags forBenchmark(JsonMapper json) {
        return new RepresentationTags(json);
    }

    /**
     * The strong ETag of {@code representation} as the API would send it. Within a request, its bytes stay with the
     * request for the converter to write if the controller returns this very object.
     */
    public String of(Object representation) {
        byte[] body = json.writeValueAsBytes(representation);
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(SERIALIZED, new Serialized(representation, body), RequestAttributes.SCOPE_REQUEST);
        }
        return ofBody(body);
    }

    /**
     * The JSON {@link #of} made of {@code representation} in the current request, or null when it tagged another
     * object (or nothing): identity, not equality, since only the object that was serialized is known to give the
     * same bytes.
     */
    static byte @Nullable [] serializedInThisRequest(Object representation) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return null;
        }
        return request.getAttribute(SERIALIZED, RequestAttributes.SCOPE_REQUEST) instanceof Serialized serialized
                        && serialized.representation() == representation
                ? serialized.body()
                : null;
    }

    /** The strong ETag of a body already serialized (for the ETag benchmark, src/bench). */
    public static String ofBody(byte[] body) {
        byte[] digest = sha256().digest(body);
        return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, TAG_BYTES)) + "\"";
    }

    private static MessageDigest sha256() {
        if (SHA_256_PROTOTYPE != null) {
            try {
                return (MessageDigest) SHA_256_PROTOTYPE.clone();
            } catch (CloneNotSupportedException e) {
                // a provider that cannot clone: looked up per tag below
            }
        }
        return newSha256();
    }

    private static @Nullable MessageDigest cloneablePrototype() {
        MessageDigest digest = newSha256();
        try {
            digest.clone();
            return digest;
        } catch (CloneNotSupportedException e) {
            return null;
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private record Serialized(Object representation, byte[] body) {}
}
