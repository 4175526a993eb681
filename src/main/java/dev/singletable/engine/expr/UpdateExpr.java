package dev.singletable.engine.expr;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A parsed UpdateExpression. */
public interface UpdateExpr {

    /** Applies SET/REMOVE/ADD/DELETE to a copy of item (empty map = new item) and returns the result. */
    Map<String, AttributeValue> apply(Map<String, AttributeValue> item);

    /** Top-level attribute names this update touches. */
    Set<String> topLevelAttributes();

    /**
     * Top-level attribute names under which this update changes a nested map entry or list element (m.a, l[0]):
     * DynamoDB refuses such paths below a secondary-index key attribute.
     */
    default Set<String> nestedTopLevelAttributes() {
        return Collections.emptySet();
    }

    /** Whether this came from the legacy AttributeUpdates parameter (AWS words some of its errors otherwise). */
    default boolean legacy() {
        return false;
    }

    /** True if every action is a REMOVE (on a missing item such an update writes nothing and checks no path). */
    default boolean onlyRemoves() {
        return false;
    }

    /** The updated paths' values projected out of the given item, as ReturnValues UPDATED_OLD/UPDATED_NEW return them. */
    Map<String, AttributeValue> projectUpdated(Map<String, AttributeValue> item);
}
