package dev.singletable.engine.expr;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Names and values of one request, shared by all its expressions; records which were used. */
public final class ExpressionContext {

    public ExpressionContext(Map<String, String> names, Map<String, AttributeValue> values) {
    }

    /** Throws DynamoDB's errors for names/values supplied but used by no expression. Call after parsing all. */
    public void verifyAllUsed() {
        throw new UnsupportedOperationException();
    }
}
