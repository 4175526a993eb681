package dev.singletable.engine.expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Detects overlapping and conflicting document paths of an update or projection, with DynamoDB's messages.
 *
 * <p>DynamoDB inserts the paths, last one first, into a tree of hash maps and names the first path it cannot
 * insert as "path one"; "path two" is found by descending from the point of collision along the first key of each
 * hash map. To report the same "path two", the tree here uses hash maps keyed by elements whose hash codes equal
 * DynamoDB's, so that iteration order, and hence the reported path, is the same.
 * That paths of one expression may not overlap is stated in [1].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html">Using update expressions</a>
 */
final class PathTrie {

    private static final int HASH_SEED = 8191 * 127;

    /** One path element as a tree key; a null node value marks the end of an inserted path. */
    private static final class Key {
        /** Null for a list index. */
        final @Nullable String name;

        final int index;

        Key(DocPath path, int i) {
            this.name = path.names[i];
            this.index = path.indexes[i];
        }

        boolean isIndex() {
            return name == null;
        }

        @Override
        public int hashCode() {
            return HASH_SEED + (name != null ? name.hashCode() : index);
        }

        @Override
        public boolean equals(@Nullable Object o) {
            if (!(o instanceof Key)) {
                return false;
            }
            Key k = (Key) o;
            return name != null ? name.equals(k.name) : k.name == null && index == k.index;
        }
    }

    private final HashMap<Key, Object> root = new HashMap<>();
    private final String kind;

    PathTrie(String kind) {
        this.kind = kind;
    }

    /** Inserts all paths in DynamoDB's order (last first), failing on the first overlap or conflict. */
    static void check(List<DocPath> paths, String kind) {
        PathTrie trie = new PathTrie(kind);
        for (int i = paths.size() - 1; i >= 0; i--) {
            trie.insert(paths.get(i));
        }
    }

    void insert(DocPath path) {
        HashMap<Key, Object> node = root;
        for (int depth = 0; ; depth++) {
            Key key = new Key(path, depth);
            if (!node.containsKey(key)) {
                checkConflict(node, key, path, depth);
                node.put(key, chain(path, depth + 1));
                return;
            }
            @SuppressWarnings("unchecked")
            HashMap<Key, Object> child = (HashMap<Key, Object>) node.get(key);
            if (child == null || depth + 1 >= path.length()) {
                throw ExprErrors.invalid(
                        kind,
                        "Two document paths overlap with each other; must remove or rewrite one"
                                + " of these paths; path one: " + path + ", path two: "
                                + pathToLeaf(path, depth, node));
            }
            node = child;
        }
    }

    /** A map key next to a list index (or the reverse) under the same parent is a conflict. */
    private void checkConflict(HashMap<Key, Object> node, Key key, DocPath path, int depth) {
        if (node.isEmpty()) {
            return;
        }
        Key first = node.keySet().iterator().next();
        if (first.isIndex() != key.isIndex()) {
            throw ExprErrors.invalid(
                    kind,
                    "Two document paths conflict with each other; must remove or rewrite one"
                            + " of these paths; path one: " + path + ", path two: " + pathToLeaf(path, depth, node));
        }
    }

    private static @Nullable Object chain(DocPath path, int from) {
        if (from >= path.length()) {
            return null;
        }
        HashMap<Key, Object> node = new HashMap<>();
        node.put(new Key(path, from), chain(path, from + 1));
        return node;
    }

    /** The first {@code depth} elements of {@code path}, then the first key at each level below {@code node}. */
    @SuppressWarnings("unchecked")
    private static DocPath pathToLeaf(DocPath path, int depth, HashMap<Key, Object> node) {
        List<String> names = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            names.add(path.names[i]);
            indexes.add(path.indexes[i]);
        }
        HashMap<Key, Object> current = node;
        while (current != null && !current.isEmpty()) {
            Iterator<Key> it = current.keySet().iterator();
            Key k = it.next();
            names.add(k.name);
            indexes.add(k.index);
            current = (HashMap<Key, Object>) current.get(k);
        }
        int[] idx = new int[indexes.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = indexes.get(i);
        }
        return new DocPath(names.toArray(new String[0]), idx);
    }
}
