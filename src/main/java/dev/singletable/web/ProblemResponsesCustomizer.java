package dev.singletable.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Declares the API's error responses once, as reusable components that operations refer to ({@link ApiDocs}): the
 * RFC 9457 problem schema with this API's extension members, and an example of each kind of problem; and adds the two
 * that every operation may answer (401, 503; 429 for writes) to every operation, so controllers declare only their
 * own; and puts the tags in the order a reader learns the API ({@link ApiDocs#TAG_ORDER}).
 */
@Component
class ProblemResponsesCustomizer implements OpenApiCustomizer {

    static final String PROBLEM_SCHEMA = "Problem";

    private static final Set<PathItem.HttpMethod> WRITES = EnumSet.of(
            PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.setComponents(components);
        components.addSchemas(PROBLEM_SCHEMA, problemSchema());
        components.addResponses(
                "BadRequest",
                response(
                        "The request is invalid",
                        Map.of(
                                "validation",
                                        example(
                                                ProblemType.VALIDATION,
                                                "The request has invalid fields",
                                                Map.of(
                                                        "errors",
                                                        List.of(
                                                                Map.of(
                                                                        "field",
                                                                        "username",
                                                                        "message",
                                                                        "must be 3 to 30 letters, digits or underscores")))),
                                "malformed-request",
                                        example(
                                                ProblemType.MALFORMED_REQUEST,
                                                "The request body is missing, is not valid JSON, or has a value of the wrong type",
                                                Map.of()),
                                "invalid-cursor",
                                        example(
                                                ProblemType.INVALID_CURSOR,
                                                "The cursor is not valid for this query; use nextCursor as returned",
                                                Map.of()))));
        components.addResponses(
                "Unauthenticated",
                response(
                                "No valid bearer token (missing, unknown, expired, "
                                        + "logged out), or wrong credentials at log-in",
                                Map.of(
                                        "unauthenticated",
                                                example(
                                                        ProblemType.UNAUTHENTICATED,
                                                        "Log in and send 'Authorization: Bearer <token>'",
                                                        Map.of()),
                                        "invalid-credentials",
                                                example(
                                                        ProblemType.INVALID_CREDENTIALS,
                                                        "Unknown username or wrong password",
                                                        Map.of())))
                        .addHeaderObject("WWW-Authenticate", header("Bearer")));
        components.addResponses(
                "Forbidden",
                response(
                        "Authenticated, but not allowed to act on this resource",
                        ProblemType.FORBIDDEN,
                        "Only the author can delete this tweet"));
        components.addResponses(
                "NotFound", response("No such user or tweet", ProblemType.NOT_FOUND, "No user named ann_lee"));
        components.addResponses(
                "AlreadyTaken",
                response(
                        "A unique value belongs to another user; fields says which",
                        Map.of(
                                "already-taken",
                                example(
                                        ProblemType.ALREADY_TAKEN,
                                        "email already taken",
                                        Map.of("fields", List.of("email"))))));
        components.addResponses(
                "PreconditionFailed",
                response(
                        "If-Match names an outdated version",
                        ProblemType.PRECONDITION_FAILED,
                        "The profile has changed since you read it; GET it again for the current ETag"));
        components.addResponses(
                "PreconditionRequired",
                response(
                        "If-Match is missing",
                        ProblemType.PRECONDITION_REQUIRED,
                        "Send If-Match with the ETag of the profile you are changing"));
        components.addResponses(
                "ServiceUnavailable",
                response(
                                "The data store is throttling or unreachable; retry " + "after Retry-After seconds",
                                ProblemType.SERVICE_UNAVAILABLE,
                                "The data store is busy or unavailable; retry shortly")
                        .addHeaderObject("Retry-After", header("1")));
        components.addResponses(
                "TooManyRequests",
                response(
                                "The signed-in caller's write limit is spent for now "
                                        + "(docs/operations.md); retry after Retry-After seconds",
                                Map.of(
                                        "too-many-requests",
                                        example(
                                                ProblemType.TOO_MANY_REQUESTS,
                                                "Too many changes in a short time; retry in 1 s",
                                                Map.of("retryAfterSeconds", 1))))
                        .addHeaderObject("Retry-After", header("1")));
        answeredByEveryOperation(openApi);
        orderTags(openApi);
    }

    /** Tags in {@link ApiDocs#TAG_ORDER}; a tag not listed there goes last, so none is lost. */
    private static void orderTags(OpenAPI openApi) {
        if (openApi.getTags() == null) {
            return;
        }
        List<Tag> ordered = new ArrayList<>(openApi.getTags());
        ordered.sort(Comparator.comparingInt(tag -> {
            int index = ApiDocs.TAG_ORDER.indexOf(tag.getName());
            return index < 0 ? Integer.MAX_VALUE : index;
        }));
        openApi.setTags(ordered);
    }

    /**
     * What any operation may answer, declared here rather than on each: 401, because a bearer token that is presented
     * is checked on every endpoint (an unknown or expired one is refused, even where no session is needed), and 503,
     * because every operation reads or writes the store; and 429 on every write under /api, because a write sent with
     * a bearer token takes a permit of that user's write limit (WriteRateLimitInterceptor).
     */
    private static void answeredByEveryOperation(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((url, path) -> path.readOperationsMap().forEach((method, operation) -> {
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            operation.setResponses(responses);
            responses.computeIfAbsent("401", code -> new ApiResponse().$ref(ApiDocs.UNAUTHENTICATED));
            if (url.startsWith("/api/") && WRITES.contains(method)) {
                responses.computeIfAbsent("429", code -> new ApiResponse().$ref(ApiDocs.TOO_MANY_REQUESTS));
            }
            responses.computeIfAbsent("503", code -> new ApiResponse().$ref(ApiDocs.SERVICE_UNAVAILABLE));
        }));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Schema fieldProblem = new ObjectSchema()
                .addProperty("field", new StringSchema().example("username"))
                .addProperty("message", new StringSchema().example("must be 3 to 30 letters, digits or underscores"));
        return new ObjectSchema()
                .description("RFC 9457 problem details. Branch on 'type'; title and detail are for people.")
                .addProperty(
                        "type",
                        new StringSchema()
                                .format("uri")
                                .example(ProblemType.NOT_FOUND.type().toString())
                                ._enum(java.util.Arrays.stream(ProblemType.values())
                                        .map(t -> t.type().toString())
                                        .toList()))
                .addProperty("title", new StringSchema().example("Not found"))
                .addProperty("status", new IntegerSchema().example(404))
                .addProperty("detail", new StringSchema().example("No user named ann_lee"))
                .addProperty(
                        "instance", new StringSchema().format("uri-reference").example("/api/users/ann_lee"))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .items(fieldProblem)
                                .description("validation only: each invalid field and what is wrong with it"))
                .addProperty(
                        "fields",
                        new ArraySchema()
                                .items(new StringSchema())
                                .description("already-taken only: the fields whose values belong to another user"))
                .addProperty(
                        "retryAfterSeconds",
                        new IntegerSchema()
                                .example(1)
                                .description("too-many-requests only: the seconds Retry-After says"));
    }

    /** A response with one example: a problem of this type with no extension member, named by the type's slug. */
    private static ApiResponse response(String description, ProblemType type, String detail) {
        String slug = type.type().toString().substring(ProblemType.BASE.length());
        return response(description, Map.of(slug, example(type, detail, Map.of())));
    }

    private static ApiResponse response(String description, Map<String, Example> examples) {
        MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA));
        examples.forEach(media::addExamples);
        return new ApiResponse()
                .description(description)
                .content(new Content().addMediaType(ApiDocs.PROBLEM_JSON, media));
    }

    private static Example example(ProblemType type, String detail, Map<String, Object> extensions) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("type", type.type().toString());
        value.put("title", type.title());
        value.put("status", type.status().value());
        value.put("detail", detail);
        value.putAll(extensions);
        return new Example().value(value);
    }

    private static Header header(String example) {
        return new Header().schema(new StringSchema().example(example));
    }
}
