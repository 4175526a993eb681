package dev.singletable.web;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * Every kind of error the API answers with, each with a stable {@code type} URI (RFC 9457). Clients branch on the type,
 * never on the title or the detail text. The URIs identify; they are not promised to resolve.
 */
public enum ProblemType {
    VALIDATION("validation", "Invalid request", HttpStatus.BAD_REQUEST),
    MALFORMED_REQUEST("malformed-request", "Malformed request", HttpStatus.BAD_REQUEST),
    INVALID_CURSOR("invalid-cursor", "Invalid cursor", HttpStatus.BAD_REQUEST),
    UNAUTHENTICATED("unauthenticated", "Authentication required", HttpStatus.UNAUTHORIZED),
    INVALID_CREDENTIALS("invalid-credentials", "Invalid credentials", HttpStatus.UNAUTHORIZED),
    FORBIDDEN("forbidden", "Forbidden", HttpStatus.FORBIDDEN),
    NOT_FOUND("not-found", "Not found", HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", HttpStatus.NOT_ACCEPTABLE),
    ALREADY_TAKEN("already-taken", "Already taken", HttpStatus.CONFLICT),
    INSUFFICIENT_STOCK("insufficient-stock", "Insufficient stock", HttpStatus.CONFLICT),
    ILLEGAL_TRANSITION("illegal-transition", "Illegal status transition", HttpStatus.CONFLICT),
    UNPROCESSABLE("unprocessable", "Unprocessable request", HttpStatus.UNPROCESSABLE_CONTENT),
    PRECONDITION_FAILED("precondition-failed", "Precondition failed", HttpStatus.PRECONDITION_FAILED),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    PRECONDITION_REQUIRED("precondition-required", "Precondition required", HttpStatus.PRECONDITION_REQUIRED),
    REQUEST_TOO_LARGE("request-too-large", "Request too large", HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests", HttpStatus.TOO_MANY_REQUESTS),
    INTERNAL_ERROR("internal-error", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR),
    SERVICE_UNAVAILABLE("service-unavailable", "Service unavailable", HttpStatus.SERVICE_UNAVAILABLE);

    public static final String BASE = "https://singletable.dev/problems/";

    private final URI type;
    private final String title;
    private final HttpStatus status;

    ProblemType(String slug, String title, HttpStatus status) {
        this.type = URI.create(BASE + slug);
        this.title = title;
        this.status = status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    public HttpStatus status() {
        return status;
    }

    /** The type for a status the framework raised itself (405, 415, ...); 4xx without a better match are validation. */
    public static ProblemType forStatus(int status) {
        for (ProblemType candidate : values()) {
            if (candidate.status.value() == status
                    && candidate != INVALID_CREDENTIALS
                    && candidate != INVALID_CURSOR
                    && candidate != MALFORMED_REQUEST
                    && candidate != INSUFFICIENT_STOCK
                    && candidate != ILLEGAL_TRANSITION) {
                return candidate;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : VALIDATION;
    }
}
