package dev.singletable.engine.expr;

import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A parsed UpdateExpression. */
public interface UpdateExpr {

    /** Applies SET/REMOVE/ADD/DELETE to a copy of item (empty map = new item) and returns the result. */
    Map<String, AttributeValue> apply(Map<String, AttributeValue> item);

    /** Top-level attribute names this update touches. */
    Set<String> topLevelAttributes();

    /** The updated paths' values projected out of the given item, as ReturnValues UPDATED_OLD/UPDATED_NEW return them. */
    Map<String, AttributeValue> projectUpdated(Map<String, AttributeValue> item);
}
