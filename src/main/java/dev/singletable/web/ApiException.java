package dev.singletable.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An error the API reports as a problem: its kind, a human-readable detail for this occurrence, and extension members
 * (such as the fields that clashed). Services throw these; {@link ApiExceptionHandler} renders them.
 */
public class ApiException extends RuntimeException {

    /** RFC 9457's own members: an extension with one of these names would write the key twice into the JSON. */
    private static final Set<String> STANDARD_MEMBERS = Set.of("type", "title", "status", "detail", "instance");

    private final ProblemType type;
    private final Map<String, Object> properties;

    public ApiException(ProblemType type, String detail) {
        this(type, detail, Map.of());
    }

    public ApiException(ProblemType type, String detail, Map<String, Object> properties) {
        super(detail, null, false, false); // expected outcomes: no stack trace to fill, none to leak
        properties.keySet().stream()
                .filter(STANDARD_MEMBERS::contains)
                .findFirst()
                .ifPresent(name -> {
                    throw new IllegalArgumentException("'" + name + "' is a standard problem member, not an extension");
                });
        this.type = type;
        this.properties = new LinkedHashMap<>(properties);
    }

    public ProblemType type() {
        return type;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public static ApiException notFound(String detail) {
        return new ApiException(ProblemType.NOT_FOUND, detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(ProblemType.FORBIDDEN, detail);
    }

    /** 409 naming the fields whose values belong to someone else. */
    public static ApiException alreadyTaken(List<String> fields) {
        return new ApiException(
                ProblemType.ALREADY_TAKEN,
                String.join(" and ", fields) + " already taken",
                Map.of("fields", List.copyOf(fields)));
    }

    /** 400 for one bad field, in the same shape as bean-validation errors. */
    public static ApiException invalidField(String field, String message) {
        return new ApiException(
                ProblemType.VALIDATION,
                "The request has invalid fields",
                Map.of("errors", List.of(new FieldProblem(field, message))));
    }

    public static ApiException invalidCursor(String detail) {
        return new ApiException(ProblemType.INVALID_CURSOR, detail);
    }
}
