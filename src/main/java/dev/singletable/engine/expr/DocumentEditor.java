package dev.singletable.engine.expr;

import dev.singletable.engine.error.EngineErrors;
import dev.singletable.engine.value.Numbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Copy-on-write edits of one document path in a working copy of an item: the containers along the path are
 * rebuilt, everything else is shared with the original. A missing or mistyped container on the way to the last
 * element is DynamoDB's "document path ... invalid for update".
 * ADD and DELETE on numbers and sets behave as [1] describes.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html">Using update expressions</a>
 */
final class DocumentEditor {

    /** What to do with the current value (null when absent) of the last path element; returns null to remove. */
    interface Edit {
        @Nullable
        AttributeValue apply(@Nullable AttributeValue current);
    }

    private DocumentEditor() {}

    static void edit(Map<String, AttributeValue> item, DocPath path, Edit edit) {
        String top = path.top();
        if (path.length() == 1) {
            AttributeValue updated = edit.apply(item.get(top));
            if (updated == null) {
                item.remove(top);
            } else {
                item.put(top, updated);
            }
            return;
        }
        AttributeValue container = item.get(top);
        if (container == null) {
            throw invalidPath();
        }
        item.put(top, edit(container, path, 1, edit));
    }

    private static AttributeValue edit(AttributeValue container, DocPath path, int i, Edit edit) {
        boolean last = i == path.length() - 1;
        if (path.isIndex(i)) {
            if (!container.hasL()) {
                throw invalidPath();
            }
            List<AttributeValue> list = container.l();
            int index = path.indexes[i];
            AttributeValue current = index < list.size() ? list.get(index) : null;
            AttributeValue updated = editChild(current, path, i, edit);
            if (last && updated == current) {
                return container;
            }
            List<AttributeValue> copy = new ArrayList<>(list);
            if (updated == null) {
                copy.remove(index);
            } else if (current == null) {
                copy.add(updated);
            } else {
                copy.set(index, updated);
            }
            return AttributeValue.fromL(copy);
        }
        if (!container.hasM()) {
            throw invalidPath();
        }
        Map<String, AttributeValue> map = container.m();
        String name = path.names[i];
        AttributeValue current = map.get(name);
        AttributeValue updated = editChild(current, path, i, edit);
        if (last && updated == current) {
            return container;
        }
        Map<String, AttributeValue> copy = new LinkedHashMap<>(map);
        if (updated == null) {
            copy.remove(name);
        } else {
            copy.put(name, updated);
        }
        return AttributeValue.fromM(copy);
    }

    /**
     * The new value of the path's element {@code i}, now {@code current}: at the last element the edit's result (the
     * same value when the edit changes nothing), on the way to it the container rebuilt below.
     */
    private static @Nullable AttributeValue editChild(
            @Nullable AttributeValue current, DocPath path, int i, Edit edit) {
        if (i == path.length() - 1) {
            return edit.apply(current);
        }
        if (current == null) {
            throw invalidPath();
        }
        return edit(current, path, i + 1, edit);
    }

    /** ADD: numbers are summed, sets united; an absent attribute takes the operand. */
    static AttributeValue add(@Nullable AttributeValue current, AttributeValue operand) {
        if (current == null) {
            return operand;
        }
        if (operand.n() != null) {
            if (current.n() == null) {
                throw wrongType();
            }
            return AttributeValue.fromN(Numbers.add(current.n(), operand.n()));
        }
        if (operand.hasSs() && current.hasSs()) {
            Set<String> union = new LinkedHashSet<>(current.ss());
            union.addAll(operand.ss());
            return AttributeValue.fromSs(new ArrayList<>(union));
        }
        if (operand.hasNs() && current.hasNs()) {
            List<String> union = new ArrayList<>(current.ns());
            for (String n : operand.ns()) {
                if (!containsNumber(union, n)) {
                    union.add(n);
                }
            }
            return AttributeValue.fromNs(union);
        }
        if (operand.hasBs() && current.hasBs()) {
            Set<SdkBytes> union = new LinkedHashSet<>(current.bs());
            union.addAll(operand.bs());
            return AttributeValue.fromBs(new ArrayList<>(union));
        }
        throw wrongType();
    }

    /** DELETE: removes the operand's members from a set; an emptied set disappears, an absent one stays absent. */
    static @Nullable AttributeValue delete(@Nullable AttributeValue current, AttributeValue operand) {
        if (current == null) {
            return null;
        }
        if (operand.hasSs() && current.hasSs()) {
            List<String> rest = new ArrayList<>(current.ss());
            rest.removeAll(operand.ss());
            return rest.isEmpty() ? null : AttributeValue.fromSs(rest);
        }
        if (operand.hasNs() && current.hasNs()) {
            List<String> rest = new ArrayList<>();
            for (String n : current.ns()) {
                if (!containsNumber(operand.ns(), n)) {
                    rest.add(n);
                }
            }
            return rest.isEmpty() ? null : AttributeValue.fromNs(rest);
        }
        if (operand.hasBs() && current.hasBs()) {
            List<SdkBytes> rest = new ArrayList<>(current.bs());
            rest.removeAll(operand.bs());
            return rest.isEmpty() ? null : AttributeValue.fromBs(rest);
        }
        throw wrongType();
    }

    private static boolean containsNumber(List<String> numbers, String n) {
        for (String x : numbers) {
            if (Numbers.compare(x, n) == 0) {
                return true;
            }
        }
        return false;
    }

    private static RuntimeException invalidPath() {
        return EngineErrors.validation(ExprErrors.INVALID_UPDATE_PATH);
    }

    private static RuntimeException wrongType() {
        return EngineErrors.validation(ExprErrors.WRONG_OPERAND_TYPE);
    }
}
