package dev.singletable.engine.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.singletable.engine.access.PrincipalsFile;
import dev.singletable.engine.iam.Evaluator.Outcome;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The evaluator, table-driven from the IAM documentation's examples (each case names the page it models). Principals
 * are alice (user, account 111122223333, userId AIDAALICE, tag team=blue) unless a case says otherwise.
 */
class PolicyEvaluationTest {

    static final String TABLE = "arn:aws:dynamodb:us-east-1:111122223333:table/GameScores";
    static final String INDEX = TABLE + "/index/TopScores";
    static final String OTHER_TABLE = "arn:aws:dynamodb:us-east-1:444455556666:table/Shared";

    /** One case: a policy, a request and what IAM decides. */
    record Case(
            String name,
            String source,
            String identityPolicy,
            String resourcePolicy,
            String action,
            String resource,
            Map<String, List<String>> keys,
            Outcome expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        String evaluation = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html";
        String conditions =
                "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html";
        String attributes =
                "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_dynamodb_attributes.html";
        String multi =
                "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html";
        String operators =
                "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html";
        String variables = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html";
        String notAction =
                "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html";
        String notResource =
                "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html";
        String crossAccount =
                "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html";
        String rbac =
                "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/access-control-resource-based.html";

        String leadingKeys = policy("""
                {"Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:PutItem","dynamodb:Query"],
                 "Resource":["arn:aws:dynamodb:*:*:table/GameScores"],
                 "Condition":{"ForAllValues:StringEquals":{"dynamodb:LeadingKeys":["${aws:userid}"]}}}""");
        String attributeList = policy("""
                {"Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:Query","dynamodb:UpdateItem"],
                 "Resource":["arn:aws:dynamodb:*:*:table/GameScores"],
                 "Condition":{"ForAllValues:StringEquals":{"dynamodb:Attributes":["UserId","TopScore"]},
                              "StringEqualsIfExists":{"dynamodb:Select":"SPECIFIC_ATTRIBUTES"}}}""");
        String allowAllDenyDelete = policy("""
                {"Effect":"Allow","Action":"dynamodb:*","Resource":"*"},
                {"Effect":"Deny","Action":"dynamodb:DeleteTable","Resource":"*"}""");
        return Stream.of(
                new Case(
                        "implicit deny without any statement",
                        evaluation,
                        policy("""
                        {"Effect":"Allow","Action":"dynamodb:GetItem","Resource":"arn:aws:dynamodb:*:*:table/Other"}"""),
                        null,
                        "dynamodb:GetItem",
                        TABLE,
                        Map.of(),
                        Outcome.NO_IDENTITY_ALLOW),
                new Case(
                        "an Allow allows",
                        evaluation,
                        allowAllDenyDelete,
                        null,
                        "dynamodb:PutItem",
                        TABLE,
                        Map.of(),
                        Outcome.ALLOW),
                new Case(
                        "an explicit Deny overrides an Allow",
                        evaluation,
                        allowAllDenyDelete,
                        null,
                        "dynamodb:DeleteTable",
                        TABLE,
                        Map.of(),
                        Outcome.DENIED_BY_IDENTITY),
                new Case(
                        "action wildcards are case-insensitive",
                        evaluation,
                        policy("""
                        {"Effect":"Allow","Action":"DynamoDB:get*","Resource":"*"}"""),
                        null,
                        "dynamodb:GetItem",
                        TABLE,
                        Map.of(),
                        Outcome.ALLOW),
                new Case(
                        "? matches one character",
                        evaluation,
                        policy("""
                        {"Effect":"Allow","Action":"dynamodb:?etItem","Resource":"*"}"""),
                        null,
                        "dynamodb:GetItem",
                        TABLE,
                        Map.of(),
                        Outcome.ALLOW),
                new Case(
                        "NotAction allows everything but the named actions",
                        notAction,
                        policy("""
                        {"Effect":"Allow","NotAction":["dynamodb:Delete*"],"Resource":"*"}"""),
                        null,
                        "dynamodb:DeleteItem",
                        TABLE,
                        Map.of(),
                        Outcome.NO_IDENTITY_ALLOW),
                new Case(
                        "NotAction: another action is allowed",
                        notAction,
                        policy("""
                        {"Effect":"Allow","NotAction":["dynamodb:Delete*"],"Resource":"*"}"""),
                        null,
                        "dynamodb:Query",
                        TABLE,
                        Map.of(),
                        Outcome.ALLOW),
                new Case(
                        "a table ARN does not cover its indexes",
                        evaluation,
                        policy("""
                        {"Effect":"Allow","Action":"dynamodb:Query","Resource":"arn:aws:dynamodb:*:*:table/GameScores"}"""),
                        null,
                        "dynamodb:Query",
                        INDEX,
                        Map.of(),
                        Outcome.NO_IDENTITY_ALLOW),
                new Case(
                        "table/name/index/* covers every index",
                        evaluation,
                        policy("""
                        {"Effect":"Allow","Action":"dynamodb:Query","Resource":"arn:aws:dynamodb:*:*:table/GameScores/index/*"}"""),
                        null,
                        "dynamodb:Query",
                        INDEX,
                        Map.of(),
                        Outcome.ALLOW),
                new Case(
                        "NotResource denies all but the named table",
                        notResource,
                        policy("""
                        {"Effect":"Allow","Action":"dynamodb:*","Resource":"*"},
                        {"Effect":"Deny","Action":"dynamodb:*","NotResource":"arn:aws:dynamodb:*:*:table/GameScores"}"""),
                        null,
                        "dynamodb:GetItem",
                        "arn:aws:dynamodb:us-east-1:111122223333:table/Other",
                        Map.of(),
                        Outcome.DENIED_BY_IDENTITY),
                new Case(
                        "LeadingKeys: the caller's own partition",
                        conditions,
                        leadingKeys,
                        null,
                        "dynamodb:GetItem",
                        TABLE,
                        Map.of("dynamodb:leadingkeys", List.of("AIDAALICE")),
                        Outcome.ALLOW),
                new Case(
                        "LeadingKeys: another user's partition",
                        conditions,
                        leadingKeys,
                        null,
                        "dynamodb:GetItem",
                        TABLE,
                        Map.of("dynamodb:leadingkeys", List.of("AIDABOB")),
                        Outcome.NO_IDENTITY_ALLOW),
                new Case(
                        "LeadingKeys: one foreign key among several",
                        conditions,
                        leadingKeys,
                        null,
                        "dynamodb:PutItem",
                        TABLE,
                        Map.of("dynamodb:leadingkeys", List.of("AIDAALICE", "AIDABOB")),
                        Outcome.NO_IDENTITY_ALLOW),
                new Case(
                        "ForAllValues is true for a missing key",
                        multi,
                        leadingKeys,
                        null,
                        "dynamodb:Query",
                        TABLE,
                        Map.of(),
                        Outcome.ALLOW),
                new Case(
                        "ForAnyValue is false for a missing key",
                        multi,
                        policy("""
                        {"Effect":"Allow","Action":"dynamodb:*","Resource":"*",
                         "Condition":{"ForAnyValue:StringEquals":{"dynamodb:Attributes":["TopScore"]}}}"""),
                        null,
                        "dynamodb:GetItem",
                        TABLE,
                        Map.of(),
                        Outcome.NO_IDENTITY_ALLOW),
                new Case(
                        "ForAnyValue: one matching value is enough",
                        multi,
                        policy("""
                        {"Effect":"Allow","Action":"dynamodb:*","Resource":"*",
                         "Condition":{"ForAnyValue:StringEquals":{"dynamodb:Attributes":["TopScore"]}}}"""),
                        null,
                        "dynamodb:GetItem",
                        TABLE,
                        Map.of("dynamodb:attributes", List.of("UserId", "TopScore")),
                        Outcome.ALLOW),
                new Case(
                        "ForAllValues:StringNotEquals denies none of the listed",
                        multi,
                        policy("""
                        {"Effect":"Allow","Action":"dynamodb:*","Resource":"*"},
                        {"Effect":"Deny","Action":"dynamodb:*","Resource":"*",
                         "Condition":{"ForAnyValue:StringEquals":{"dynamodb:Attributes":["Secret"]}}}"""),
                        null,
                        "dynamodb:GetItem",
                        TABLE,
                        Map.of("dynamodb:attributes", List.of("UserId", "Secret")),
                        Outcome.DENIED_BY_IDENTITY),
                new Case(
                        "Attributes: only listed attributes, projected",
                        attributes,
                        attributeList,
                        null,
                        "dynamodb:GetItem",
                        TABLE,
                        Map.of(
                                "dynamodb:attributes",
                                List.of("TopScore"),
                                "dynamodb:select",
                                List.of("SPECIFIC_ATTRIBUTES")),
                        Outcome.ALLOW),
                new Case(
                        "Attributes: an unlisted attribute",
                        attributes,
                        attributeList,
                        null,
                        "dynamodb:GetItem",
                        TABLE,
                        Map.of(
                                "dynamodb:attributes",
                                List.of("TopScore", "Email"),
                                "dynamodb:select",
                                List.of("SPECIFIC_ATTRIBUTES")),
                        Outcome.NO_IDENTITY_ALLOW),
                new Case(
                        "Attributes: a read of all attributes",
                        attributes,
                        attributeList,
                        null,
                        "dynamodb:GetItem",
                        TABLE,
                        Map.of("dynamodb:select", List.of("ALL_ATTRIBUTES")),
                        Outcome.NO_IDENTITY_ALLOW),
                new Case(
                        "IfExists holds for a missing key",
                        operators + "#Conditions_IfExists",
                        attributeList,
                        null,
                        "dynamodb:UpdateItem",
                        TABLE,
                        Map.of("dynamodb:attributes", List.of("UserId", "TopScore")),
                        Outcome.ALLOW),
                new Case(
                        "StringNotEquals holds for a missing key",
                        operators,
                        policy("""
                        {"Effect":"Allow","Action":"dynamodb:*","Resource":"*",
                         "Condition":{"StringNotEquals":{"dynamodb:ReturnValues":["ALL_OLD"]}}}"""),
                        null,
                        "dynamodb:PutItem",
                        TABLE,
                        Map.of(),
                        Outcome.ALLOW),
                new Case(
                        "StringNotEquals fails for a listed value",
                        operators,
                        policy("""
                        {"Effect":"Allow","Action":"dynamodb:*","Resource":"*",
                         "Condition":{"StringNotEquals":{"dynamodb:ReturnValues":["ALL_OLD","ALL_NEW"]}}}"""),
                        null,
                        "dynamodb:PutItem",
                        TABLE,
                        Map.of("dynamodb:returnvalues", List.of("ALL_NEW")),
                        Outcome.NO_IDENTITY_ALLOW),
                new Case(
                        "StringLike with a wildcard",
                        operators,
                        policy("""
                        {"Effect":"Allow","Action":"dynamodb:*","Resource":"*",
                         "Condition":{"ForAllValues:StringLike":{"dynamodb:LeadingKeys":["USER#${aws:userid}*"]}}}"""),
                        null,
                        "dynamodb:Query",
                        TABLE,
                        Map.of("dynamodb:leadingkeys", List.of("USER#AIDAALICE#2026")),
                        Outcome.ALLOW),
                new Case(
                        "StringEqualsIgnoreCase",
                        operators,
                        policy("""
                        {"Effect":"Allow","Action":"dynamodb:*","Resource":"*",
                         "Condition":{"StringEqualsIgnoreCase":{"dynamodb:Select":"count"}}}"""),
                        null,
                        "dynamodb:Scan",
                        TABLE,
                        Map.of("dynamodb:select", List.of("COUNT")),
                        Outcome.ALLOW),
                new Case(
                        "NumericLessThanEquals",
                        operators,
                        policy("""
                        {"Effect":"Allow","Action":"dynamodb:*","Resource":"*",
                         "Condition":{"NumericLessThanEquals":{"aws:MultiFactorAuthAge":"3600"}}}"""),
                        null,
                        "dynamodb:Scan",
                        TABLE,
                        Map.of("aws:multifactorauthage", List.of("120")),
                        Outcome.ALLOW),
                new Case(
                        "NumericGreaterThan fails",
                        operators,
                        policy("""
                        {"Effect":"Allow","Action":"dynamodb:*","Resource":"*",
                         "Condition":{"NumericGreaterThan":{"aws:MultiFactorAuthAge":3600}}}"""),
                        null,
                        "dynamodb:Scan",
                        TABLE,
                        Map.of("aws:multifactorauthage", List.of("120")),
                        Outcome.NO_IDENTITY_ALLOW),
                new Case(
                        "DateLessThan",
                        operators,
                        policy("""
                        {"Effect":"Allow","Action":"dynamodb:*","Resource":"*",
                         "Condition":{"DateLessThan":{"aws:CurrentTime":"2027-01-01T00:00:00Z"}}}"""),
                        null,
                        "dynamodb:Scan",
                        TABLE,
                        Map.of("aws:currenttime", List.of("2026-12-05T20:00:00Z")),
                        Outcome.ALLOW),
                new Case(
                        "Bool",
                        operators,
                        policy("""
                        {"Effect":"Deny","Action":"dynamodb:*","Resource":"*",
                         "Condition":{"Bool":{"aws:SecureTransport":"false"}}},
                        {"Effect":"Allow","Action":"dynamodb:*","Resource":"*"}"""),
                        null,
                        "dynamodb:Scan",
                        TABLE,
                        Map.of(),
                        Outcome.DENIED_BY_IDENTITY),
                new Case(
                        "Null true: the key is absent",
                        operators + "#Conditions_Null",
                        policy("""
                        {"Effect":"Allow","Action":"dynamodb:*","Resource":"*",
                         "Condition":{"Null":{"dynamodb:LeadingKeys":"true"}}}"""),
                        null,
                        "dynamodb:Scan",
                        TABLE,
                        Map.of(),
                        Outcome.ALLOW),
                new Case(
                        "Null false: the key is present",
                        operators + "#Conditions_Null",
                        policy("""
                        {"Effect":"Allow","Action":"dynamodb:*","Resource":"*",
                         "Condition":{"Null":{"dynamodb:LeadingKeys":"false"}}}"""),
                        null,
                        "dynamodb:Scan",
                        TABLE,
                        Map.of(),
                        Outcome.NO_IDENTITY_ALLOW),
                new Case(
                        "ArnLike on aws:PrincipalArn",
                        operators,
                        policy("""
                        {"Effect":"Allow","Action":"dynamodb:*","Resource":"*",
                         "Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::111122223333:user/*"}}}"""),
                        null,
                        "dynamodb:Scan",
                        TABLE,
                        Map.of(),
                        Outcome.ALLOW),
                new Case(
                        "${aws:username} in a Resource",
                        variables,
                        policy("""
                        {"Effect":"Allow","Action":"dynamodb:*","Resource":"arn:aws:dynamodb:*:*:table/${aws:username}-*"}"""),
                        null,
                        "dynamodb:GetItem",
                        "arn:aws:dynamodb:us-east-1:111122223333:table/alice-notes",
                        Map.of(),
                        Outcome.ALLOW),
                new Case(
                        "${aws:username} in a Resource: another user's table",
                        variables,
                        policy("""
                        {"Effect":"Allow","Action":"dynamodb:*","Resource":"arn:aws:dynamodb:*:*:table/${aws:username}-*"}"""),
                        null,
                        "dynamodb:GetItem",
                        "arn:aws:dynamodb:us-east-1:111122223333:table/bob-notes",
                        Map.of(),
                        Outcome.NO_IDENTITY_ALLOW),
                new Case(
                        "${aws:PrincipalTag/team}",
                        variables,
                        policy("""
                        {"Effect":"Allow","Action":"dynamodb:*","Resource":"*",
                         "Condition":{"ForAllValues:StringEquals":{"dynamodb:LeadingKeys":"TEAM#${aws:PrincipalTag/team}"}}}"""),
                        null,
                        "dynamodb:Query",
                        TABLE,
                        Map.of("dynamodb:leadingkeys", List.of("TEAM#blue")),
                        Outcome.ALLOW),
                new Case(
                        "a variable with a default value",
                        variables,
                        policy("""
                        {"Effect":"Allow","Action":"dynamodb:*","Resource":"*",
                         "Condition":{"StringEquals":{"dynamodb:Select":"${aws:PrincipalTag/select, 'COUNT'}"}}}"""),
                        null,
                        "dynamodb:Scan",
                        TABLE,
                        Map.of("dynamodb:select", List.of("COUNT")),
                        Outcome.ALLOW),
                new Case(
                        "a variable the request lacks matches nothing",
                        variables,
                        policy("""
                        {"Effect":"Allow","Action":"dynamodb:*","Resource":"arn:aws:dynamodb:*:*:table/${aws:PrincipalTag/missing}"}"""),
                        null,
                        "dynamodb:Scan",
                        TABLE,
                        Map.of(),
                        Outcome.NO_IDENTITY_ALLOW),
                new Case(
                        "${*} is a literal star",
                        variables,
                        policy("""
                        {"Effect":"Allow","Action":"dynamodb:*","Resource":"*",
                         "Condition":{"StringLike":{"dynamodb:Select":"A${*}"}}}"""),
                        null,
                        "dynamodb:Scan",
                        TABLE,
                        Map.of("dynamodb:select", List.of("ALL")),
                        Outcome.NO_IDENTITY_ALLOW),
                new Case(
                        "same account: a resource policy naming the user allows alone",
                        evaluation,
                        null,
                        rbacPolicy("Allow", "arn:aws:iam::111122223333:user/alice", "dynamodb:GetItem"),
                        "dynamodb:GetItem",
                        TABLE,
                        Map.of(),
                        Outcome.ALLOW),
                new Case(
                        "same account: a resource policy naming the account delegates to identity",
                        evaluation,
                        null,
                        rbacPolicy("Allow", "111122223333", "dynamodb:GetItem"),
                        "dynamodb:GetItem",
                        TABLE,
                        Map.of(),
                        Outcome.NO_IDENTITY_ALLOW),
                new Case(
                        "a resource policy's explicit Deny wins",
                        rbac,
                        allowAllDenyDelete,
                        rbacPolicy("Deny", "arn:aws:iam::111122223333:user/alice", "dynamodb:PutItem"),
                        "dynamodb:PutItem",
                        TABLE,
                        Map.of(),
                        Outcome.DENIED_BY_RESOURCE),
                new Case(
                        "cross account: identity allow alone is not enough",
                        crossAccount,
                        allowAllDenyDelete,
                        null,
                        "dynamodb:GetItem",
                        OTHER_TABLE,
                        Map.of(),
                        Outcome.NO_RESOURCE_ALLOW),
                new Case(
                        "cross account: resource allow alone is not enough",
                        crossAccount,
                        null,
                        rbacPolicy("Allow", "arn:aws:iam::111122223333:user/alice", "dynamodb:GetItem"),
                        "dynamodb:GetItem",
                        OTHER_TABLE,
                        Map.of(),
                        Outcome.NO_IDENTITY_ALLOW),
                new Case(
                        "cross account: both allow",
                        crossAccount,
                        allowAllDenyDelete,
                        rbacPolicy("Allow", "111122223333", "dynamodb:GetItem"),
                        "dynamodb:GetItem",
                        OTHER_TABLE,
                        Map.of(),
                        Outcome.ALLOW));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decidesAsIamDocuments(Case c) {
        Principal alice = alice(c.identityPolicy());
        IamPolicy resource =
                c.resourcePolicy() == null ? null : IamPolicy.compile(c.resourcePolicy(), IamPolicy.Kind.RESOURCE);
        String owner = c.resource().split(":")[4];
        AccessRequest request = new AccessRequest(c.action(), c.resource(), owner, new HashMap<>(c.keys()));
        Outcome outcome =
                Evaluator.decide(alice, request, new RequestContext(alice.contextKeys(), request.keys()), resource);
        assertThat(outcome).as(c.name() + " (" + c.source() + ")").isEqualTo(c.expected());
    }

    @Test
    void deniesInIamsWords() {
        Principal alice = alice(null);
        AccessRequest request = new AccessRequest("dynamodb:GetItem", TABLE, "111122223333", Map.of());
        assertThat(Evaluator.denial(Outcome.NO_IDENTITY_ALLOW, alice, request).getMessage())
                .startsWith(
                        "User: arn:aws:iam::111122223333:user/alice is not authorized to perform: dynamodb:GetItem on "
                                + "resource: " + TABLE
                                + " because no identity-based policy allows the dynamodb:GetItem action");
        assertThat(Evaluator.denial(Outcome.DENIED_BY_IDENTITY, alice, request).getMessage())
                .startsWith(
                        "User: arn:aws:iam::111122223333:user/alice is not authorized to perform: dynamodb:GetItem on "
                                + "resource: " + TABLE + " with an explicit deny in an identity-based policy");
        assertThat(Evaluator.denial(Outcome.DENIED_BY_RESOURCE, alice, request).getMessage())
                .contains("with an explicit deny in a resource-based policy");
        assertThat(Evaluator.denial(Outcome.NO_RESOURCE_ALLOW, alice, request).getMessage())
                .contains("because no resource-based policy allows the dynamodb:GetItem action");
        assertThat(Evaluator.denial(Outcome.NO_RESOURCE_ALLOW, alice, request)
                        .awsErrorDetails()
                        .errorCode())
                .isEqualTo("AccessDeniedException");
    }

    @Test
    void principalsFileErrorsNameTheEntry() {
        assertThatThrownBy(() -> PrincipalsFile.parse("""
                [{"accessKeyId":"AKIA1","secretAccessKey":"s","principalArn":"arn:aws:iam::111122223333:user/a",
                  "policies":[{"Statement":[{"Effect":"Allow","Action":"dynamodb:*","Resource":"*",
                    "Condition":{"StringEqualsSometimes":{"aws:userid":"x"}}}]}]}]"""))
                .hasMessageContaining("entry 0")
                .hasMessageContaining("unknown condition operator");
        assertThatThrownBy(() -> PrincipalsFile.parse("""
                [{"accessKeyId":"AKIA1","secretAccessKey":"s","principalArn":"alice"}]""")).hasMessageContaining("twelve-digit account");
        assertThatThrownBy(() -> PrincipalsFile.parse("{}")).hasMessageContaining("JSON array");
    }

    private static Principal alice(String policy) {
        String policies = policy == null ? "[]" : "[" + policy + "]";
        return PrincipalsFile.parse("""
                [{"accessKeyId":"AKIAALICE","secretAccessKey":"secret","principalArn":"arn:aws:iam::111122223333:user/alice",
                  "userId":"AIDAALICE","tags":{"team":"blue"},"policies":%s}]""".formatted(policies)).byAccessKey("AKIAALICE");
    }

    private static String policy(String statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}";
    }

    private static String rbacPolicy(String effect, String principal, String action) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"" + effect + "\",\"Principal\":{\"AWS\":\""
                + principal + "\"},\"Action\":\"" + action + "\",\"Resource\":\"*\"}]}";
    }
}
