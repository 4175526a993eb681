package dev.singletable.engine.expr;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A parsed ConditionExpression or FilterExpression. */
public interface ConditionExpr {

    /** item may be empty (item does not exist). Runtime type problems follow DynamoDB (mostly: just false). */
    boolean test(Map<String, AttributeValue> item);

    /**
     * Top-level attribute names the condition reads (e.g. to reject key attributes in a Query's FilterExpression:
     * "Filter Expression can only contain non-primary key attributes").
     */
    default Set<String> topLevelAttributes() {
        return Collections.emptySet();
    }
}
