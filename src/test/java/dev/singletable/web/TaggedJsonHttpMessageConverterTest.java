package dev.singletable.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonView;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.mock.http.MockHttpOutputMessage;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ETag's body is serialized once: the converter writes the bytes {@link RepresentationTags} hashed when the
 * controller returns the object it tagged, and serializes (as Spring would) in every other case.
 */
class TaggedJsonHttpMessageConverterTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final RepresentationTags tags = new RepresentationTags(json);
    private final TaggedJsonHttpMessageConverter converter = new TaggedJsonHttpMessageConverter(json);

    @BeforeEach
    void inARequest() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
    }

    @AfterEach
    void requestDone() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void theTaggedObjectIsWrittenFromTheBytesItsTagNames() throws Exception {
        Counted body = new Counted("ann");
        String etag = tags.of(body);
        assertThat(body.reads).hasValue(1);

        byte[] written = write(body, MediaType.APPLICATION_JSON, null);

        assertThat(body.reads).as("serialized once, for the tag").hasValue(1);
        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo("{\"name\":\"ann\"}");
        assertThat(RepresentationTags.ofBody(written)).isEqualTo(etag);
        assertThat(write(body, MediaType.parseMediaType("application/json;charset=UTF-8"), null))
                .isEqualTo(written);
        assertThat(body.reads).hasValue(1);
    }

    @Test
    void anyOtherObjectIsSerializedAsSpringWould() throws Exception {
        Counted tagged = new Counted("ann");
        tags.of(tagged);
        Counted equalButAnother = new Counted("ann");

        assertThat(new String(write(equalButAnother, MediaType.APPLICATION_JSON, null), StandardCharsets.UTF_8))
                .isEqualTo("{\"name\":\"ann\"}");
        assertThat(equalButAnother.reads).as("identity, not equality").hasValue(1);
    }

    @Test
    void hintsOrAnotherCharsetSerializeAgain() throws Exception {
        Counted body = new Counted("zoë");
        tags.of(body);

        byte[] inAnotherView = write(body, MediaType.APPLICATION_JSON, Map.of(JsonView.class.getName(), Hidden.class));
        assertThat(new String(inAnotherView, StandardCharsets.UTF_8))
                .as("a view changes what is written")
                .isEqualTo("{}");

        byte[] utf16 = write(body, MediaType.parseMediaType("application/json;charset=UTF-16BE"), null);
        assertThat(body.reads).hasValue(2);
        assertThat(new String(utf16, StandardCharsets.UTF_16BE)).isEqualTo("{\"name\":\"zoë\"}");
    }

    @Test
    void outsideARequestNothingIsKept() throws Exception {
        RequestContextHolder.resetRequestAttributes();
        Counted body = new Counted("ann");
        String etag = tags.of(body);

        byte[] written = write(body, MediaType.APPLICATION_JSON, null);

        assertThat(body.reads).hasValue(2);
        assertThat(RepresentationTags.ofBody(written)).isEqualTo(etag);
    }

    private byte[] write(Object body, MediaType contentType, Map<String, Object> hints) throws Exception {
        MockHttpOutputMessage out = new MockHttpOutputMessage();
        converter.write(body, ResolvableType.forInstance(body), contentType, out, hints);
        return out.getBodyAsBytes();
    }

    interface Shown {}

    interface Hidden {}

    /** A representation that counts how often it is serialized. */
    public static final class Counted {
        private final String name;
        final AtomicInteger reads = new AtomicInteger();

        Counted(String name) {
            this.name = name;
        }

        @JsonView(Shown.class)
        public String getName() {
            reads.incrementAndGet();
            return name;
        }
    }
}
