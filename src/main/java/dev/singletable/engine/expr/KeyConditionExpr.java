package dev.singletable.engine.expr;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A parsed KeyConditionExpression, not yet checked against a key schema. */
public interface KeyConditionExpr {

    /** Validates against the key schema (rangeKey may be null) with DynamoDB's messages; returns the resolved condition. */
    KeyCondition resolve(String hashKey, @Nullable String rangeKey);

    /**
     * Validates against a multi-attribute key (several partition or sort attributes, in key-schema order) with the
     * rules AWS documents for global indexes with such keys; returns the resolved condition.
     */
    MultiKeyCondition resolveMulti(List<String> hashKeys, List<String> rangeKeys);
}
