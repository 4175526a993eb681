package dev.singletable.engine.expr;

import dev.singletable.engine.error.EngineErrors;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A checked KeyConditionExpression. {@link #resolve} reduces it to at most two simple conditions, each on one key
 * attribute; like DynamoDB, it reports structural problems (OR, NOT, functions, repeated keys...) only then, after
 * unused placeholders have been reported.
 * The allowed forms are those of [1]; keys of several attributes follow [2].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.KeyConditionExpressions.html">Key condition expressions for the Query operation</a>
 * <br>[2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.MultiAttributeKeys">Multi-attribute keys for global secondary indexes</a>
 */
final class CompiledKeyCondition implements KeyConditionExpr {

    /** One simple condition: attribute (as a path, to diagnose nested use), operator and bound(s). */
    static final class Part {
        final DocPath path;
        final SortOp op;
        final AttributeValue lo;
        /** The upper bound of BETWEEN; null for any other operator. */
        final @Nullable AttributeValue hi;

        Part(DocPath path, SortOp op, AttributeValue lo, @Nullable AttributeValue hi) {
            this.path = path;
            this.op = op;
            this.lo = lo;
            this.hi = hi;
        }
    }

    private final Syntax.Condition syntax;
    private final Resolver resolver;

    CompiledKeyCondition(Syntax.Condition syntax, Resolver resolver) {
        this.syntax = syntax;
        this.resolver = resolver;
    }

    @Override
    public MultiKeyCondition resolveMulti(List<String> hashKeys, List<String> rangeKeys) {
        List<Part> parts = KeyConditionAnalyzer.analyze(syntax, resolver, hashKeys.size() + rangeKeys.size());
        checkNotNested(parts, top -> hashKeys.contains(top) || rangeKeys.contains(top));
        List<MultiKeyConditions.Term> terms = new java.util.ArrayList<>(parts.size());
        for (Part p : parts) {
            terms.add(new MultiKeyConditions.Term(p.path.top(), p.op, p.lo, p.hi));
        }
        return MultiKeyConditions.resolve(terms, hashKeys, rangeKeys);
    }

    /** No condition on a nested path: on a key attribute's, DynamoDB says keys are scalars; on another's, no nesting. */
    private static void checkNotNested(List<Part> parts, Predicate<String> isKey) {
        for (Part p : parts) {
            if (p.path.length() > 1) {
                String top = p.path.top();
                if (isKey.test(top)) {
                    throw EngineErrors.validation("Key attributes must be scalars; list random access '[]' and map "
                            + "lookup '.' are not allowed: Key: " + top);
                }
                throw EngineErrors.validation("KeyConditionExpressions cannot have conditions on nested attributes");
            }
        }
    }

    @Override
    public KeyCondition resolve(String hashKey, @Nullable String rangeKey) {
        List<Part> parts = KeyConditionAnalyzer.analyze(syntax, resolver);
        checkNotNested(parts, top -> top.equals(hashKey) || top.equals(rangeKey));
        @Nullable Part hash = null;
        @Nullable Part range = null;
        for (Part p : parts) {
            if (p.path.top().equals(hashKey)) {
                hash = p;
            } else {
                range = p;
            }
        }
        if (hash == null) {
            throw EngineErrors.validation("Query condition missed key schema element: " + hashKey);
        }
        if (hash.op != SortOp.EQ) {
            throw EngineErrors.validation("Query key condition not supported");
        }
        if (range == null) {
            return new KeyCondition(hashKey, hash.lo, rangeKey, SortOp.NONE, null, null);
        }
        if (rangeKey == null) {
            throw EngineErrors.validation("Query key condition not supported");
        }
        if (!range.path.top().equals(rangeKey)) {
            throw EngineErrors.validation("Query condition missed key schema element: " + rangeKey);
        }
        return new KeyCondition(hashKey, hash.lo, rangeKey, range.op, range.lo, range.hi);
    }
}
