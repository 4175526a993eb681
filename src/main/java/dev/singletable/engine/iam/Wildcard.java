package dev.singletable.engine.iam;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * IAM's wildcard match: {@code *} any run of characters (also across ARN segments and slashes), {@code ?} one
 * character, everything else literal. Actions match case-insensitively, resources and StringLike values
 * case-sensitively [1][2]. Compiled once; matching is a backtracking scan without regular expressions, cheap enough for
 * every request.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html">IAM JSON policy elements: Resource</a><br>
 * [2] <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html">IAM JSON policy elements: Action</a>
 */
final class Wildcard {

    private final String pattern;
    private final boolean ignoreCase;
    private final boolean literal;
    /** Only stars ({@code *}, {@code dynamodb:*} after its prefix): every text matches. */
    private final boolean any;
    /** One trailing star and no other wildcard ({@code dynamodb:Get*}): a prefix test, no backtracking. */
    private final boolean prefix;
    /**
     * The literal runs between the stars of a case-sensitive pattern without {@code ?} or escapes (a resource such as
     * {@code arn:aws:dynamodb:*:*:table/Notes}): matched by prefix, suffix and leftmost search, no backtracking; null
     * for every other pattern.
     */
    private final String @Nullable [] segments;
    /**
     * A case-insensitive literal as written ({@code dynamodb:GetItem}), when it equals the lower-cased pattern
     * ignoring case: a request's action usually has the same spelling, and String.equals is cheaper than
     * equalsIgnoreCase. Null otherwise.
     */
    private final @Nullable String asWritten;
    /** Whether {@link #lastMatched} is kept: for a policy's compiled actions and resources, not per-request values. */
    private final boolean remembers;
    /**
     * The last text this pattern matched, compared by identity: a principal's requests name the same few resources
     * again and again, and a table's ARN is one String for as long as its definition lives, so a repeated request
     * skips the scan. Written without synchronization: a reference write is atomic and a String immutable, so a
     * racing reader sees either an older text (and scans) or a text that did match. Only positive results are kept,
     * and only when they change, so a steady workload reads the field and never writes it.
     */
    private @Nullable String lastMatched;

    private Wildcard(String pattern, boolean ignoreCase, boolean remembers) {
        this.ignoreCase = ignoreCase;
        this.remembers = remembers;
        this.literal = pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0;
        // a literal pattern compares plainly: escaped wildcards ({@code ${*}}) are then ordinary characters
        String p = literal ? PolicyVariables.literalWildcards(pattern) : pattern;
        this.pattern = ignoreCase ? p.toLowerCase(Locale.ROOT) : p;
        this.any = !literal && this.pattern.chars().allMatch(c -> c == '*');
        int star = this.pattern.indexOf('*');
        this.prefix =
                !literal && !any && star >= 0 && star == this.pattern.length() - 1 && this.pattern.indexOf('?') < 0;
        boolean plainStars = !literal
                && !any
                && !prefix
                && !ignoreCase
                && this.pattern.indexOf('?') < 0
                && this.pattern.indexOf(PolicyVariables.LITERAL_STAR) < 0
                && this.pattern.indexOf(PolicyVariables.LITERAL_QUESTION) < 0;
        this.segments = plainStars ? this.pattern.split("\\*", -1) : null;
        // interned: a request's action is a constant (interned too), so String.equals answers on identity
        this.asWritten = literal && ignoreCase && this.pattern.equalsIgnoreCase(p) ? p.intern() : null;
    }

    static Wildcard of(String pattern, boolean ignoreCase) {
        return new Wildcard(pattern, ignoreCase, false);
    }

    /**
     * A pattern of a compiled policy (an Action, a Resource without variables), matched against the same texts over
     * and over: it remembers the last text it matched.
     */
    static Wildcard compiled(String pattern, boolean ignoreCase) {
        return new Wildcard(pattern, ignoreCase, true);
    }

    /** Whether the text matches. */
    boolean matches(String text) {
        if (text == lastMatched) {
            return true;
        }
        boolean matched = matchesScanning(text);
        if (matched && remembers) {
            lastMatched = text;
        }
        return matched;
    }

    private boolean matchesScanning(String text) {
        if (literal) {
            if (!ignoreCase) {
                return pattern.equals(text);
            }
            return text.equals(asWritten) || pattern.equalsIgnoreCase(text);
        }
        if (any) {
            return true;
        }
        if (prefix) {
            int n = pattern.length() - 1;
            if (text.length() < n) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (!same(pattern.charAt(i), text.charAt(i), ignoreCase)) {
                    return false;
                }
            }
            return true;
        }
        String[] runs = segments;
        if (runs != null) {
            return matchesSegments(runs, text);
        }
        return matches(pattern, text, ignoreCase);
    }

    /** The first run begins the text, the last ends it, the others follow in order between (leftmost is enough). */
    private static boolean matchesSegments(String[] segments, String text) {
        String first = segments[0];
        String last = segments[segments.length - 1];
        int pos = first.length();
        int end = text.length() - last.length();
        if (end < pos || !text.startsWith(first) || !text.startsWith(last, end)) {
            return false;
        }
        for (int i = 1; i < segments.length - 1; i++) {
            String s = segments[i];
            if (s.isEmpty()) {
                continue;
            }
            int at = text.indexOf(s, pos);
            if (at < 0 || at + s.length() > end) {
                return false;
            }
            pos = at + s.length();
        }
        return true;
    }

    /** Glob matching with the classic single-backtrack-point algorithm: linear for patterns with one star. */
    static boolean matches(String p, String t, boolean ignoreCase) {
        int pi = 0;
        int ti = 0;
        int star = -1;
        int mark = 0;
        while (ti < t.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || same(p.charAt(pi), t.charAt(ti), ignoreCase))) {
                pi++;
                ti++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = ti;
            } else if (star >= 0) {
                pi = star + 1;
                ti = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }

    /** A pattern character against a text character; the marks of escaped wildcards match only themselves. */
    private static boolean same(char pc, char tc, boolean ignoreCase) {
        return pc == tc
                || ignoreCase && pc == Character.toLowerCase(tc)
                || pc == PolicyVariables.LITERAL_STAR && tc == '*'
                || pc == PolicyVariables.LITERAL_QUESTION && tc == '?';
    }

    @Override
    public String toString() {
        return pattern;
    }
}
