package dev.singletable.engine.validation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The constraint table, read once from {@code shape-constraints.txt} (see its header for the format): for each SDK
 * shape class, its constrained members and the order in which AWS reports them.
 */
final class ShapeRules {

    /** Rules of one shape; {@code order} lists members AWS reports before the others. */
    record Shape(List<String> order, Map<String, MemberRules> members) {}

    private static final String RESOURCE = "shape-constraints.txt";
    /** Rules are separated by ";" followed by a rule keyword (a regex may itself contain ";"). */
    private static final java.util.regex.Pattern SEPARATOR = java.util.regex.Pattern.compile(
            ";\\s*(?=(required|tableNameOrArn|length|range|pattern|enum|element|key|value|apiPath)\\b)");

    private static final Shape NONE = new Shape(List.of(), Map.of());
    private static final Map<String, Shape> SHAPES = load();

    private ShapeRules() {}

    /** The rules for an SDK shape class name (e.g. "CreateTableRequest", "KeySchemaElement"). */
    static Shape of(String shapeName) {
        return SHAPES.getOrDefault(shapeName, NONE);
    }

    private static Map<String, Shape> load() {
        try (InputStream in = ShapeRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Shape> parse(List<String> lines) {
        Map<String, Shape> shapes = new HashMap<>();
        @Nullable Shape current = null;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                current = new Shape(new ArrayList<>(), new HashMap<>());
                shapes.put(line.substring(1, line.length() - 1), current);
            } else if (current == null) {
                throw new IllegalStateException(RESOURCE + ": a rule before the first [Shape] header: " + line);
            } else if (line.startsWith("@order:")) {
                current.order()
                        .addAll(Arrays.asList(
                                line.substring("@order:".length()).strip().split(",\\s*")));
            } else {
                int colon = line.indexOf(':');
                MemberRules rules = MemberRules.empty();
                for (String spec : SEPARATOR.split(line.substring(colon + 1))) {
                    addRule(rules, spec.strip());
                }
                current.members().put(line.substring(0, colon), rules);
            }
        }
        return shapes;
    }

    private static void addRule(MemberRules rules, String spec) {
        if (spec.startsWith("element ")) {
            rules.element().add(constraint(spec.substring("element ".length())));
        } else if (spec.startsWith("key ")) {
            rules.key().add(constraint(spec.substring("key ".length())));
        } else if (spec.startsWith("apiPath ")) {
            rules.self().add(new Constraint.NamedByApi(constraint(spec.substring("apiPath ".length()))));
        } else if (spec.startsWith("value ")) {
            rules.value().add(constraint(spec.substring("value ".length())));
        } else {
            rules.self().add(constraint(spec));
        }
    }

    private static Constraint constraint(String spec) {
        int space = spec.indexOf(' ');
        String kind = space < 0 ? spec : spec.substring(0, space);
        String argument = space < 0 ? "" : spec.substring(space + 1);
        return switch (kind) {
            case "required" -> new Constraint.Required();
            case "tableNameOrArn" -> new Constraint.TableNameOrArn("emptyAsName".equals(argument));
            case "length" -> new Constraint.Length(lower(argument), upper(argument));
            case "range" -> new Constraint.Range(lower(argument), upper(argument));
            case "pattern" -> new Constraint.Pattern(argument);
            case "enum" -> new Constraint.OneOf(List.of(argument.split(",\\s*")));
            default -> throw new IllegalStateException("unknown constraint: " + spec);
        };
    }

    private static @Nullable Long lower(String bounds) {
        String low = bounds.substring(0, bounds.indexOf(".."));
        return low.isEmpty() ? null : Long.valueOf(low);
    }

    private static @Nullable Long upper(String bounds) {
        String high = bounds.substring(bounds.indexOf("..") + 2);
        return high.isEmpty() ? null : Long.valueOf(high);
    }
}
