package dev.singletable.engine.expr;

import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A parsed ProjectionExpression (or AttributesToGet). */
public interface ProjectionExpr {

    /** The item reduced to the projected paths, nested paths as DynamoDB returns them. */
    Map<String, AttributeValue> apply(Map<String, AttributeValue> item);

    /** Top-level attribute names the projection reads. */
    Set<String> topLevelAttributes();
}
