package dev.singletable.engine.expr;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A key condition resolved against a key schema: hash equality plus an optional sort-key condition. */
public record KeyCondition(
        String hashKey, AttributeValue hashValue, String rangeKey, SortOp op, AttributeValue lo, AttributeValue hi) {}
