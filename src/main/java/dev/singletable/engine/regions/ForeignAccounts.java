package dev.singletable.engine.regions;

import dev.singletable.engine.error.EngineErrors;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteResourcePolicyRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetResourcePolicyRequest;
import software.amazon.awssdk.services.dynamodb.model.PutResourcePolicyRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Refuses a request that names a resource of another account by its ARN. Without a resource-based policy granting
 * it, IAM denies any cross-account call before DynamoDB looks for the resource, with AccessDeniedException
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html). The
 * engine has no policies yet, so every cross-account ARN is refused; the caller is named as its account's root
 * principal.
 */
public final class ForeignAccounts {

    /** The request members that may carry an ARN of a table, an index, a stream or a backup. */
    private static final List<String> ARN_MEMBERS = List.of("TableName", "ResourceArn", "TableArn", "StreamArn",
            "BackupArn", "SourceTableArn", "GlobalTableSourceArn");

    private ForeignAccounts() {
    }

    /** Throws AccessDeniedException if the request names an ARN of an account other than {@code account}. */
    public static void check(SdkRequest request, String account) {
        for (String member : ARN_MEMBERS) {
            String value = request.getValueForField(member, String.class).orElse(null);
            if (member.equals("TableName")) {
                checkOne(value, request, account);
            } else {
                checkResource(value, request, account);
            }
        }
        if (request instanceof BatchGetItemRequest batch && batch.hasRequestItems()) {
            checkAll(batch.requestItems(), request, account);
        } else if (request instanceof BatchWriteItemRequest batch && batch.hasRequestItems()) {
            checkAll(batch.requestItems(), request, account);
        } else if (request instanceof TransactWriteItemsRequest tx && tx.hasTransactItems()) {
            for (TransactWriteItem item : tx.transactItems()) {
                if (item == null) {
                    continue;
                }
                checkOne(item.put() == null ? null : item.put().tableName(), request, account);
                checkOne(item.update() == null ? null : item.update().tableName(), request, account);
                checkOne(item.delete() == null ? null : item.delete().tableName(), request, account);
                checkOne(item.conditionCheck() == null ? null : item.conditionCheck().tableName(), request, account);
            }
        } else if (request instanceof TransactGetItemsRequest tx && tx.hasTransactItems()) {
            for (TransactGetItem item : tx.transactItems()) {
                checkOne(item == null || item.get() == null ? null : item.get().tableName(), request, account);
            }
        }
    }

    private static void checkAll(Map<String, ?> requestItems, SdkRequest request, String account) {
        for (String table : requestItems.keySet()) {
            checkOne(table, request, account);
        }
    }

    /**
     * A table named by the ARN of another account: AWS answers a bare "Access is denied" (recorded by public probes
     * of AWS, as {@code dev.singletable.engine.core.TableNames} documents).
     */
    private static void checkOne(String value, SdkRequest request, String account) {
        String owner = accountOf(value);
        if (owner != null && !owner.equals(account)) {
            throw EngineErrors.of("AccessDeniedException", "Access is denied", 400);
        }
    }

    /**
     * A resource ARN (tags, streams, backups) of another account: IAM's cross-account denial. The resource-policy
     * operations are left to {@code PolicyOperations}, which answers AWS's own ValidationException for them (a
     * policy is managed only by the resource's owner; {@code ResourcePolicyTest}).
     */
    private static void checkResource(String value, SdkRequest request, String account) {
        if (request instanceof GetResourcePolicyRequest || request instanceof PutResourcePolicyRequest
                || request instanceof DeleteResourcePolicyRequest) {
            return;
        }
        String owner = accountOf(value);
        if (owner != null && !owner.equals(account)) {
            throw denied(request, account, value);
        }
    }

    /** The account of a DynamoDB ARN ({@code arn:aws:dynamodb:region:account:table/...}), or null for a plain name. */
    static String accountOf(String value) {
        if (value == null || !value.startsWith("arn:")) {
            return null;
        }
        String[] parts = value.split(":", 6);
        if (parts.length < 6 || !"dynamodb".equals(parts[2]) || !Accounts.isAccountId(parts[4])) {
            return null;
        }
        return parts[4];
    }

    static DynamoDbException denied(SdkRequest request, String callerAccount, String resource) {
        String action = "dynamodb:" + operationName(request);
        return EngineErrors.of("AccessDeniedException", "User: arn:aws:iam::" + callerAccount + ":root is not "
                + "authorized to perform: " + action + " on resource: " + resource
                + " because no resource-based policy allows the " + action + " action", 400);
    }

    /** {@code GetItemRequest} is GetItem. */
    static String operationName(SdkRequest request) {
        String name = request.getClass().getSimpleName();
        return name.endsWith("Request") ? name.substring(0, name.length() - "Request".length()) : name;
    }
}
