package dev.singletable.engine.expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Copies the values at a set of non-overlapping document paths out of an item, keeping their nesting: a map keeps
 * only the projected keys, a list only the projected elements (in index order, without gaps). Paths that lead
 * nowhere are left out, and so are containers left empty by that.
 * The shape of the result is that of [1].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ProjectionExpressions.html">Using projection expressions</a>
 */
final class Projector {

    /** A tree of the projected paths; a node without children ends a path. */
    private static final class Node {
        @Nullable
        Map<String, Node> names;

        @Nullable
        TreeMap<Integer, Node> indexes;

        Node child(DocPath path, int i) {
            if (path.isIndex(i)) {
                if (indexes == null) {
                    indexes = new TreeMap<>();
                }
                return indexes.computeIfAbsent(path.indexes[i], k -> new Node());
            }
            if (names == null) {
                names = new LinkedHashMap<>();
            }
            return names.computeIfAbsent(path.names[i], k -> new Node());
        }
    }

    private final Node root = new Node();
    private final Set<String> topLevel = new LinkedHashSet<>();

    Projector(List<DocPath> paths) {
        for (DocPath p : paths) {
            topLevel.add(p.top());
            Node n = root;
            for (int i = 0; i < p.length(); i++) {
                n = n.child(p, i);
            }
        }
    }

    Set<String> topLevelAttributes() {
        return topLevel;
    }

    Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        Map<String, Node> tops = root.names;
        if (tops == null) {
            return out;
        }
        for (Map.Entry<String, Node> e : tops.entrySet()) {
            AttributeValue v = item.get(e.getKey());
            if (v != null) {
                AttributeValue projected = project(e.getValue(), v);
                if (projected != null) {
                    out.put(e.getKey(), projected);
                }
            }
        }
        return out;
    }

    /** The projection of {@code v} below {@code node}; a node with no children (a leaf) ends a path. */
    private static @Nullable AttributeValue project(Node node, AttributeValue v) {
        Map<String, Node> names = node.names;
        TreeMap<Integer, Node> indexes = node.indexes;
        if (names != null) {
            if (!v.hasM()) {
                return null;
            }
            Map<String, AttributeValue> out = new LinkedHashMap<>();
            for (Map.Entry<String, Node> e : names.entrySet()) {
                AttributeValue child = v.m().get(e.getKey());
                AttributeValue projected = child == null ? null : project(e.getValue(), child);
                if (projected != null) {
                    out.put(e.getKey(), projected);
                }
            }
            return out.isEmpty() ? null : AttributeValue.fromM(out);
        }
        if (indexes == null) {
            return v; // a leaf
        }
        if (!v.hasL()) {
            return null;
        }
        List<AttributeValue> list = v.l();
        List<AttributeValue> out = new ArrayList<>();
        for (Map.Entry<Integer, Node> e : indexes.entrySet()) {
            if (e.getKey() >= list.size()) {
                break;
            }
            AttributeValue projected = project(e.getValue(), list.get(e.getKey()));
            if (projected != null) {
                out.add(projected);
            }
        }
        return out.isEmpty() ? null : AttributeValue.fromL(out);
    }
}
