package dev.singletable.engine.expr;

/** A parsed KeyConditionExpression, not yet checked against a key schema. */
public interface KeyConditionExpr {

    /** Validates against the key schema (rangeKey may be null) with DynamoDB's messages; returns the resolved condition. */
    KeyCondition resolve(String hashKey, String rangeKey);
}
