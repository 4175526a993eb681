package dev.singletable.engine.validation;

import software.amazon.awssdk.core.SdkRequest;

/**
 * Request-shape validation in AWS's Smithy style, done before any table lookup: every violated member constraint of
 * the request is collected and reported in one ValidationException, e.g.
 * {@code 1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: Member must have length
 * greater than or equal to 3}.
 */
public final class RequestShapes {

    private RequestShapes() {
    }

    /** Throws {@code EngineErrors.shapeViolations(...)} if the request violates any shape constraint. */
    public static void validate(SdkRequest request) {
        // Filled in by later commits; no constraint is checked yet.
    }
}
