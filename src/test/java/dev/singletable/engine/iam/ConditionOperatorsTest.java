package dev.singletable.engine.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every condition operator IAM documents, each on a value pair that tells it from its neighbours (LessThan from
 * LessThanEquals at equality, a negated operator from its positive form)
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
 */
class ConditionOperatorsTest {

    @ParameterizedTest(name = "{0}: policy {1}, request {2} -> {3}")
    @CsvSource({
        "StringEquals, abc, abc, true",
        "StringEquals, abc, ABC, false",
        "StringNotEquals, abc, abd, true",
        "StringNotEquals, abc, abc, false",
        "StringEqualsIgnoreCase, abc, ABC, true",
        "StringNotEqualsIgnoreCase, abc, ABC, false",
        "StringNotEqualsIgnoreCase, abc, abd, true",
        "StringLike, a*c, abbc, true",
        "StringLike, a?c, abbc, false",
        "StringNotLike, a*c, abbc, false",
        "StringNotLike, a*c, abd, true",
        "NumericEquals, 5, 5.0, true",
        "NumericNotEquals, 5, 5.0, false",
        "NumericNotEquals, 5, 6, true",
        "NumericLessThan, 5, 3, true",
        "NumericLessThan, 5, 5, false",
        "NumericLessThanEquals, 5, 5, true",
        "NumericLessThanEquals, 5, 6, false",
        "NumericGreaterThan, 5, 5, false",
        "NumericGreaterThan, 5, 6, true",
        "NumericGreaterThanEquals, 5, 5, true",
        "NumericGreaterThanEquals, 5, 4, false",
        "DateEquals, 2026-12-06T00:00:00Z, 2026-12-06, true",
        "DateNotEquals, 2026-12-06T00:00:00Z, 2026-12-06, false",
        "DateNotEquals, 2026-12-06T00:00:00Z, 2026-12-07, true",
        "DateLessThan, 2026-12-06T00:00:00Z, 2026-12-05T23:59:59Z, true",
        "DateLessThan, 2026-12-06T00:00:00Z, 2026-12-06T00:00:00Z, false",
        "DateLessThanEquals, 2026-12-06T00:00:00Z, 2026-12-06T00:00:00Z, true",
        "DateGreaterThan, 2026-12-06T00:00:00Z, 2026-12-06T00:00:00Z, false",
        "DateGreaterThan, 1765000000, 1765000001, true",
        "DateGreaterThanEquals, 2026-12-06T00:00:00Z, 2026-12-06T00:00:00Z, true",
        "DateGreaterThanEquals, 2026-12-06T00:00:00Z, 2026-12-05T00:00:00Z, false",
        "Bool, true, TRUE, true",
        "Bool, true, false, false",
        "BinaryEquals, QUJD, QUJD, true",
        "BinaryEquals, QUJD, qujd, false",
        "ArnEquals, arn:aws:iam::111122223333:user/a, arn:aws:iam::111122223333:user/a, true",
        "ArnLike, arn:aws:iam::*:user/*, arn:aws:iam::111122223333:user/a, true",
        "ArnNotEquals, arn:aws:iam::111122223333:user/a, arn:aws:iam::111122223333:user/a, false",
        "ArnNotLike, arn:aws:iam::*:user/*, arn:aws:iam::111122223333:role/r, true",
        "Null, false, present, true",
        "Null, true, present, false",
        "StringEqualsIfExists, abc, abd, false",
        "ForAnyValue:StringEquals, abc, abc, true",
        "ForAllValues:NumericLessThanIfExists, 5, 6, false",
    })
    void decides(String operator, String policyValue, String requestValue, boolean holds) {
        Condition condition = Condition.parse(operator, "k", List.of(policyValue));
        assertThat(condition.test(key -> key.equals("k") ? List.of(requestValue) : null))
                .isEqualTo(holds);
    }

    @ParameterizedTest
    @ValueSource(strings = {"StringEqualsSometimes", "NullIfExists", "ForAllValues:Null", "IfExists", "Numeric"})
    void refusesAnOperatorIamDoesNotHave(String operator) {
        assertThatThrownBy(() -> Condition.parse(operator, "k", List.of("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown condition operator");
    }
}
