package dev.singletable.engine.expr;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The root of an executable condition, with the top-level attributes it reads. */
final class CompiledCondition implements ConditionExpr {

    private final ConditionExpr root;
    private final Set<String> attributes;

    CompiledCondition(ConditionExpr root, Set<String> attributes) {
        this.root = root;
        this.attributes = Collections.unmodifiableSet(attributes);
    }

    @Override
    public boolean test(Map<String, AttributeValue> item) {
        return root.test(item);
    }

    @Override
    public Set<String> topLevelAttributes() {
        return attributes;
    }
}
