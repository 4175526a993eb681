package dev.singletable.engine.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts a compiled wildcard takes ({@code *} alone, one trailing star, literal runs between stars) decide exactly as the general
 * backtracking match does, for actions (case-insensitive) and resources (case-sensitive), escaped wildcards included.
 */
class WildcardTest {

    private static final String STAR = String.valueOf(PolicyVariables.LITERAL_STAR);

    private static final List<String> PATTERNS = List.of(
            "*",
            "**",
            "dynamodb:*",
            "DynamoDB:Get*",
            "dynamodb:Get**",
            "arn:aws:dynamodb:*",
            "arn:aws:dynamodb:us-east-1:111122223333:table/Notes*",
            "Notes" + STAR + "*",
            "dynamodb:?etItem",
            "dynamodb:*Item",
            "a*b*",
            "*Item",
            "dynamodb:GetItem",
            "",
            "arn:aws:dynamodb:*:*:table/Notes",
            "arn:aws:dynamodb:*:*:table/Notes/*",
            "*a*b",
            "a*a*a",
            "ab*ab",
            "*x*",
            "a**b",
            "*Notes*index*",
            "arn:aws:dynamodb:us-*-1:*:table/*",
            "dynamodb:GetItem",
            "DYNAMODB:GETITEM",
            "dynamodb:PutItem");

    private static final List<String> TEXTS = List.of(
            "",
            "dynamodb:GetItem",
            "DYNAMODB:getitem",
            "dynamodb:Get",
            "dynamodb:Ge",
            "dynamodb:PutItem",
            "dynamodb:",
            "arn:aws:dynamodb:us-east-1:111122223333:table/Notes",
            "arn:aws:dynamodb:us-east-1:111122223333:table/Notes/index/byDate",
            "arn:aws:dynamodb:us-east-1:111122223333:table/notes",
            "Notes*x",
            "Notesx",
            "Notes*",
            "ab",
            "axbx",
            "aba",
            "aaa",
            "aa",
            "abab",
            "aab",
            "a",
            "xab",
            "arn:aws:dynamodb:eu-west-1:444455556666:table/Notes");

    /**
     * A policy's compiled pattern remembers the last text it matched: every text, asked twice in a row and again
     * after the others, must still get the general match's answer.
     */
    @Test
    void shortcutsDecideAsTheGeneralMatch() {
        for (boolean ignoreCase : new boolean[] {true, false}) {
            for (boolean remembers : new boolean[] {false, true}) {
                for (String p : PATTERNS) {
                    Wildcard compiled = remembers ? Wildcard.compiled(p, ignoreCase) : Wildcard.of(p, ignoreCase);
                    for (int round = 0; round < 2; round++) {
                        for (String t : TEXTS) {
                            boolean literal = p.indexOf('*') < 0 && p.indexOf('?') < 0;
                            boolean expected = literal
                                    ? (ignoreCase ? p.equalsIgnoreCase(t) : p.equals(t))
                                    : Wildcard.matches(compiled.toString(), t, ignoreCase);
                            for (int ask = 0; ask < 2; ask++) {
                                assertThat(compiled.matches(t))
                                        .as("%s against %s (ignoreCase %s, remembers %s)", p, t, ignoreCase, remembers)
                                        .isEqualTo(expected);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void prefixAndStarPatternsMatchWhatIamDocuments() {
        assertThat(Wildcard.of("*", false).matches("")).isTrue();
        assertThat(Wildcard.of("dynamodb:Get*", true).matches("dynamodb:GetItem"))
                .isTrue();
        assertThat(Wildcard.of("dynamodb:Get*", true).matches("DynamoDB:getRecords"))
                .isTrue();
        assertThat(Wildcard.of("dynamodb:Get*", true).matches("dynamodb:BatchGetItem"))
                .isFalse();
        assertThat(Wildcard.of("arn:aws:dynamodb:*:*:table/Notes*", false)
                        .matches("arn:aws:dynamodb:us-east-1:111122223333:table/notes"))
                .isFalse();
        // an escaped star (${*}) before the trailing star matches only a star
        assertThat(Wildcard.of("Notes" + STAR + "*", false).matches("Notes*x")).isTrue();
        assertThat(Wildcard.of("Notes" + STAR + "*", false).matches("Notesxx")).isFalse();
    }
}
