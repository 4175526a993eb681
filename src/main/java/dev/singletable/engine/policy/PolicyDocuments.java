package dev.singletable.engine.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.singletable.engine.error.EngineErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Resource-based policy documents as DynamoDB checks and keeps them. PutResourcePolicy (and CreateTable's
 * ResourcePolicy) refuses a document above 20 KB, whitespace included
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/rbac-considerations.html), one that is not JSON,
 * has no statement, lacks a statement's Effect, Principal, Action or Resource, repeats a Sid, grants an unconditioned
 * Allow to everyone, or names stream actions in a table's policy — with the messages public probes of AWS recorded.
 * An accepted document is kept in DynamoDB's canonical form, which GetResourcePolicy returns and by which a repeated
 * PutResourcePolicy is recognised as a no-op: minified, members in a fixed order (Version, Statement; Sid, Effect,
 * Principal, Action, Resource, Condition), one-element lists written as their element, an account id as principal
 * written as the account's root ARN, repeated principals once, the Effect capitalised, a single Statement object as a
 * list. A document without Version reads back with IAM's default {@code 2008-10-17}, yet is kept without it (AWS
 * treats the two as different documents).
 */
public final class PolicyDocuments {

    /** What a policy is attached to: the actions it may name differ. */
    public enum Target {
        TABLE,
        STREAM
    }

    public static final int MAX_BYTES = 20480;
    private static final String PREFIX = "One or more parameter values were invalid: ";
    private static final String INVALID = PREFIX + "Invalid policy document: ";
    private static final String DEFAULT_VERSION = "2008-10-17";
    private static final List<String> TOP_ORDER = List.of("Version", "Id", "Statement");
    private static final List<String> STATEMENT_ORDER = List.of(
            "Sid",
            "Effect",
            "Principal",
            "NotPrincipal",
            "Action",
            "NotAction",
            "Resource",
            "NotResource",
            "Condition");
    private static final Set<String> SINGLETON_ELEMENTS = Set.of("Action", "NotAction", "Resource", "NotResource");
    /** The DynamoDB Streams actions (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/iam-policy-read-stream-only.html). */
    private static final Set<String> STREAM_ACTIONS =
            Set.of("dynamodb:describestream", "dynamodb:getrecords", "dynamodb:getsharditerator");

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final JsonFactory FACTORY = new JsonFactory();

    private PolicyDocuments() {}

