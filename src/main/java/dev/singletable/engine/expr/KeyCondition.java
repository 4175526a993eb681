package dev.singletable.engine.expr;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A key condition resolved against a key schema: hash equality plus an optional sort-key condition. {@code rangeKey}
 * is null for a table without a sort key; {@code lo} is null when {@code op} is NONE, {@code hi} unless it is BETWEEN.
 */
public record KeyCondition(
        String hashKey,
        AttributeValue hashValue,
        @Nullable String rangeKey,
        SortOp op,
        @Nullable AttributeValue lo,
        @Nullable AttributeValue hi) {}
