package dev.singletable.engine.iam;

import dev.singletable.engine.policy.PolicyJson;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An IAM policy document compiled once for evaluation: statements with their actions and resources as wildcard
 * patterns (variables substituted per request), their principals (resource-based policies) and their conditions [1].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html">IAM JSON policy element reference</a>
 */
public final class IamPolicy {

    /** Whose policy this is: an identity's (no Principal element) or a resource's (a Principal is required). */
    public enum Kind {
        IDENTITY,
        RESOURCE
    }

    private final List<Statement> statements;

    private IamPolicy(List<Statement> statements) {
        this.statements = List.copyOf(statements);
    }

    List<Statement> statements() {
        return statements;
    }

    /** Compiles a policy; IllegalArgumentException names what is wrong with an invalid one. */
    static IamPolicy compile(String json, Kind kind) {
        Object parsed = PolicyJson.parse(json);
        if (!(parsed instanceof Map<?, ?> document)) {
            throw new IllegalArgumentException("the policy is not a JSON object");
        }
        return compile(document, kind, kind == Kind.IDENTITY, null);
    }

    /**
     * Compiles a parsed policy. {@code strict}: an unknown condition operator is an error (a configured policy);
     * otherwise such a condition never holds (a resource-based policy already accepted by PutResourcePolicy).
     */
    static IamPolicy compile(Map<?, ?> document, Kind kind, boolean strict) {
        return compile(document, kind, strict, null);
    }

    /**
     * Compiles a policy with a principal's own variables ({@code ${aws:userid}}, ...) replaced once, so that a request
     * substitutes only what depends on it; {@code principalKeys} null leaves every variable for request time.
     */
    public static IamPolicy compile(
            Map<?, ?> document, Kind kind, boolean strict, @Nullable Map<String, List<String>> principalKeys) {
        Object value = document.get("Statement");
        List<?> raw = value instanceof List<?> list ? list : value instanceof Map<?, ?> one ? List.of(one) : null;
        if (raw == null || raw.isEmpty()) {
            throw new IllegalArgumentException("the policy has no Statement");
        }
        List<Statement> out = new ArrayList<>();
        for (Object s : raw) {
            if (!(s instanceof Map<?, ?> statement)) {
                throw new IllegalArgumentException("a Statement is not a JSON object");
            }
            out.add(statement(statement, kind, strict, principalKeys));
        }
        return new IamPolicy(out);
    }

