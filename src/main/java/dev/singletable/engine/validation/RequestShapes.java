package dev.singletable.engine.validation;

import dev.singletable.engine.error.EngineErrors;
import java.util.List;
import software.amazon.awssdk.core.SdkRequest;

/**
 * Request-shape validation in AWS's Smithy style, done before any table lookup: every violated member constraint of
 * the request (up to ten) is collected and reported in one ValidationException, e.g.
 * {@code 1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: Member must have length
 * greater than or equal to 3}. The constraints come from a table keyed by shape and member
 * ({@code shape-constraints.txt}), so every DynamoDB operation is covered by the same walk.
 */
public final class RequestShapes {

    private RequestShapes() {
    }

    /** Throws {@code EngineErrors.shapeViolations(...)} if the request violates any shape constraint. */
    public static void validate(SdkRequest request) {
        List<String> violations = violations(request);
        if (!violations.isEmpty()) {
            throw EngineErrors.shapeViolations(violations);
        }
    }

    /** The violation texts, in AWS's order, without throwing. */
    public static List<String> violations(SdkRequest request) {
        return new ShapeWalker().walk(request);
    }
}
