package dev.singletable.engine.wire;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A response before it meets the transport: status, body and any protocol-specific headers. The connection
 * handler adds what every response carries ({@code x-amz-crc32}, {@code x-amzn-RequestId}, length, date).
 */
final class WireResponse {

    static final String AMZ_JSON = "application/x-amz-json-1.0";
    static final byte[] EMPTY = new byte[0];

    private final int status;
    private final @Nullable String contentType;
    private final byte[] body;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private boolean closeConnection;
    private @Nullable String errorCode;

    WireResponse(int status, @Nullable String contentType, byte @Nullable [] body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body == null ? EMPTY : body;
    }

    static WireResponse text(int status, String contentType, String body) {
        return new WireResponse(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    int status() {
        return status;
    }

    /** Null when the response has no body and therefore no content type. */
    @Nullable
    String contentType() {
        return contentType;
    }

    byte[] body() {
        return body;
    }

    Map<String, String> headers() {
        return headers;
    }

    WireResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** The DynamoDB error code (e.g. {@code ConditionalCheckFailedException}) of an error answer; null otherwise. */
    @Nullable
    String errorCode() {
        return errorCode;
    }

    WireResponse errorCode(String code) {
        this.errorCode = code;
        return this;
    }

    boolean closeConnection() {
        return closeConnection;
    }

    /** Ask the transport to close the connection once this response is written. */
    WireResponse closingConnection() {
        this.closeConnection = true;
        return this;
    }
}
