package dev.singletable.engine.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.singletable.engine.EmbeddedEngine;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * PutResourcePolicy's ConfirmRemoveSelfResourceAccess: "Set this parameter to true to confirm that you want to remove
 * your permissions to change the policy of this resource in the future"
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutResourcePolicy.html#DDB-PutResourcePolicy-request-ConfirmRemoveSelfResourceAccess).
 * So the confirmation is needed only when the new policy would deny the caller itself dynamodb:PutResourcePolicy on
 * the resource: a Deny aimed at someone else is attached without it. The caller is the configured principal, or
 * without a principals file its account's root user.
 */
class SelfLockoutTest {

    private static final String ACCOUNT = "111122223333";
    private static final String LOCKED_OUT =
            "The new resource policy will not allow you to update the resource policy " + "in the future.";

    @Test
    void onlyADenyOfTheCallerItselfNeedsTheConfirmation() {
        try (EmbeddedEngine engine = EmbeddedEngine.inMemory()) {
            DynamoDbClient root = engine.clientsOf(ACCOUNT, "us-east-1").dynamo();
            String arn = createTable(root, "Notes");
            AccessControl access = AccessControl.over(engine, PrincipalsFile.parse("""
                    [{"accessKeyId":"AKIAADMIN","secretAccessKey":"a","principalArn":"arn:aws:iam::%s:user/admin",
                      "policies":[{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"dynamodb:*",
                        "Resource":"*"}]}]}]""".formatted(ACCOUNT)));
            DynamoDbClient admin = access.clients("AKIAADMIN", "us-east-1").dynamo();

            String denyOthers = denyPolicyUpdates(arn, "arn:aws:iam::" + ACCOUNT + ":user/intern");
            assertThat(admin.putResourcePolicy(b -> b.resourceArn(arn).policy(denyOthers))
                            .revisionId())
                    .as("a principal the Deny does not name keeps its access")
                    .isNotNull();
            String denyOtherAccount = denyPolicyUpdates(arn, "arn:aws:iam::444455556666:root");
            assertThat(root.putResourcePolicy(b -> b.resourceArn(arn).policy(denyOtherAccount))
                            .revisionId())
                    .as("without principals the caller is its account's root user, which this Deny does not name")
                    .isNotNull();

            String denyAdmin = denyPolicyUpdates(arn, "arn:aws:iam::" + ACCOUNT + ":user/admin");
            assertLockedOut(
                    () -> admin.putResourcePolicy(b -> b.resourceArn(arn).policy(denyAdmin)));
            String denyAccount = denyPolicyUpdates(arn, ACCOUNT);
            assertLockedOut(
                    () -> admin.putResourcePolicy(b -> b.resourceArn(arn).policy(denyAccount)));
            assertLockedOut(() -> root.putResourcePolicy(b -> b.resourceArn(arn).policy(denyAccount)));
            assertThat(root.getResourcePolicy(b -> b.resourceArn(arn)).policy())
                    .as("a refused policy is not attached")
                    .contains("444455556666");

            assertThat(admin.putResourcePolicy(
                                    b -> b.resourceArn(arn).policy(denyAdmin).confirmRemoveSelfResourceAccess(true))
                            .revisionId())
                    .isNotNull();
            assertThatThrownBy(() ->
                            admin.putResourcePolicy(b -> b.resourceArn(arn).policy(denyOthers)))
                    .as("and the admin has locked itself out, as confirmed")
                    .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(
                                    e.awsErrorDetails().errorMessage())
                            .contains("with an explicit deny in a resource-based policy"));
        }
    }

    /**
     * "To make sure that you don't inadvertently lock yourself out of your own resources, the root principal in your
     * AWS account can perform DeleteResourcePolicy requests, even if your resource-based policy explicitly denies the
     * root principal's access"
     * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteResourcePolicy.html): only the root
     * user, only DeleteResourcePolicy, only past the resource policy's Deny.
     */
    @Test
    void theRootUserMayDeleteAPolicyThatDeniesItEverything() {
        try (EmbeddedEngine engine = EmbeddedEngine.inMemory()) {
            String arn = createTable(engine.clientsOf(ACCOUNT, "us-east-1").dynamo(), "Notes");
            AccessControl access = AccessControl.over(engine, PrincipalsFile.parse("""
                    [{"accessKeyId":"AKIAADMIN","secretAccessKey":"a","principalArn":"arn:aws:iam::%1$s:user/admin",
                      "policies":[{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"dynamodb:*",
                        "Resource":"*"}]}]},
                     {"accessKeyId":"AKIAROOT","secretAccessKey":"r","principalArn":"arn:aws:iam::%1$s:root",
                      "policies":[]}]""".formatted(ACCOUNT)));
            DynamoDbClient admin = access.clients("AKIAADMIN", "us-east-1").dynamo();
            DynamoDbClient root = access.clients("AKIAROOT", "us-east-1").dynamo();
            String denyEveryone = """
                    {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":{"AWS":"%s"},
                      "Action":"dynamodb:*","Resource":"%s"}]}""".formatted(ACCOUNT, arn);
            admin.putResourcePolicy(b -> b.resourceArn(arn).policy(denyEveryone).confirmRemoveSelfResourceAccess(true));

            for (DynamoDbClient caller : new DynamoDbClient[] {admin, root}) {
                assertThatThrownBy(() -> caller.getResourcePolicy(b -> b.resourceArn(arn)))
                        .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(
                                        e.awsErrorDetails().errorMessage())
                                .contains("with an explicit deny in a resource-based policy"));
                assertThatThrownBy(() -> caller.describeTable(b -> b.tableName("Notes")))
                        .isInstanceOf(DynamoDbException.class);
            }
            assertThatThrownBy(() -> admin.deleteResourcePolicy(b -> b.resourceArn(arn)))
                    .as("a user of the account is not the root user")
                    .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(
                                    e.awsErrorDetails().errorMessage())
                            .contains("perform: dynamodb:DeleteResourcePolicy on resource: " + arn
                                    + " with an explicit deny in a resource-based policy"));

            root.deleteResourcePolicy(b -> b.resourceArn(arn));

            assertThat(admin.describeTable(b -> b.tableName("Notes")).table().tableArn())
                    .as("the policy is gone: the admin's own policy allows again")
                    .isEqualTo(arn);
        }
    }

    private static String denyPolicyUpdates(String arn, String principal) {
        return """
                {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":{"AWS":"%s"},
                  "Action":"dynamodb:PutResourcePolicy","Resource":"%s"}]}""".formatted(principal, arn);
    }

    private static void assertLockedOut(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(LOCKED_OUT);
        });
    }

    private static String createTable(DynamoDbClient client, String name) {
        return client.createTable(b -> b.tableName(name)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)))
                .tableDescription()
                .tableArn();
    }
}
