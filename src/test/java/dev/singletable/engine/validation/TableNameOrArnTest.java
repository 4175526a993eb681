package dev.singletable.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The table-name check's fast path ({@link Constraint.TableNameOrArn#isPlainValidName}) accepts exactly what the
 * documented pattern and length accept (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html:
 * 3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.'), and the constraint answers the same either way.
 */
class TableNameOrArnTest {

    private static final Pattern DOCUMENTED = Pattern.compile("[a-zA-Z0-9_.-]+");
    private static final String ALPHABET = "abzAZ09_.-:/ #éЖ😀\u0000";

    @Test
    void theFastPathAcceptsExactlyThePatternAndTheLength() {
        Random random = new Random(20261205L);
        for (int n = 0; n < 20_000; n++) {
            int length = random.nextInt(8) == 0 ? 250 + random.nextInt(10) : random.nextInt(8);
            StringBuilder name = new StringBuilder();
            while (name.length() < length) {
                name.append(random.nextInt(4) == 0 ? ALPHABET.charAt(random.nextInt(ALPHABET.length())) : 'a');
            }
            String s = name.toString();
            boolean documented = DOCUMENTED.matcher(s).matches() && s.length() >= 3 && s.length() <= 255;
            assertThat(Constraint.TableNameOrArn.isPlainValidName(s)).as(s).isEqualTo(documented);
        }
    }

    @Test
    void validNamesHaveNoViolationsAndInvalidOnesKeepTheirMessages() {
        Constraint.TableNameOrArn constraint = new Constraint.TableNameOrArn(false);
        assertThat(constraint.violations("Notes")).isEmpty();
        assertThat(constraint.violations("a.b-c_9")).isEmpty();
        assertThat(constraint.violations("ab")).containsExactly("Member must have length greater than or equal to 3");
        assertThat(constraint.violations("no spaces"))
                .containsExactly("Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        assertThat(constraint.violations("arn:aws:dynamodb:us-east-1:111122223333:table/Notes"))
                .isEqualTo(List.of());
    }
}
