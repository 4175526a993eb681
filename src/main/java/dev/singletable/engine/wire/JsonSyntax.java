package dev.singletable.engine.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;

/**
 * Shared Jackson set-up plus the syntax check AWS performs before anything else: a body that is not one
 * well-formed JSON document is a SerializationException without message, whatever the target or credentials.
 */
final class JsonSyntax {

    /**
     * Far deeper than any valid request (DynamoDB allows 32 levels of attribute nesting, about 70 JSON levels),
     * shallow enough that a hostile document cannot exhaust the reader's stack.
     */
    static final int MAX_NESTING_DEPTH = 500;

    /**
     * Longer than any member or attribute name a request can carry (DynamoDB's limit is 65 535 bytes, which the
     * engine checks with its own message); Jackson's default (50 000) would refuse legitimate names.
     */
    static final int MAX_NAME_LENGTH = 1024 * 1024;

    /**
     * Field names are not canonicalized: Jackson's symbol table is shared by every parser of the factory and keeps
     * the names it has seen, so clients sending long attribute names that differ each time could make it hold
     * hundreds of megabytes for good.
     */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxNameLength(MAX_NAME_LENGTH)
                    .build())
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .build();

    private JsonSyntax() {}

    /**
     * A parser over a request body, which must be UTF-8 without a byte-order mark. Jackson would skip a UTF-8 BOM and
     * guess UTF-16 or UTF-32 from zero bytes; AWS reads requests as UTF-8 only, so such a body is a
     * SerializationException (a JSON document in UTF-8 starts with an ASCII character other than NUL).
     */
    static JsonParser parser(byte[] body, int length) throws IOException {
        if (length > 0 && (body[0] == 0 || (body[0] & 0x80) != 0 || (length > 1 && body[1] == 0))) {
            throw WireSerializationException.withoutMessage();
        }
        return FACTORY.createParser(body, 0, length);
    }

    /** Walks every token; throws {@link WireSerializationException} unless the bytes are exactly one JSON value. */
    static void check(byte[] body, int length) {
        try (JsonParser parser = parser(body, length)) {
            if (parser.nextToken() == null) {
                throw WireSerializationException.withoutMessage();
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw WireSerializationException.withoutMessage();
            }
        } catch (JsonProcessingException e) {
            throw WireSerializationException.withoutMessage();
        } catch (IOException e) {
            throw WireSerializationException.withoutMessage();
        }
    }
}
