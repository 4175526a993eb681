package dev.singletable.engine.iam;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One condition of a statement: an operator, a context key and the values it is compared with [1]. The values of one
 * key are alternatives (any may match); a negated operator ({@code StringNotEquals}, ...) holds when none matches.
 * {@code ...IfExists} holds when the key is absent; {@code ForAllValues:} holds when every value of a multivalued key
 * matches (also when the key is absent or empty), {@code ForAnyValue:} when at least one does [2].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html">IAM JSON policy elements: Condition operators</a><br>
 * [2] <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html">Single-valued vs. multivalued context keys</a>
 */
final class Condition {

    /** How a policy value is compared with a context value. */
    enum Kind {
        STRING,
        STRING_IGNORE_CASE,
        STRING_LIKE,
        NUMERIC,
        DATE,
        BOOL,
        ARN,
        NULL,
        BINARY
    }

    /** A comparison for NUMERIC and DATE (EQ also for every other kind). */
    enum Compare {
        EQ,
        LT,
        LE,
        GT,
        GE
    }

    enum SetQualifier {
        NONE,
        FOR_ALL_VALUES,
        FOR_ANY_VALUE
    }

    private final String operatorText;
    private final Kind kind;
    private final Compare compare;
    private final boolean negated;
    private final boolean ifExists;
    private final SetQualifier set;
    private final String key;
    private final List<String> values;
    private final boolean variables;
    private final @Nullable List<Wildcard> likePatterns;

    private Condition(
            String operatorText,
            Kind kind,
            Compare compare,
            boolean negated,
            boolean ifExists,
            SetQualifier set,
            String key,
            List<String> values) {
        this.operatorText = operatorText;
        this.kind = kind;
        this.compare = compare;
        this.negated = negated;
        this.ifExists = ifExists;
        this.set = set;
        // interned: the request keys it is looked up by are constants (ItemAccess), so their switch compares identity
        this.key = key.intern();
        this.values = List.copyOf(values);
        this.variables = values.stream().anyMatch(PolicyVariables::hasVariables);
        this.likePatterns = variables || !(kind == Kind.STRING_LIKE || kind == Kind.ARN)
                ? null
                : values.stream().map(v -> Wildcard.of(v, false)).toList();
    }

    /**
     * The condition an operator (as written, {@code ForAllValues:StringLikeIfExists}), a key and its values stand for;
     * IllegalArgumentException for an operator IAM does not have.
     */
    static Condition parse(String operator, String key, List<String> values) {
        String rest = operator;
        SetQualifier set = SetQualifier.NONE;
        if (rest.regionMatches(true, 0, "ForAllValues:", 0, 13)) {
            set = SetQualifier.FOR_ALL_VALUES;
            rest = rest.substring(13);
        } else if (rest.regionMatches(true, 0, "ForAnyValue:", 0, 12)) {
            set = SetQualifier.FOR_ANY_VALUE;
            rest = rest.substring(12);
        }
        boolean ifExists = false;
        if (rest.endsWith("IfExists") && !rest.equals("IfExists")) {
            ifExists = true;
            rest = rest.substring(0, rest.length() - "IfExists".length());
        }
        @Nullable Operator found = OPERATORS.get(rest);
        if (found == null || found.kind() == Kind.NULL && (ifExists || set != SetQualifier.NONE)) {
            throw new IllegalArgumentException("unknown condition operator " + operator);
        }
        return new Condition(operator, found.kind(), found.compare(), found.negated(), ifExists, set, key, values);
    }

    /** What an operator's base name (without a set qualifier or IfExists) compares, and how. */
    private record Operator(Kind kind, Compare compare, boolean negated) {}

    /** The operators IAM documents [1], by their base names. */
    private static final Map<String, Operator> OPERATORS = operators();

    private static Map<String, Operator> operators() {
        Map<String, Operator> byName = new HashMap<>();
        // an operator and its negation
        negatable(byName, Kind.STRING, "StringEquals", "StringNotEquals");
        negatable(byName, Kind.STRING_IGNORE_CASE, "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase");
        negatable(byName, Kind.STRING_LIKE, "StringLike", "StringNotLike");
        negatable(byName, Kind.NUMERIC, "NumericEquals", "NumericNotEquals");
        negatable(byName, Kind.DATE, "DateEquals", "DateNotEquals");
        negatable(byName, Kind.ARN, "ArnEquals", "ArnNotEquals");
        negatable(byName, Kind.ARN, "ArnLike", "ArnNotLike");
        // the orderings of numbers and dates
        for (Kind kind : List.of(Kind.NUMERIC, Kind.DATE)) {
            String family = kind == Kind.NUMERIC ? "Numeric" : "Date";
            byName.put(family + "LessThan", new Operator(kind, Compare.LT, false));
            byName.put(family + "LessThanEquals", new Operator(kind, Compare.LE, false));
            byName.put(family + "GreaterThan", new Operator(kind, Compare.GT, false));
            byName.put(family + "GreaterThanEquals", new Operator(kind, Compare.GE, false));
        }
        byName.put("Bool", new Operator(Kind.BOOL, Compare.EQ, false));
        byName.put("BinaryEquals", new Operator(Kind.BINARY, Compare.EQ, false));
        byName.put("Null", new Operator(Kind.NULL, Compare.EQ, false));
        return Map.copyOf(byName);
    }

