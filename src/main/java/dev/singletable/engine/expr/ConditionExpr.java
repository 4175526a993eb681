package dev.singletable.engine.expr;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A parsed ConditionExpression or FilterExpression. */
public interface ConditionExpr {

    /** item may be empty (item does not exist). Runtime type problems follow DynamoDB (mostly: just false). */
    boolean test(Map<String, AttributeValue> item);
}
