package dev.singletable.web;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's JSON converter: Spring's, except that a representation {@link RepresentationTags} already serialized in
 * this request for its ETag is written from those bytes instead of being serialized a second time (a profile's or a
 * product's GET). Only when the second serialization would give the same bytes: the same object, the same mapper (the
 * application's), UTF-8, and no per-call hints (a {@code @JsonView} or filters would change the output); everything
 * else, and every other body, is Spring's own path. Content negotiation is untouched: this converter is chosen for
 * exactly the media types Spring's JSON converter is.
 */
final class TaggedJsonHttpMessageConverter extends JacksonJsonHttpMessageConverter {

    TaggedJsonHttpMessageConverter(JsonMapper json) {
        super(json);
    }

    @Override
    protected void writeInternal(
            Object object,
            ResolvableType resolvableType,
            HttpOutputMessage outputMessage,
            @Nullable Map<String, Object> hints)
            throws IOException {
        byte[] body = (hints == null || hints.isEmpty())
                        && isUtf8(outputMessage.getHeaders().getContentType())
                ? RepresentationTags.serializedInThisRequest(object)
                : null;
        if (body == null) {
            super.writeInternal(object, resolvableType, outputMessage, hints);
            return;
        }
        outputMessage.getBody().write(body);
    }

    /** Spring's converter writes JSON as UTF-8 unless the content type names another charset. */
    private static boolean isUtf8(@Nullable MediaType contentType) {
        Charset charset = contentType == null ? null : contentType.getCharset();
        return charset == null || charset.equals(StandardCharsets.UTF_8);
    }
}