    private static void negatable(Map<String, Operator> byName, Kind kind, String positive, String negative) {
        byName.put(positive, new Operator(kind, Compare.EQ, false));
        byName.put(negative, new Operator(kind, Compare.EQ, true));
    }

    /**
     * A condition that never holds, for an operator a stored resource-based policy names that this evaluator does not
     * know: its Allow grants nothing (and its Deny denies nothing).
     */
    static Condition unsatisfiable(String operator, String key) {
        return new Condition(operator, Kind.NULL, Compare.EQ, false, false, SetQualifier.NONE, key, List.of());
    }

    /** This condition with the principal's own variables replaced (see {@link PolicyVariables#bind}). */
    Condition bind(java.util.@Nullable Map<String, List<String>> principalKeys) {
        if (!variables || principalKeys == null) {
            return this;
        }
        boolean wildcards = kind == Kind.STRING_LIKE || kind == Kind.ARN;
        List<String> bound = values.stream()
                .map(v -> PolicyVariables.bind(v, principalKeys, wildcards))
                .toList();
        return new Condition(operatorText, kind, compare, negated, ifExists, set, key, bound);
    }

    /** The context key, in lower case. */
    String key() {
        return key;
    }

    /** Whether a value still holds a variable, substituted from the request context each time. */
    boolean hasVariables() {
        return variables;
    }

    String operator() {
        return operatorText;
    }

    /** Whether the request context satisfies this condition. */
    boolean test(ContextKeys context) {
        // the key was lower-cased when the policy was compiled (IamPolicy)
        @Nullable List<String> found = context.lowerCaseValues(key);
        List<String> actual = found == null ? List.of() : found;
        boolean absent = actual.isEmpty();
        if (kind == Kind.NULL) {
            // "Null": "true" holds when the key is absent, "false" when it is present
            for (String v : values) {
                if (Boolean.parseBoolean(v) == absent) {
                    return true;
                }
            }
            return false;
        }
        if (absent) {
            if (ifExists || set == SetQualifier.FOR_ALL_VALUES) {
                return true;
            }
            return set == SetQualifier.NONE && negated;
        }
        List<String> policyValues = values;
        @Nullable List<Wildcard> patterns = likePatterns;
        if (variables) {
            policyValues = new ArrayList<>(values.size());
            for (String v : values) {
                @Nullable
                String s = PolicyVariables.substitute(v, context, kind == Kind.STRING_LIKE || kind == Kind.ARN);
                if (s != null) {
                    policyValues.add(s);
                }
            }
            if (kind == Kind.STRING_LIKE || kind == Kind.ARN) {
                patterns = policyValues.stream().map(v -> Wildcard.of(v, false)).toList();
            }
        }
        switch (set) {
            case FOR_ALL_VALUES -> {
                for (String a : actual) {
                    if (matchesAny(a, policyValues, patterns) == negated) {
                        return false;
                    }
                }
                return true;
            }
            case FOR_ANY_VALUE -> {
                for (String a : actual) {
                    if (matchesAny(a, policyValues, patterns) != negated) {
                        return true;
                    }
                }
                return false;
            }
            default -> {
                // a single-valued operator: holds when some value of the key matches (negated: when none does)
                for (String a : actual) {
                    if (matchesAny(a, policyValues, patterns)) {
                        return !negated;
                    }
                }
                return negated;
            }
        }
    }

    private boolean matchesAny(String actual, List<String> policyValues, @Nullable List<Wildcard> patterns) {
        if (patterns != null) {
            for (Wildcard p : patterns) {
                if (p.matches(actual)) {
                    return true;
                }
            }
            return false;
        }
        for (String expected : policyValues) {
            if (matches(actual, expected)) {
                return true;
            }
        }
        return false;
    }

    private boolean matches(String actual, String expected) {
        switch (kind) {
            case STRING, BINARY:
                return actual.equals(expected);
            case STRING_IGNORE_CASE:
                return actual.equalsIgnoreCase(expected);
            case BOOL:
                return actual.toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT));
            case NUMERIC: {
                BigDecimal a = number(actual);
                BigDecimal e = number(expected);
                return a != null && e != null && compared(a.compareTo(e));
            }
            case DATE: {
                Instant a = date(actual);
                Instant e = date(expected);
                return a != null && e != null && compared(a.compareTo(e));
            }
            default:
                return false;
        }
    }

    private boolean compared(int order) {
        return switch (compare) {
            case EQ -> order == 0;
            case LT -> order < 0;
            case LE -> order <= 0;
            case GT -> order > 0;
            case GE -> order >= 0;
        };
    }

    private static @Nullable BigDecimal number(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** ISO 8601 ({@code 2026-12-05T12:00:00Z}) or epoch seconds, as IAM's date operators accept. */
    private static @Nullable Instant date(String text) {
        String t = text.trim();
        try {
            if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochSecond(Long.parseLong(t));
            }
            if (t.length() == 10) {
                return Instant.parse(t + "T00:00:00Z");
            }
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            try {
                return Instant.parse(t);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
