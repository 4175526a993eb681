package dev.singletable.engine.iam;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Policy variables in Resource and Condition values: {@code ${aws:username}}, {@code ${aws:userid}},
 * {@code ${aws:PrincipalTag/team}}, any key of the request context, a default ({@code ${aws:username, 'guest'}}),
 * and the escapes {@code ${*}}, {@code ${?}}, {@code ${$}} for literal characters [1]. A variable whose key
 * the request does not have, and that has no default, makes the value unusable: the statement or condition value then
 * matches nothing, as IAM documents.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html">IAM policy elements: Variables and tags</a>
 */
final class PolicyVariables {

    /** Marks the escapes so that substituted text is not read as wildcards; see {@link #literalWildcards}. */
    static final char LITERAL_STAR = '\uE000';

    static final char LITERAL_QUESTION = '\uE001';

    private PolicyVariables() {}

    static boolean hasVariables(String value) {
        return value.contains("${");
    }

    /**
     * The value with its variables replaced from the context, or null when one has no value. With {@code forWildcards}
     * the characters {@code *} and {@code ?} that come from escapes or from substituted values are kept literal.
     */
    static @Nullable String substitute(String value, ContextKeys context, boolean forWildcards) {
        return replace(value, context::values, forWildcards, false);
    }

    /**
     * The value with the variables of the given keys (a principal's own: {@code aws:userid}, {@code aws:username},
     * {@code aws:PrincipalTag/...}) replaced once, when a principal's policies are compiled; every other variable and
     * escape is left for {@link #substitute} at request time.
     */
    static String bind(String value, java.util.Map<String, List<String>> keys, boolean forWildcards) {
        // replace answers null only for a variable without a value, which this form leaves in place
        return requireNonNull(replace(value, key -> keys.get(RequestContext.lower(key)), forWildcards, true));
    }

    private static @Nullable String replace(
            String value,
            java.util.function.Function<String, @Nullable List<String>> lookup,
            boolean forWildcards,
            boolean keepUnresolved) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        int i = 0;
        while (i < value.length()) {
            int start = value.indexOf("${", i);
            if (start < 0) {
                out.append(value, i, value.length());
                break;
            }
            int end = value.indexOf('}', start);
            if (end < 0) {
                out.append(value, i, value.length());
                break;
            }
            out.append(value, i, start);
            String inner = value.substring(start + 2, end).trim();
            String replacement;
            if (keepUnresolved) {
                String key = inner.contains(",")
                        ? inner.substring(0, inner.indexOf(',')).trim()
                        : inner;
                List<String> values = key.equals("*") || key.equals("?") || key.equals("$") ? null : lookup.apply(key);
                if (values == null || values.size() != 1) {
                    out.append(value, start, end + 1);
                } else {
                    String found = values.get(0);
                    out.append(forWildcards ? found.replace('*', LITERAL_STAR).replace('?', LITERAL_QUESTION) : found);
                }
                i = end + 1;
                continue;
            }
            if (inner.equals("*")) {
                replacement = forWildcards ? String.valueOf(LITERAL_STAR) : "*";
            } else if (inner.equals("?")) {
                replacement = forWildcards ? String.valueOf(LITERAL_QUESTION) : "?";
            } else if (inner.equals("$")) {
                replacement = "$";
            } else {
                String key = inner;
                String fallback = null;
                int comma = inner.indexOf(',');
                if (comma >= 0) {
                    key = inner.substring(0, comma).trim();
                    String d = inner.substring(comma + 1).trim();
                    if (d.length() >= 2 && d.startsWith("'") && d.endsWith("'")) {
                        fallback = d.substring(1, d.length() - 1);
                    }
                }
                List<String> values = lookup.apply(key);
                // a multivalued key cannot be a policy variable
                String found = values != null && values.size() == 1 ? values.get(0) : null;
                replacement = found != null ? found : fallback;
                if (replacement == null) {
                    return null;
                }
                if (forWildcards) {
                    replacement = replacement.replace('*', LITERAL_STAR).replace('?', LITERAL_QUESTION);
                }
            }
            out.append(replacement);
            i = end + 1;
        }
        return out.toString();
    }

    /** The text a substituted pattern matches literally at its marked places: the marks turned back. */
    static String literalWildcards(String text) {
        return text.replace(LITERAL_STAR, '*').replace(LITERAL_QUESTION, '?');
    }
}
