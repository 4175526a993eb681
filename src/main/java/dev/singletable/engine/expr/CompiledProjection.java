package dev.singletable.engine.expr;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An executable ProjectionExpression (or AttributesToGet list).
 * It returns what [1] describes.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ProjectionExpressions.html">Using projection expressions</a>
 */
final class CompiledProjection implements ProjectionExpr {

    private final Projector projector;

    CompiledProjection(List<DocPath> paths) {
        this.projector = new Projector(paths);
    }

    @Override
    public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
        return projector.apply(item);
    }

    @Override
    public Set<String> topLevelAttributes() {
        return Collections.unmodifiableSet(projector.topLevelAttributes());
    }
}
