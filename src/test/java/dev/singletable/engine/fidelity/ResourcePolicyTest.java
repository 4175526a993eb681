package dev.singletable.engine.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Resource-based policies on tables and streams: PutResourcePolicy, GetResourcePolicy, DeleteResourcePolicy
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutResourcePolicy.html, API_GetResourcePolicy,
 * API_DeleteResourcePolicy) and CreateTable's ResourcePolicy. The messages, the revision ids (epoch milliseconds of the
 * change), the no-op re-put, the deletion's revision and the canonical form a policy reads back in are AWS's as
 * recorded by AWS-verified tests (moto's test_dynamodb_resource_policy.py, marked aws_verified) and public probes of
 * AWS; the size limit and stream rules are in
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/rbac-considerations.html. DynamoDB Local 2.6.1 has
 * no resource policies, so these run on our engine only.
 */
class ResourcePolicyTest extends DifferentialTest {

    private static final String NOT_FOUND = "Resource-based policy not found for the provided ResourceArn: ";

    private static String policy(String tableArn, String action) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": "
                + "\"111122223333\"}, \"Action\": [\"" + action + "\"], \"Resource\": \"" + tableArn + "\"}]}";
    }

    private String table() {
        return hashTable("pk", ScalarAttributeType.S);
    }

    private String arnOf(String table) {
        return ours.describeTable(r -> r.tableName(table)).table().tableArn();
    }

    private Outcome error(
            java.util.function.Function<software.amazon.awssdk.services.dynamodb.DynamoDbClient, ?> call) {
        Outcome outcome = oursOnly(call);
        assertThat(outcome.isError()).as("an error, got %s", outcome.value()).isTrue();
        assertThat(outcome.status()).isEqualTo(400);
        return outcome;
    }

    @Test
    void aPolicyIsPutReadBackInCanonicalFormAndRePutAsANoOp() {
        String t = table();
        String arn = arnOf(t);
        String revision = ours.putResourcePolicy(r -> r.resourceArn(arn).policy(policy(arn, "dynamodb:*")))
                .revisionId();
        assertThat(revision).matches("\\d{13}");
        var got = ours.getResourcePolicy(r -> r.resourceArn(arn));
        assertThat(got.revisionId()).isEqualTo(revision);
        // minified, 1-element lists as strings, an account id as its root ARN
        assertThat(got.policy())
                .isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"dynamodb:*\",\"Resource\":\""
                        + arn + "\"}]}");
        // the same document in another form is the same policy; re-putting the read-back is a no-op too
        assertThat(ours.putResourcePolicy(r -> r.resourceArn(arn).policy(got.policy()))
                        .revisionId())
                .isEqualTo(revision);
        String changed = ours.putResourcePolicy(r -> r.resourceArn(arn).policy(policy(arn, "dynamodb:PutItem")))
                .revisionId();
        assertThat(Long.parseLong(changed)).isGreaterThan(Long.parseLong(revision));
        assertThat(ours.getResourcePolicy(r -> r.resourceArn(arn)).policy()).contains("\"dynamodb:PutItem\"");
    }

    @Test
    void expectedRevisionIdsMustMatch() {
        String t = table();
        String arn = arnOf(t);
        String first = ours.putResourcePolicy(r ->
                        r.resourceArn(arn).policy(policy(arn, "dynamodb:*")).expectedRevisionId("NO_POLICY"))
                .revisionId();
        String second = ours.putResourcePolicy(r -> r.resourceArn(arn)
                        .policy(policy(arn, "dynamodb:PutItem"))
                        .expectedRevisionId(first))
                .revisionId();
        Outcome stale = error(c -> c.putResourcePolicy(
                r -> r.resourceArn(arn).policy(policy(arn, "dynamodb:GetItem")).expectedRevisionId(first)));
        assertThat(stale.errorCode()).isEqualTo("PolicyNotFoundException");
        assertThat(stale.message())
                .isEqualTo(NOT_FOUND + "Requested update for policy with revision id " + first
                        + ", but the policy associated to target table " + t + " has revision id " + second + ".");
        Outcome none = error(c -> c.putResourcePolicy(
                r -> r.resourceArn(arn).policy(policy(arn, "dynamodb:GetItem")).expectedRevisionId("NO_POLICY")));
        assertThat(none.message())
                .isEqualTo(NOT_FOUND + "Requested policy update expecting none to be present for " + "table " + t
                        + ", but a policy exists with revision id " + second + ".");
        Outcome staleDelete =
                error(c -> c.deleteResourcePolicy(r -> r.resourceArn(arn).expectedRevisionId(first)));
        assertThat(staleDelete.errorCode()).isEqualTo("PolicyNotFoundException");
        assertThat(ours.getResourcePolicy(r -> r.resourceArn(arn)).revisionId()).isEqualTo(second);
    }

    @Test
    void deletingIsIdempotentAndKeepsTheDeletionsRevision() {
        String t = table();
        String arn = arnOf(t);
        Outcome missing = error(c -> c.getResourcePolicy(r -> r.resourceArn(arn)));
        assertThat(missing.errorCode()).isEqualTo("PolicyNotFoundException");
        assertThat(missing.message()).isEqualTo(NOT_FOUND + arn);
        // never had one: no revision
        assertThat(ours.deleteResourcePolicy(r -> r.resourceArn(arn)).revisionId())
                .isNull();
        // AWS's wording up to "…has no associated", as a public probe of the real service recorded it (its record
        // stops there; the same probe calls the case "table X has no associated policy"), DDB-TABLE-205 and 209 in
        // https://github.com/aws-controllers-k8s/dynamodb-controller/blob/8ebf2a64f38f7450ebbf16b07d4fb76d05267a40/docs/api-quirks/table-policy-kinesis-autoscaling.md
        Outcome bogus =
                error(c -> c.deleteResourcePolicy(r -> r.resourceArn(arn).expectedRevisionId("123456789")));
        assertThat(bogus.message())
                .isEqualTo(NOT_FOUND + "Requested update for policy with revision id 123456789, but " + "table " + t
                        + " has no associated policy.");
        String put = ours.putResourcePolicy(r -> r.resourceArn(arn).policy(policy(arn, "dynamodb:*")))
                .revisionId();
        // the first delete answers with the removed policy's revision, later ones with the deletion's
        assertThat(ours.deleteResourcePolicy(r -> r.resourceArn(arn).expectedRevisionId(put))
                        .revisionId())
                .isEqualTo(put);
        assertThat(error(c -> c.getResourcePolicy(r -> r.resourceArn(arn))).errorCode())
                .isEqualTo("PolicyNotFoundException");
        String deletion = ours.deleteResourcePolicy(r -> r.resourceArn(arn)).revisionId();
        assertThat(Long.parseLong(deletion)).isGreaterThan(Long.parseLong(put));
        Outcome removed =
                error(c -> c.deleteResourcePolicy(r -> r.resourceArn(arn).expectedRevisionId(put)));
        assertThat(removed.message())
                .isEqualTo(NOT_FOUND + "Requested update for policy with revision id " + put
                        + ", but the policy associated to target table " + t + " has revision id " + deletion + ".");
        // a policy may be attached again, expecting none
        assertThat(ours.putResourcePolicy(r -> r.resourceArn(arn)
                                .policy(policy(arn, "dynamodb:*"))
                                .expectedRevisionId("NO_POLICY"))
                        .revisionId())
                .isNotNull();
    }

    @Test
    void invalidDocumentsAreRefusedAndChangeNothing() {
        String t = table();
        String arn = arnOf(t);
        String kept = ours.putResourcePolicy(r -> r.resourceArn(arn).policy(policy(arn, "dynamodb:*")))
                .revisionId();
        String prefix = "One or more parameter values were invalid: ";
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("{not json", prefix + "Invalid policy document: This policy contains invalid Json");
        cases.put("", prefix + "Invalid policy document: This policy contains invalid Json");
        cases.put(
                "{\"Version\":\"2012-10-17\",\"Statement\":[]}",
                prefix + "Invalid policy document: Could not parse the policy: Statement is empty!");
        cases.put(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                        + "\"111122223333\"},\"Action\":\"dynamodb:GetItem\"}]}",
                prefix + "Invalid policy document: Missing required field Resource");
        cases.put(
                "{\"Version\":\"2012-10-17\",\"Statement\":[" + statement("A", "dynamodb:GetItem", arn) + ","
                        + statement("A", "dynamodb:PutItem", arn) + "]}",
                prefix + "Invalid policy document: The Statement Ids in the policy are not unique");
        cases.put(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":"
                        + "\"dynamodb:GetItem\",\"Resource\":\"" + arn + "\"}]}",
                "Resource-based policy grants unbounded "
                        + "access in one or more elements. Please revise the policy to ensure least-privilege form of access");
        cases.put(
                "{\"Version\":\"2012-10-17\",\"Statement\":[" + statement("S", "dynamodb:GetRecords", arn) + "]}",
                prefix + "Invalid policy document: The following action names are invalid: \"dynamodb:GetRecords\"");
        cases.put(
                policy(arn, "dynamodb:*") + " ".repeat(20480), prefix + "Maximum policy size of 20480 bytes exceeded");
        cases.forEach((document, message) -> {
            Outcome refused =
                    error(c -> c.putResourcePolicy(r -> r.resourceArn(arn).policy(document)));
            assertThat(refused.errorCode()).as(document).isEqualTo("ValidationException");
            assertThat(refused.message()).as(document).isEqualTo(message);
        });
        Outcome bare = error(c -> c.putResourcePolicy(r -> r.resourceArn(arn)
                .policy("{\"Version\":\"2012-10-17\","
                        + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"111122223333\",\"Action\":\"dynamodb:GetItem\","
                        + "\"Resource\":\"" + arn + "\"}]}")));
        assertThat(bare.message()).startsWith(prefix + "Invalid policy document: Syntax error at position (1,");
        assertThat(ours.getResourcePolicy(r -> r.resourceArn(arn)).revisionId()).isEqualTo(kept);
    }

    /**
     * Degenerate documents, each with the sentence a public probe of the real service recorded for it (DDB-TABLE-457,
     * https://github.com/aws-controllers-k8s/dynamodb-controller/blob/4534c4f1fe6b8d590bf14e64e86169320a116a1f/docs/api-quirks/details/DDB-TABLE-457.md):
     * an empty object is a syntax error just past its end, {@code null} is not a policy, an array is not JSON IAM
     * reads, an empty statement lacks its Effect first.
     */
    @Test
    void degenerateDocumentsGetAwsSentences() {
        String arn = arnOf(table());
        String invalid = "One or more parameter values were invalid: Invalid policy document: ";
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("{}", invalid + "Syntax error at position (1,3)");
        cases.put("null", invalid + "This text appears not to be a policy");
        cases.put("[]", invalid + "This policy contains invalid Json");
        cases.put("", invalid + "This policy contains invalid Json");
        cases.put("{\"Statement\":[{}]}", invalid + "Missing required field Effect");
        cases.put("{\"Statement\":[]}", invalid + "Could not parse the policy: Statement is empty!");
        cases.forEach((document, message) -> {
            Outcome refused =
                    error(c -> c.putResourcePolicy(r -> r.resourceArn(arn).policy(document)));
            assertThat(refused.errorCode()).as(document).isEqualTo("ValidationException");
            assertThat(refused.message()).as(document).isEqualTo(message);
        });
        assertThat(error(c -> c.getResourcePolicy(r -> r.resourceArn(arn))).errorCode())
                .isEqualTo("PolicyNotFoundException");
    }

    private static String statement(String sid, String action, String resource) {
        return "{\"Sid\":\"" + sid + "\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111122223333\"},\"Action\":\""
                + action + "\",\"Resource\":\"" + resource + "\"}";
    }

    @Test
    void documentsAreKeptInDynamoDbsCanonicalForm() {
        String t = table();
        String arn = arnOf(t);
        // no Version, a lower-case effect, a Statement object, keys out of order, repeated principals, a condition
        ours.putResourcePolicy(r -> r.resourceArn(arn)
                .policy("{\"Statement\": {\"Resource\": [\"" + arn + "\", \""
                        + arn
                        + "/index/*\"], \"Action\": [\"dynamodb:Query\", \"dynamodb:GetItem\"], \"Effect\": \"allow\", "
                        + "\"Condition\": {\"StringEquals\": {\"aws:PrincipalAccount\": [\"111122223333\"]}}, \"Sid\": \"R\", "
                        + "\"Principal\": {\"AWS\": [\"111122223333\", \"arn:aws:iam::111122223333:root\"]}}}"));
        assertThat(ours.getResourcePolicy(r -> r.resourceArn(arn)).policy())
                .isEqualTo("{\"Version\":\"2008-10-17\","
                        + "\"Statement\":[{\"Sid\":\"R\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
                        + "111122223333:root\"},\"Action\":[\"dynamodb:Query\",\"dynamodb:GetItem\"],\"Resource\":[\""
                        + arn
                        + "\",\"" + arn + "/index/*\"],\"Condition\":{\"StringEquals\":{\"aws:PrincipalAccount\":"
                        + "\"111122223333\"}}}]}");
    }

    @Test
    void resourceArnsAreCheckedAsAwsChecksThem() {
        String t = table();
        String arn = arnOf(t);
        String prefix = "One or more parameter values were invalid: ";
        assertThat(error(c -> c.getResourcePolicy(r -> r.resourceArn(t))).message())
                .isEqualTo(prefix + "ARNs must start with 'arn:': " + t);
        String otherAccount = arn.replace(":000000000000:", ":111122223333:");
        Outcome account = error(c -> c.getResourcePolicy(r -> r.resourceArn(otherAccount)));
        assertThat(account.errorCode()).isEqualTo("ValidationException");
        assertThat(account.message())
                .isEqualTo(
                        "This action is only supported by accounts that match the resource " + "owner\u2019s account.");
        String otherRegion = arn.replace(":us-east-1:", ":us-west-2:");
        assertThat(error(c -> c.deleteResourcePolicy(r -> r.resourceArn(otherRegion)))
                        .message())
                .isEqualTo(prefix + "Invalid resource Arn: " + otherRegion);
        assertThat(error(c -> c.putResourcePolicy(
                                r -> r.resourceArn(arn + "/index/gsi").policy(policy(arn, "dynamodb:*"))))
                        .message())
                .isEqualTo(prefix + "Invalid resource arn provided, "
                        + "only table or stream is accepted. Provided resource arn: " + arn + "/index/gsi");
        assertThat(error(c -> c.getResourcePolicy(r -> r.resourceArn(arn + "/backup/01700000000000-abcdefgh")))
                        .message())
                .isEqualTo(prefix + "Provided Arn is not a DynamoDB resource arn: " + arn
                        + "/backup/01700000000000-abcdefgh");
        for (var call :
                java.util.List
                        .<java.util.function.Function<software.amazon.awssdk.services.dynamodb.DynamoDbClient, ?>>of(
                                c -> c.getResourcePolicy(r -> r.resourceArn(arn + "_")),
                                c -> c.deleteResourcePolicy(r -> r.resourceArn(arn + "_")),
                                c -> c.putResourcePolicy(
                                        r -> r.resourceArn(arn + "_").policy(policy(arn, "dynamodb:*"))))) {
            Outcome missing = error(call);
            assertThat(missing.errorCode()).isEqualTo("ResourceNotFoundException");
            assertThat(missing.message()).isEqualTo("Requested resource not found: Table: " + t + "_ not found");
        }
    }

    @Test
    void streamsHaveTheirOwnPolicy() {
        String t = table();
        String arn = arnOf(t);
        String streamArn = ours.updateTable(r -> r.tableName(t)
                        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)))
                .tableDescription()
                .latestStreamArn();
        String streamPolicy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"111122223333\"},\"Action\":[\"dynamodb:GetRecords\",\"dynamodb:GetShardIterator\","
                + "\"dynamodb:DescribeStream\"],\"Resource\":\"" + streamArn + "\"}]}";
        String revision = ours.putResourcePolicy(r -> r.resourceArn(streamArn).policy(streamPolicy))
                .revisionId();
        assertThat(ours.getResourcePolicy(r -> r.resourceArn(streamArn)).revisionId())
                .isEqualTo(revision);
        // the table's slot is separate
        assertThat(error(c -> c.getResourcePolicy(r -> r.resourceArn(arn))).errorCode())
                .isEqualTo("PolicyNotFoundException");
        // a table action is not a stream action
        assertThat(error(c -> c.putResourcePolicy(
                                r -> r.resourceArn(streamArn).policy(policy(streamArn, "dynamodb:PutItem"))))
                        .message())
                .isEqualTo("One or more parameter values were invalid: Invalid policy "
                        + "document: The following action names are invalid: \"dynamodb:PutItem\"");
        String bogus = arn + "/stream/2000-01-01T00:00:00.000";
        Outcome missing = error(c -> c.getResourcePolicy(r -> r.resourceArn(bogus)));
        assertThat(missing.errorCode()).isEqualTo("ResourceNotFoundException");
        assertThat(missing.message())
                .isEqualTo(
                        "Requested resource not found: Stream: 2000-01-01T00:00:00.000 not " + "found for Table: " + t);
    }

    @Test
    void lockingOneselfOutNeedsConfirmation() {
        String t = table();
        String arn = arnOf(t);
        String deny = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":"
                + "[\"dynamodb:PutResourcePolicy\",\"dynamodb:DeleteResourcePolicy\"],\"Resource\":\"" + arn + "\"}]}";
        Outcome refused = error(c -> c.putResourcePolicy(r -> r.resourceArn(arn).policy(deny)));
        assertThat(refused.errorCode()).isEqualTo("AccessDeniedException");
        assertThat(refused.message())
                .isEqualTo(
                        "The new resource policy will not allow you to update the resource " + "policy in the future.");
        assertThat(ours.putResourcePolicy(r -> r.resourceArn(arn).policy(deny).confirmRemoveSelfResourceAccess(true))
                        .revisionId())
                .isNotNull();
    }

    @Test
    void createTableAttachesAPolicyAndDeleteTableTakesItAway() {
        String name = uniqueName("policy_create");
        String arn = "arn:aws:dynamodb:us-east-1:000000000000:table/" + name;
        ours.createTable(b -> b.tableName(name)
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(attr("pk", ScalarAttributeType.S))
                .keySchema(hashKey("pk"))
                .resourcePolicy(policy(arn, "dynamodb:GetItem")));
        var got = ours.getResourcePolicy(r -> r.resourceArn(arn));
        assertThat(got.policy()).contains("\"Action\":\"dynamodb:GetItem\"");
        assertThat(got.revisionId()).matches("\\d{13}");
        ours.deleteTable(r -> r.tableName(name));
        ours.createTable(b -> b.tableName(name)
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(attr("pk", ScalarAttributeType.S))
                .keySchema(hashKey("pk")));
        assertThat(error(c -> c.getResourcePolicy(r -> r.resourceArn(arn))).errorCode())
                .isEqualTo("PolicyNotFoundException");
        // an invalid policy fails CreateTable and creates nothing
        String refusedName = uniqueName("policy_refused");
        Outcome refused = error(c -> c.createTable(b -> b.tableName(refusedName)
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(attr("pk", ScalarAttributeType.S))
                .keySchema(hashKey("pk"))
                .resourcePolicy("{nope")));
        assertThat(refused.message())
                .isEqualTo("One or more parameter values were invalid: Invalid policy document: "
                        + "This policy contains invalid Json");
        assertThat(error(c -> c.describeTable(r -> r.tableName(refusedName))).errorCode())
                .isEqualTo("ResourceNotFoundException");
    }
}
