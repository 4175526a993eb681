package dev.singletable.web;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;

/**
 * The OpenAPI responses of a paged list, declared once for every such operation: 200 with one page (its schema comes
 * from the method's return type, {@code PageResponse<...>}) and 400 for a {@code limit} out of range or a
 * {@code cursor} not issued for this list ({@link PageQuery}, {@link Paging}). A composed annotation, read by
 * springdoc like {@link OkWithETag}; the 400 comes through {@link InvalidPage}, one level further down.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApiResponse(responseCode = "200")
@OnePage.InvalidPage
public @interface OnePage {

    /** What the page holds, e.g. "One page of reviews". */
    @AliasFor(annotation = ApiResponse.class, attribute = "description")
    String value();

    /** 400: the limit or cursor of the page is invalid (and any other bad request, all one problem response). */
    @Target(ElementType.ANNOTATION_TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @interface InvalidPage {}
}