    private static Statement statement(
            Map<?, ?> s, Kind kind, boolean strict, @Nullable Map<String, List<String>> principalKeys) {
        @Nullable String sid = s.get("Sid") instanceof String text ? text : null;
        String effect = s.get("Effect") instanceof String e ? e : "";
        boolean allow;
        if (effect.equalsIgnoreCase("Allow")) {
            allow = true;
        } else if (effect.equalsIgnoreCase("Deny")) {
            allow = false;
        } else {
            throw new IllegalArgumentException("statement " + name(sid) + ": Effect must be Allow or Deny");
        }
        boolean notAction = !s.containsKey("Action") && s.containsKey("NotAction");
        List<String> actions = strings(s.get(notAction ? "NotAction" : "Action"), "Action", sid);
        boolean notResource = !s.containsKey("Resource") && s.containsKey("NotResource");
        List<String> resources = strings(s.get(notResource ? "NotResource" : "Resource"), "Resource", sid);
        @Nullable PrincipalMatcher principals = null;
        boolean hasPrincipal = s.containsKey("Principal") || s.containsKey("NotPrincipal");
        if (kind == Kind.IDENTITY && hasPrincipal) {
            throw new IllegalArgumentException(
                    "statement " + name(sid) + ": an identity-based policy has no Principal element");
        }
        if (kind == Kind.RESOURCE) {
            if (!hasPrincipal) {
                throw new IllegalArgumentException("statement " + name(sid) + ": Principal is required");
            }
            boolean negated = !s.containsKey("Principal");
            principals = principal(s.get(negated ? "NotPrincipal" : "Principal"), negated);
        }
        List<Condition> conditions = new ArrayList<>();
        if (s.get("Condition") instanceof Map<?, ?> block) {
            for (Map.Entry<?, ?> operator : block.entrySet()) {
                if (!(operator.getValue() instanceof Map<?, ?> byKey)) {
                    throw new IllegalArgumentException(
                            "statement " + name(sid) + ": condition " + operator.getKey() + " must map keys to values");
                }
                for (Map.Entry<?, ?> key : byKey.entrySet()) {
                    String op = String.valueOf(operator.getKey());
                    String k = RequestContext.lower(String.valueOf(key.getKey()));
                    List<String> values = conditionValues(key.getValue());
                    try {
                        conditions.add(Condition.parse(op, k, values).bind(principalKeys));
                    } catch (IllegalArgumentException e) {
                        if (strict) {
                            throw new IllegalArgumentException("statement " + name(sid) + ": " + e.getMessage(), e);
                        }
                        conditions.add(Condition.unsatisfiable(op, k));
                    }
                }
            }
        } else if (s.containsKey("Condition")) {
            throw new IllegalArgumentException("statement " + name(sid) + ": Condition must be a JSON object");
        }
        List<Wildcard> actionPatterns =
                actions.stream().map(a -> Wildcard.compiled(a, true)).toList();
        if (principalKeys != null) {
            Map<String, List<String>> bound = principalKeys;
            resources = resources.stream()
                    .map(r -> PolicyVariables.bind(r, bound, true))
                    .toList();
        }
        List<Wildcard> resourcePatterns = new ArrayList<>();
        for (String r : resources) {
            resourcePatterns.add(PolicyVariables.hasVariables(r) ? null : Wildcard.compiled(r, false));
        }
        return new Statement(
                sid,
                allow,
                actionPatterns,
                notAction,
                resources,
                resourcePatterns,
                notResource,
                principals,
                List.copyOf(conditions));
    }

    private static PrincipalMatcher principal(@Nullable Object value, boolean negated) {
        if ("*".equals(value)) {
            return new PrincipalMatcher(true, List.of(), negated);
        }
        if (!(value instanceof Map<?, ?> byType)) {
            throw new IllegalArgumentException("Principal must be \"*\" or an object");
        }
        List<String> arns = new ArrayList<>();
        boolean everyone = false;
        for (Map.Entry<?, ?> e : byType.entrySet()) {
            for (String id : strings(e.getValue(), "Principal", null)) {
                if ("AWS".equals(e.getKey()) && id.equals("*")) {
                    everyone = true;
                } else if (id.matches("\\d{12}")) {
                    arns.add("arn:aws:iam::" + id + ":root");
                } else {
                    arns.add(id);
                }
            }
        }
        return new PrincipalMatcher(everyone, List.copyOf(arns), negated);
    }

    private static List<String> strings(@Nullable Object value, String element, @Nullable String sid) {
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof List<?> list && !list.isEmpty()) {
            List<String> out = new ArrayList<>();
            for (Object o : list) {
                if (!(o instanceof String s)) {
                    throw new IllegalArgumentException(
                            "statement " + name(sid) + ": " + element + " must hold strings");
                }
                out.add(s);
            }
            return out;
        }
        throw new IllegalArgumentException("statement " + name(sid) + ": " + element + " is required");
    }

    /** Condition values as IAM reads them: strings, numbers and booleans, one or a list. */
    private static List<String> conditionValues(Object value) {
        List<?> list = value instanceof List<?> l ? l : List.of(value == null ? "" : value);
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            if (o instanceof BigDecimal d) {
                out.add(d.toPlainString());
            } else if (o instanceof Boolean b) {
                out.add(b.toString().toLowerCase(Locale.ROOT));
            } else if (o != null) {
                out.add(String.valueOf(o));
            }
        }
        return out;
    }

    private static String name(@Nullable String sid) {
        return sid == null ? "(without Sid)" : sid;
    }
}
