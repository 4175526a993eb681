package dev.singletable.engine.expr;

import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A key condition resolved against a multi-attribute key (a global index with several HASH or RANGE attributes):
 * one value per partition attribute, equalities on the first {@code rangeEquals.size()} sort attributes, and an
 * optional condition ({@code op}, NONE when absent) on the sort attribute right after them: {@code lo} is null when
 * {@code op} is NONE, {@code hi} unless it is BETWEEN.
 */
public record MultiKeyCondition(
        List<AttributeValue> hashValues,
        List<AttributeValue> rangeEquals,
        SortOp op,
        @Nullable AttributeValue lo,
        @Nullable AttributeValue hi) {

    public MultiKeyCondition {
        hashValues = List.copyOf(hashValues);
        rangeEquals = List.copyOf(rangeEquals);
    }

    /** The position, among the sort attributes, of the one {@code op} applies to. */
    public int opPosition() {
        return rangeEquals.size();
    }
}
