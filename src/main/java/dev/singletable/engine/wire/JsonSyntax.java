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

    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
            .build();

    private JsonSyntax() {
    }

    /** Walks every token; throws {@link WireSerializationException} unless the bytes are exactly one JSON value. */
    static void check(byte[] body, int length) {
        try (JsonParser parser = FACTORY.createParser(body, 0, length)) {
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
