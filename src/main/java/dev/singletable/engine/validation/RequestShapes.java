package dev.singletable.engine.validation;

import dev.singletable.engine.error.EngineErrors;
import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/**
 * Request-shape validation in AWS's Smithy style, done before any table lookup: every violated member constraint of
 * the request (up to ten) is collected and reported in one ValidationException, e.g.
 * {@code 1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: Member must have length
 * greater than or equal to 3}. The constraints come from a table keyed by shape and member
 * ({@code shape-constraints.txt}), so every DynamoDB operation is covered by the same walk. The error is the
 * ValidationException (HTTP 400) every operation may answer [1], which the SDKs never retry [2]; the constraints are
 * those each operation's API reference lists for its members (for instance CreateTable's [3]).
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/CommonErrors.html">Common Errors</a>
 * <br>[2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html">Error handling with DynamoDB</a>
 * <br>[3] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html">CreateTable</a>
 */
public final class RequestShapes {

    private RequestShapes() {}

    /** Throws {@code EngineErrors.shapeViolations(...)} if the request violates any shape constraint. */
    public static void validate(SdkRequest request) {
        requireParameters(request);
        ShapeWalker walker = new ShapeWalker();
        List<String> violations = walker.walk(request);
        if (!violations.isEmpty()) {
            throw EngineErrors.shapeViolations(violations);
        }
        if (walker.sawNullInside()) { // one walk for the usual request; the second only where a null may be refused
            NullMembers.check(request);
        }
    }

    /**
     * Required members AWS checks before the shape walk, each with a sentence of its own rather than "Member must not
     * be null" (an empty RequestItems map counts as missing).
     */
    private static void requireParameters(SdkRequest request) {
        if (request instanceof BatchGetItemRequest batch && batch.requestItems().isEmpty()) {
            throw EngineErrors.validation("The requestItems parameter is required for BatchGetItem");
        }
        if (request instanceof BatchWriteItemRequest batch
                && batch.requestItems().isEmpty()) {
            throw EngineErrors.validation("The requestItems parameter is required for BatchWriteItem");
        }
        if (request instanceof CreateTableRequest create && create.tableName() == null) {
            throw EngineErrors.validation("The parameter 'TableName' is required but was not present in the request");
        }
    }

    /** The violation texts, in AWS's order, without throwing. */
    public static List<String> violations(SdkRequest request) {
        return new ShapeWalker().walk(request);
    }
}
