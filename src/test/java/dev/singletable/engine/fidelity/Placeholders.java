package dev.singletable.engine.fidelity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Picks, from a scenario class's catalogue of placeholders, exactly the {@code :values} and {@code #names} that some
 * expressions mention, so every scenario sends no unused ones (which DynamoDB would refuse) and a placeholder missing
 * from the catalogue stays undefined on purpose.
 */
final class Placeholders {

    private static final Pattern VALUE = Pattern.compile(":[A-Za-z0-9_]+");
    private static final Pattern NAME = Pattern.compile("#[A-Za-z0-9_]+");

    private Placeholders() {}

    /** The catalogued values mentioned by the expressions, or null when none is (the parameter is then omitted). */
    static Map<String, AttributeValue> values(Map<String, AttributeValue> catalogue, String... expressions) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        for (String expression : expressions) {
            if (expression == null) {
                continue;
            }
            Matcher m = VALUE.matcher(expression);
            while (m.find()) {
                AttributeValue v = catalogue.get(m.group());
                if (v != null) {
                    out.put(m.group(), v);
                }
            }
        }
        return out.isEmpty() ? null : out;
    }

    static Map<String, String> names(Map<String, String> catalogue, String... expressions) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String expression : expressions) {
            if (expression == null) {
                continue;
            }
            Matcher m = NAME.matcher(expression);
            while (m.find()) {
                String v = catalogue.get(m.group());
                if (v != null) {
                    out.put(m.group(), v);
                }
            }
        }
        return out.isEmpty() ? null : out;
    }
}
