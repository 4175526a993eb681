package dev.singletable.engine.expr;

import dev.singletable.engine.error.EngineErrors;
import dev.singletable.engine.value.AttributeValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An executable update. All SET values are computed from the item as it was before the update; then the SET
 * actions are applied (appends to a list in index order), then REMOVE (highest list index first, so that every
 * index still means what it meant in the original list), then ADD and DELETE.
 * The actions' semantics are those of [1].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html">Using update expressions</a>
 */
final class CompiledUpdate implements UpdateExpr {

    private static final int MAX_CONTAINER_LEVELS = 32;
    private static final Comparator<UpdateAction> BY_PATH = (a, b) -> comparePaths(a.target(), b.target());

    /** Stands for a value while a target path is only being checked. */
    private static final AttributeValue PROBE = AttributeValue.fromNul(true);

    private final List<UpdateAction> actions;
    private final List<UpdateAction> sets = new ArrayList<>();
    private final List<UpdateAction> removes = new ArrayList<>();
    private final List<UpdateAction> addsAndDeletes = new ArrayList<>();
    private final Projector updated;

    CompiledUpdate(List<UpdateAction> actions) {
        this.actions = actions;
        List<DocPath> targets = new ArrayList<>();
        for (UpdateAction a : actions) {
            targets.add(a.target());
            switch (a.section()) {
                case SET:
                    sets.add(a);
                    break;
                case REMOVE:
                    removes.add(a);
                    break;
                default:
                    addsAndDeletes.add(a);
            }
        }
        removes.sort(BY_PATH.reversed());
        this.updated = new Projector(targets);
    }

    @Override
    public boolean onlyRemoves() {
        return sets.isEmpty() && addsAndDeletes.isEmpty();
    }

    @Override
    public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
        // an action whose target cannot exist (its map or list is missing) is refused before any operand is read
        for (UpdateAction action : actions) {
            if (action.target().length() > 1) {
                DocumentEditor.edit(
                        new LinkedHashMap<>(item), action.target(), current -> current == null ? PROBE : current);
            }
        }
        AttributeValue[] values = new AttributeValue[sets.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Operands.required(sets.get(i).operand(), item);
            checkNesting(sets.get(i).target(), values[i]);
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>(item);
        Integer[] order = setOrder();
        for (Integer i : order) {
            AttributeValue v = values[i];
            DocumentEditor.edit(out, sets.get(i).target(), current -> v);
        }
        for (UpdateAction a : removes) {
            DocumentEditor.edit(out, a.target(), current -> null);
        }
        for (UpdateAction a : addsAndDeletes) {
            AttributeValue operand = Operands.required(a.operand(), item); // a constant: always present
            if (a.section() == TokenType.ADD) {
                DocumentEditor.edit(out, a.target(), current -> DocumentEditor.add(current, operand));
            } else {
                DocumentEditor.edit(out, a.target(), current -> DocumentEditor.delete(current, operand));
            }
        }
        return out;
    }

    /**
     * A value may not bring the item beyond DynamoDB's nesting limit: the containers above it on its path plus
     * its own levels of maps and lists must stay below 32.
     */
    static void checkNesting(DocPath target, AttributeValue value) {
        if ((value.hasM() || value.hasL())
                && target.length() - 1 + AttributeValues.containerDepth(value) >= MAX_CONTAINER_LEVELS) {
            throw EngineErrors.validation("Nesting Levels have exceeded supported limits");
        }
    }

    /** SET actions in path order, so that several appends to one list land in index order. */
    private Integer[] setOrder() {
        Integer[] order = new Integer[sets.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (order.length > 1) {
            java.util.Arrays.sort(
                    order,
                    (x, y) -> comparePaths(sets.get(x).target(), sets.get(y).target()));
        }
        return order;
    }

    @Override
    public Set<String> topLevelAttributes() {
        return Collections.unmodifiableSet(updated.topLevelAttributes());
    }

    @Override
    public Set<String> nestedTopLevelAttributes() {
        Set<String> nested = new java.util.LinkedHashSet<>();
        for (UpdateAction a : actions) {
            if (a.target().length() > 1) {
                nested.add(a.target().top());
            }
        }
        return nested;
    }

    @Override
    public Map<String, AttributeValue> projectUpdated(Map<String, AttributeValue> item) {
        return updated.apply(item);
    }

    List<UpdateAction> actions() {
        return actions;
    }

    private static int comparePaths(DocPath a, DocPath b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            int c;
            if (a.isIndex(i) && b.isIndex(i)) {
                c = Integer.compare(a.indexes[i], b.indexes[i]);
            } else if (a.isIndex(i) || b.isIndex(i)) {
                c = a.isIndex(i) ? 1 : -1;
            } else {
                c = a.names[i].compareTo(b.names[i]);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length(), b.length());
    }
}
