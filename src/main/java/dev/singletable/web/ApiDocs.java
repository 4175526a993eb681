package dev.singletable.web;

import java.util.List;

/**
 * The names controllers' OpenAPI annotations refer to: the bearer-token security scheme ({@link OpenApiConfiguration})
 * and the reusable error responses that {@link ProblemResponsesCustomizer} declares, for
 * {@code @ApiResponse(ref = ...)}: each error response is described once, with the problem schema and an example.
 */
public final class ApiDocs {

    /** The security scheme of the endpoints that need a session: {@code Authorization: Bearer <token>}. */
    public static final String BEARER = "bearer";

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String BAD_REQUEST = "#/components/responses/BadRequest";
    public static final String UNAUTHENTICATED = "#/components/responses/Unauthenticated";
    public static final String FORBIDDEN = "#/components/responses/Forbidden";
    public static final String NOT_FOUND = "#/components/responses/NotFound";
    public static final String ALREADY_TAKEN = "#/components/responses/AlreadyTaken";
    public static final String PRECONDITION_FAILED = "#/components/responses/PreconditionFailed";
    public static final String PRECONDITION_REQUIRED = "#/components/responses/PreconditionRequired";
    public static final String SERVICE_UNAVAILABLE = "#/components/responses/ServiceUnavailable";
    public static final String TOO_MANY_REQUESTS = "#/components/responses/TooManyRequests";

    /**
     * The tags in the order a reader learns the API (users → follows → tweets → timeline → catalog → orders → admin),
     * which Swagger UI keeps; each controller's {@code @Tag} names one of them.
     */
    public static final List<String> TAG_ORDER = List.of(
            "Users",
            "Sessions",
            "Follows",
            "Tweets",
            "Likes",
            "Timeline",
            "Products",
            "Reviews",
            "Orders",
            "History",
            "Table explorer");

    /** What every ETag header of the API is (docs/api.md, "ETags and conditional requests"). */
    public static final String ETAG_DESCRIPTION =
            "A strong tag over this body (its SHA-256, first 128 bits, base64url):"
                    + " it changes whenever the body does";

    public static final String ETAG_EXAMPLE = "\"ysVmEPgqTViezR5tLG21dg\"";

    private ApiDocs() {}
}
