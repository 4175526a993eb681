package dev.singletable.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;

/**
 * The query parameters of every paged list, declared once: {@code ?limit=} (1–100, default 20) and {@code ?cursor=}
 * (the previous page's {@code nextCursor}). A controller takes it as {@code @Valid @ParameterObject PageQuery page};
 * Spring binds it from the query string ({@link PageQueryResolver}: a plain request without the data binder, any
 * other as Spring's model-attribute binding does) and springdoc documents its two parameters as if each were declared on the
 * method. {@link Paging} checks the cursor against the list it was issued for.
 */
@ParameterObject
public record PageQuery(
        @Parameter(
                description = Paging.LIMIT_DESCRIPTION,
                schema = @Schema(type = "integer", format = "int32", defaultValue = Paging.DEFAULT_LIMIT))
        @Min(1)
        @Max(Paging.MAX_LIMIT)
        Integer limit,

        // given, the schema says "string" as for a lone optional @RequestParam (of a @Nullable field, springdoc
        // would say "string or null")
        @Parameter(description = Paging.CURSOR_DESCRIPTION, schema = @Schema(type = "string")) @Nullable
        String cursor) {

    /** The first page at the default limit, as a request without {@code ?limit=} or {@code ?cursor=} asks. */
    public static PageQuery first() {
        return new PageQuery(Integer.valueOf(Paging.DEFAULT_LIMIT), null);
    }

    /** An absent {@code ?limit=} is the default; a present one is validated as sent. */
    public PageQuery {
        if (limit == null) {
            limit = Integer.valueOf(Paging.DEFAULT_LIMIT);
        }
    }
}
