package dev.singletable.engine.fidelity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Random building blocks for the randomized differential test: keys from a small space (so operations collide),
 * items whose attributes keep one type each, and condition and update expressions, valid or not, with exactly the
 * placeholders they use. Cases where DynamoDB Local is known to differ from AWS (see docs/fidelity.md) are never
 * generated, so any difference is a real one.
 */
final class RandomOperations {

    static final String[] PARTITIONS = {"p0", "p1", "p2", "p3", "p4"};
    static final int SORT_KEYS = 8;
    static final String[] GROUPS = {"g0", "g1", "g2"};

    private final Random random;
    final Map<String, AttributeValue> values = new LinkedHashMap<>();
    final Map<String, String> names = new LinkedHashMap<>();

    RandomOperations(Random random) {
        this.random = random;
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    Map<String, AttributeValue> key() {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put("pk", AttributeValue.fromS(PARTITIONS[random.nextInt(PARTITIONS.length)]));
        key.put("sk", AttributeValue.fromN(Integer.toString(random.nextInt(SORT_KEYS))));
        return key;
    }

    /** An item with a random subset of the typed attributes (a: N, b: S, c: SS, d: L, m: M, g/gs: the GSI key). */
    Map<String, AttributeValue> item(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(key);
        if (chance(70)) {
            item.put("a", number());
        }
        if (chance(60)) {
            item.put("b", AttributeValue.fromS(pick(List.of("x", "y", "xy", "", "long text"))));
        }
        if (chance(40)) {
            item.put("c", stringSet());
        }
        if (chance(40)) {
            item.put("d", AttributeValue.fromL(List.of(number(), AttributeValue.fromS("e"))));
        }
        if (chance(40)) {
            item.put("m", AttributeValue.fromM(Map.of("x", number(), "y", AttributeValue.fromS("v"))));
        }
        if (chance(60)) {
            item.put("g", AttributeValue.fromS(GROUPS[random.nextInt(GROUPS.length)]));
            if (chance(80)) {
                item.put("gs", AttributeValue.fromN(Integer.toString(random.nextInt(4))));
            }
        }
        return item;
    }

    AttributeValue number() {
        return AttributeValue.fromN(Integer.toString(random.nextInt(21) - 10));
    }

    AttributeValue stringSet() {
        List<String> members = new ArrayList<>(List.of("s1", "s2", "s3"));
        java.util.Collections.shuffle(members, random);
        return AttributeValue.fromSs(members.subList(0, 1 + random.nextInt(3)));
    }

    /** Starts a new request: its placeholders are collected as expressions are generated. */
    void newRequest() {
        values.clear();
        names.clear();
    }

    String value(AttributeValue v) {
        String name = ":v" + values.size();
        values.put(name, v);
        return name;
    }

    Map<String, AttributeValue> valuesOrNull() {
        return values.isEmpty() ? null : new LinkedHashMap<>(values);
    }

    Map<String, String> namesOrNull() {
        return names.isEmpty() ? null : new LinkedHashMap<>(names);
    }

    /** A condition on non-key attributes, sometimes on the keys, now and then malformed. */
    String condition() {
        if (chance(4)) {
            return pick(List.of(
                    "a = ",
                    "a == :nope",
                    "size(b",
                    "attribute_exists(:x)",
                    "a BETWEEN",
                    "name = b",
                    "a IN ()",
                    "#undefined = a"));
        }
        String first = comparison();
        return switch (random.nextInt(5)) {
            case 0 -> first + " AND " + comparison();
            case 1 -> first + " OR " + comparison();
            case 2 -> "NOT (" + first + ")";
            default -> first;
        };
    }

    private String comparison() {
        return switch (random.nextInt(9)) {
            case 0 -> "attribute_exists(" + pick(List.of("a", "b", "m.x", "d[0]", "pk")) + ")";
            case 1 -> "attribute_not_exists(" + pick(List.of("a", "c", "m.y", "pk")) + ")";
            case 2 -> "a " + pick(List.of("=", "<>", "<", "<=", ">", ">=")) + " " + value(number());
            case 3 -> "a BETWEEN " + value(AttributeValue.fromN("-3")) + " AND " + value(AttributeValue.fromN("5"));
            case 4 -> "begins_with(b, " + value(AttributeValue.fromS(pick(List.of("x", "l", "")))) + ")";
            case 5 ->
                "contains(" + pick(List.of("c", "b")) + ", " + value(AttributeValue.fromS(pick(List.of("s1", "x"))))
                        + ")";
            case 6 ->
                "size(" + pick(List.of("b", "c", "d", "m")) + ") > "
                        + value(AttributeValue.fromN(Integer.toString(random.nextInt(3))));
            case 7 ->
                "attribute_type(" + pick(List.of("a", "b", "c")) + ", "
                        + value(AttributeValue.fromS(pick(List.of("N", "S", "SS")))) + ")";
            default -> "b IN (" + value(AttributeValue.fromS("x")) + ", " + value(AttributeValue.fromS("y")) + ")";
        };
    }

    /**
     * An update expression. {@code topLevelOnly} keeps every path top-level (UPDATED_OLD/NEW answers then agree
     * between AWS and DynamoDB Local); {@code mustSet} guarantees a SET (an update that only removes behaves
     * differently on DynamoDB Local when the item is missing); {@code safe} avoids errors met on the item.
     */
    String update(boolean topLevelOnly, boolean mustSet, boolean safe) {
        if (!safe && chance(4)) {
            return pick(List.of(
                    "SET a = :nope",
                    "SET pk = " + value(AttributeValue.fromS("k")),
                    "REMOVE",
                    "SET a = b + " + value(number()),
                    "SET a = a, a = a",
                    "ADD b " + value(number()),
                    "SET m.zz.yy = " + value(number()),
                    "SET a = " + value(number()) + " REMOVE a"));
        }
        List<String> sets = new ArrayList<>();
        List<String> removes = new ArrayList<>();
        List<String> adds = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        java.util.Set<String> used = new java.util.HashSet<>();
        int actions = 1 + random.nextInt(3);
        for (int i = 0; i < actions; i++) {
            switch (random.nextInt(mustSet && i == 0 ? 1 : 5)) {
                case 0 -> {
                    String target = pick(
                            topLevelOnly
                                    ? List.of("a", "b", "g", "gs")
                                    : List.of("a", "b", "g", "gs", "m.x", "m.new", "d[0]", "d[5]"));
                    if (used.add(root(target))) {
                        sets.add(target + " = " + setValue(target, safe));
                    }
                }
                case 1 -> {
                    String target = pick(topLevelOnly ? List.of("b", "d", "m") : List.of("b", "d", "m", "m.y", "d[1]"));
                    if (used.add(root(target))) {
                        removes.add(target);
                    }
                }
                case 2 -> {
                    if (used.add("a")) {
                        adds.add("a " + value(number()));
                    }
                }
                case 3 -> {
                    if (used.add("c")) {
                        adds.add("c " + value(stringSet()));
                    }
                }
                default -> {
                    if (used.add("c")) {
                        deletes.add("c " + value(stringSet()));
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder();
        clause(out, "SET", sets);
        clause(out, "REMOVE", removes);
        clause(out, "ADD", adds);
        clause(out, "DELETE", deletes);
        return out.toString().trim();
    }

    private String setValue(String target, boolean safe) {
        return switch (target) {
            case "a", "m.x", "m.new" ->
                switch (safe ? 0 : random.nextInt(3)) {
                    case 0 ->
                        "if_not_exists(" + target + ", " + value(AttributeValue.fromN("0")) + ") + " + value(number());
                    case 1 -> target + " - " + value(number());
                    default -> value(number());
                };
            case "b" -> value(AttributeValue.fromS(pick(List.of("x", "y", "xy"))));
            case "g" -> value(AttributeValue.fromS(GROUPS[random.nextInt(GROUPS.length)]));
            case "gs" -> value(AttributeValue.fromN(Integer.toString(random.nextInt(4))));
            default -> value(AttributeValue.fromS("in list"));
        };
    }

    private static String root(String path) {
        int cut = path.length();
        for (char c : new char[] {'.', '['}) {
            int i = path.indexOf(c);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        return path.substring(0, cut);
    }

    private static void clause(StringBuilder out, String keyword, List<String> actions) {
        if (!actions.isEmpty()) {
            out.append(keyword).append(' ').append(String.join(", ", actions)).append(' ');
        }
    }

    /** A projection of some attributes, nested paths included. */
    String projection() {
        List<String> paths = new ArrayList<>(List.of("a", "b", "c", "m.x", "d[0]", "pk", "g"));
        java.util.Collections.shuffle(paths, random);
        return String.join(", ", paths.subList(0, 1 + random.nextInt(3)));
    }

    /** Whether the last key condition was semantically invalid (reversed BETWEEN bounds). */
    boolean invalidKeyCondition;

    /** A sort-key condition for a Query on partition {@code :p}. */
    String keyCondition() {
        invalidKeyCondition = false;
        String p = "pk = " + value(AttributeValue.fromS(PARTITIONS[random.nextInt(PARTITIONS.length)]));
        int a = random.nextInt(SORT_KEYS);
        int b = a + random.nextInt(SORT_KEYS - a);
        return switch (random.nextInt(6)) {
            case 0 -> p;
            case 1 -> p + " AND sk = " + value(AttributeValue.fromN(Integer.toString(a)));
            case 2 ->
                p + " AND sk " + pick(List.of("<", "<=", ">", ">=")) + " "
                        + value(AttributeValue.fromN(Integer.toString(a)));
            case 3 ->
                p + " AND sk BETWEEN " + value(AttributeValue.fromN(Integer.toString(a))) + " AND "
                        + value(AttributeValue.fromN(Integer.toString(b)));
            case 4 -> {
                invalidKeyCondition = chance(50);
                yield invalidKeyCondition
                        ? p + " AND sk BETWEEN " + value(AttributeValue.fromN(Integer.toString(b + 1))) + " AND "
                                + value(AttributeValue.fromN(Integer.toString(a)))
                        : p;
            }
            default -> p;
        };
    }
}
