package dev.singletable.engine.table;

import dev.singletable.engine.error.EngineErrors;
import java.util.Collection;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** DynamoDB's control-plane ValidationException wordings that several rule classes share. */
final class Invalid {

    /** The prefix AWS puts before most semantic (non-shape) CreateTable/UpdateTable errors. */
    static final String PREFIX = "One or more parameter values were invalid: ";

    private Invalid() {}

    /** ValidationException with AWS's "One or more parameter values were invalid: " prefix. */
    static DynamoDbException parameter(String detail) {
        return EngineErrors.validation(PREFIX + detail);
    }

    /** ValidationException with a message that AWS sends without the prefix. */
    static DynamoDbException bare(String message) {
        return EngineErrors.validation(message);
    }

    /** Renders a set of names the way AWS does in these messages: sorted, "[a, b]". */
    static String names(Collection<String> names) {
        return new TreeSet<>(names).toString();
    }
}
