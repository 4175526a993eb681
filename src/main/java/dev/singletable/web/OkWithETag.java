package dev.singletable.web;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.http.HttpHeaders;

/**
 * The OpenAPI response "200, the representation, with its ETag" ({@link RepresentationTags}), declared once for every
 * operation that answers so: a composed annotation, which springdoc reads like the {@code @ApiResponse} it carries
 * (it finds response annotations with Spring's merged-annotation search). The body's schema comes from the method's
 * return type ({@code ResponseEntity<ProductResponse>}), as for any 200 without explicit content.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApiResponse(
        responseCode = "200",
        headers =
                @Header(
                        name = HttpHeaders.ETAG,
                        description = ApiDocs.ETAG_DESCRIPTION,
                        schema = @Schema(type = "string", example = ApiDocs.ETAG_EXAMPLE)))
public @interface OkWithETag {

    /** What the 200 response is, e.g. "The product". */
    @AliasFor(annotation = ApiResponse.class, attribute = "description")
    String value();
}