    /** The canonical form of a policy for the given target, or AWS's ValidationException for an invalid one. */
    public static String canonical(String text, Target target) {
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw EngineErrors.validation(PREFIX + "Maximum policy size of " + MAX_BYTES + " bytes exceeded");
        }
        Object parsed = PolicyJson.parse(text);
        if (parsed == null && "null".equals(text.strip())) {
            throw invalid("This text appears not to be a policy");
        }
        if (!(parsed instanceof Map<?, ?> document)) {
            throw invalidJson();
        }
        if (!document.containsKey("Statement")) {
            // IAM's grammar requires a Statement: its parser fails where the document ends ("{}" is "(1,3)")
            throw invalid("Syntax error at position " + end(text));
        }
        Object statementValue = document.get("Statement");
        List<?> statements = statementValue instanceof List<?> list
                ? list
                : statementValue instanceof Map<?, ?> one ? List.of(one) : null;
        if (statements == null || statements.isEmpty()) {
            throw invalid("Could not parse the policy: Statement is empty!");
        }
        List<Object> canonicalStatements = new ArrayList<>();
        Set<String> sids = new HashSet<>();
        Set<String> misplacedActions = new LinkedHashSet<>();
        boolean unbounded = false;
        for (Object s : statements) {
            if (!(s instanceof Map<?, ?> statement)) {
                throw invalidJson();
            }
            Map<String, Object> out = canonicalStatement(statement, text);
            canonicalStatements.add(out);
            if (out.get("Sid") instanceof String sid && !sids.add(sid)) {
                throw invalid("The Statement Ids in the policy are not unique");
            }
            unbounded |= "Allow".equals(out.get("Effect"))
                    && everyone(out.get("Principal"))
                    && !(out.get("Condition") instanceof Map<?, ?> c && !c.isEmpty());
            for (String action : strings(out.get("Action"))) {
                boolean streamAction = STREAM_ACTIONS.contains(action.toLowerCase(Locale.ROOT));
                boolean tableOnly = !streamAction && !action.equals("*") && !action.equalsIgnoreCase("dynamodb:*");
                if (target == Target.TABLE ? streamAction : tableOnly) {
                    misplacedActions.add("\"" + action + "\"");
                }
            }
        }
        if (!misplacedActions.isEmpty()) {
            throw invalid("The following action names are invalid: " + String.join(", ", misplacedActions));
        }
        if (unbounded) {
            throw EngineErrors.validation("Resource-based policy grants unbounded access in one or more elements. "
                    + "Please revise the policy to ensure least-privilege form of access");
        }
        Map<String, Object> out = ordered(document, TOP_ORDER);
        out.put("Statement", canonicalStatements);
        return PolicyJson.write(out);
    }

    /** The document as GetResourcePolicy returns it: the canonical form, with IAM's default Version if it had none. */
    public static @Nullable String readBack(@Nullable String canonical) {
        if (canonical == null) {
            return null;
        }
        Map<?, ?> document = canonicalDocument(canonical);
        if (document.containsKey("Version")) {
            return canonical;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Version", DEFAULT_VERSION);
        document.forEach((k, v) -> out.put((String) k, v));
        return PolicyJson.write(out);
    }

    /** The statements of a canonical document (each one a map, elements in canonical order). */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> statements(@Nullable String canonical) {
        if (canonical == null) {
            return List.of();
        }
        return (List<Map<String, Object>>)
                Objects.requireNonNull(canonicalDocument(canonical).get("Statement"));
    }

    /** A document this class made canonical: one JSON object, with its statements. */
    private static Map<?, ?> canonicalDocument(String canonical) {
        return (Map<?, ?>) Objects.requireNonNull(PolicyJson.parse(canonical), "not a canonical policy document");
    }

    /**
     * Whether the policy denies dynamodb:PutResourcePolicy, so that once attached no one could replace it; AWS asks
     * for ConfirmRemoveSelfResourceAccess before attaching a policy that denies it to the caller. The policy operations
     * know no caller, so a Deny of the action to any principal counts here; the regional client, which knows the
     * caller, confirms on its behalf a policy that does not deny the caller itself ({@code iam.SelfLockout}).
     */
    public static boolean deniesPolicyUpdates(String canonical) {
        for (Map<String, Object> statement : statements(canonical)) {
            if (!"Deny".equals(statement.get("Effect"))) {
                continue;
            }
            if (statement.containsKey("Action")
                    && strings(statement.get("Action")).stream()
                            .anyMatch(a -> matches(a, "dynamodb:PutResourcePolicy"))) {
                return true;
            }
            if (statement.containsKey("NotAction")
                    && strings(statement.get("NotAction")).stream()
                            .noneMatch(a -> matches(a, "dynamodb:PutResourcePolicy"))) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> canonicalStatement(Map<?, ?> statement, String text) {
        Object effect = statement.get("Effect");
        if (effect == null) {
            throw invalid("Missing required field Effect");
        }
        String normalizedEffect = effect instanceof String e && e.equalsIgnoreCase("allow")
                ? "Allow"
                : effect instanceof String e2 && e2.equalsIgnoreCase("deny") ? "Deny" : null;
        if (normalizedEffect == null) {
            throw invalid("Invalid effect: " + effect);
        }
        if (!statement.containsKey("Principal") && !statement.containsKey("NotPrincipal")) {
            throw invalid("Missing required field Principal");
        }
        if (!statement.containsKey("Action") && !statement.containsKey("NotAction")) {
            throw invalid("Missing required field Action");
        }
        if (!statement.containsKey("Resource") && !statement.containsKey("NotResource")) {
            throw invalid("Missing required field Resource");
        }
        Map<String, Object> out = ordered(statement, STATEMENT_ORDER);
        out.put("Effect", normalizedEffect);
        for (String element : List.of("Principal", "NotPrincipal")) {
            if (out.containsKey(element)) {
                out.put(element, principal(out.get(element), element, text));
            }
        }
        for (String element : SINGLETON_ELEMENTS) {
            if (out.containsKey(element)) {
                out.put(element, stringOrStrings(out.get(element)));
            }
        }
        if (out.get("Condition") instanceof Map<?, ?> condition) {
            Map<String, Object> c = new LinkedHashMap<>();
            condition.forEach((operator, keys) -> {
                if (keys instanceof Map<?, ?> byKey) {
                    Map<String, Object> k = new LinkedHashMap<>();
                    byKey.forEach((key, value) -> k.put((String) key, singleton(value)));
                    c.put((String) operator, k);
                } else {
                    c.put((String) operator, keys);
                }
            });
            out.put("Condition", c);
        }
        return out;
    }

    /** "*", or a map of principal types to ARNs: account ids become root ARNs, repeats are dropped. */
    private static Object principal(Object value, String element, String text) {
        if ("*".equals(value)) {
            return value;
        }
        if (!(value instanceof Map<?, ?> byType)) {
            throw invalid("Syntax error at position " + position(text, element));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        byType.forEach((type, ids) -> {
            Set<String> distinct = new LinkedHashSet<>();
            for (String id : strings(ids)) {
                distinct.add(
                        "AWS".equals(type) && ACCOUNT_ID.matcher(id).matches() ? "arn:aws:iam::" + id + ":root" : id);
            }
            if (distinct.isEmpty()) {
                throw invalidJson();
            }
            out.put((String) type, distinct.size() == 1 ? distinct.iterator().next() : new ArrayList<>(distinct));
        });
        return out;
    }

    private static boolean everyone(@Nullable Object principal) {
        if ("*".equals(principal)) {
            return true;
        }
        return principal instanceof Map<?, ?> byType
                && strings(byType.get("AWS")).contains("*");
    }

    private static Object stringOrStrings(Object value) {
        List<String> values = strings(value);
        if (values.isEmpty()) {
            throw invalidJson();
        }
        return singleton(value);
    }

    /** A one-element list written as its element; anything else unchanged. */
    private static Object singleton(Object value) {
        return value instanceof List<?> list && list.size() == 1 ? list.get(0) : value;
    }

    private static List<String> strings(@Nullable Object value) {
        if (value instanceof String s) {
            return List.of(s);
        }
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object o : list) {
                if (!(o instanceof String s)) {
                    throw invalidJson();
                }
                out.add(s);
            }
        } else if (value != null) {
            throw invalidJson();
        }
        return out;
    }

    /** The members in the given order first, then any others as written. */
    private static Map<String, Object> ordered(Map<?, ?> in, List<String> order) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : order) {
            if (in.containsKey(key)) {
                out.put(key, in.get(key));
            }
        }
        in.forEach((k, v) -> out.putIfAbsent((String) k, v));
        return out;
    }

    /** IAM's wildcard match of an action pattern ({@code *}, {@code ?}), case-insensitive. */
    private static boolean matches(String pattern, String action) {
        StringBuilder regex = new StringBuilder();
        for (char ch : pattern.toCharArray()) {
            regex.append(ch == '*' ? ".*" : ch == '?' ? "." : Pattern.quote(String.valueOf(ch)));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE)
                .matcher(action)
                .matches();
    }

    /** "(line,column)" of the first value of the given element, as IAM's syntax errors point at it. */
    private static String position(String text, String element) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                if (t == JsonToken.FIELD_NAME && element.equals(parser.currentName())) {
                    parser.nextToken();
                    JsonLocation at = parser.currentTokenLocation();
                    return "(" + at.getLineNr() + "," + at.getColumnNr() + ")";
                }
            }
        } catch (IOException e) {
            // the document parsed once already; fall through
        }
        return "(1,1)";
    }

    /** "(line,column)" just past the document's closing brace, where a parser missing a required member stops. */
    private static String end(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            int depth = 0;
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                depth += t.isStructStart() ? 1 : t.isStructEnd() ? -1 : 0;
                if (depth == 0) {
                    JsonLocation at = parser.currentLocation();
                    return "(" + at.getLineNr() + "," + at.getColumnNr() + ")";
                }
            }
        } catch (IOException e) {
            // the document parsed once already; fall through
        }
        return "(1,1)";
    }

    private static DynamoDbException invalidJson() {
        return invalid("This policy contains invalid Json");
    }

    private static DynamoDbException invalid(String detail) {
        return EngineErrors.validation(INVALID + detail);
    }
}
