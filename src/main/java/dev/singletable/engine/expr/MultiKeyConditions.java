package dev.singletable.engine.expr;

import dev.singletable.engine.error.EngineErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Checks the simple conditions of a Query against a multi-attribute key, by the rules AWS documents [1]: every
 * partition attribute with {@code =}; the sort attributes left to right in key-schema order, in any textual order,
 * without a gap, equality on all but the last one named, which may carry a range or begins_with.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.MultiAttributeKeys">Multi-attribute
 * keys for global secondary indexes</a>
 */
final class MultiKeyConditions {

    /** One simple condition on one attribute; {@code hi} is BETWEEN's upper bound, null for any other operator. */
    record Term(
            String attribute,
            SortOp op,
            AttributeValue lo,
            @Nullable AttributeValue hi) {}

    private MultiKeyConditions() {}

    static MultiKeyCondition resolve(List<Term> terms, List<String> hashKeys, List<String> rangeKeys) {
        Map<String, Term> byName = new LinkedHashMap<>();
        for (Term t : terms) {
            byName.put(t.attribute(), t);
        }
        for (Term t : terms) {
            if (!hashKeys.contains(t.attribute()) && !rangeKeys.contains(t.attribute())) {
                throw EngineErrors.validation("Query key condition not supported");
            }
        }
        List<String> notEqual = new ArrayList<>();
        List<AttributeValue> hashValues = new ArrayList<>(hashKeys.size());
        for (String hash : hashKeys) {
            Term t = byName.get(hash);
            if (t == null || t.op() != SortOp.EQ) {
                notEqual.add(hash);
            } else {
                hashValues.add(t.lo());
            }
        }
        if (!notEqual.isEmpty()) {
            throw EngineErrors.validation("HASH key attributes " + String.join(", ", notEqual) + " must have equality "
                    + "conditions specified in the query");
        }
        int last = -1;
        @Nullable Term lastTerm = null;
        for (int i = 0; i < rangeKeys.size(); i++) {
            Term t = byName.get(rangeKeys.get(i));
            if (t != null) {
                last = i;
                lastTerm = t;
            }
        }
        List<String> missing = new ArrayList<>();
        List<AttributeValue> equals = new ArrayList<>();
        for (int i = 0; i < last; i++) {
            Term t = byName.get(rangeKeys.get(i));
            if (t == null || t.op() != SortOp.EQ) {
                missing.add(rangeKeys.get(i));
            } else {
                equals.add(t.lo());
            }
        }
        if (!missing.isEmpty()) {
            throw EngineErrors.validation("RANGE key attributes " + String.join(", ", missing) + " must have equality "
                    + "conditions specified in the query because a condition is present on key attribute "
                    + rangeKeys.get(last));
        }
        if (lastTerm == null) { // no condition on a sort attribute
            return new MultiKeyCondition(hashValues, equals, SortOp.NONE, null, null);
        }
        if (lastTerm.op() == SortOp.EQ) {
            equals.add(lastTerm.lo());
            return new MultiKeyCondition(hashValues, equals, SortOp.NONE, null, null);
        }
        return new MultiKeyCondition(hashValues, equals, lastTerm.op(), lastTerm.lo(), lastTerm.hi());
    }
}
