package dev.singletable.engine.regions;

import dev.singletable.engine.core.Engine;
import dev.singletable.engine.error.EngineErrors;
import dev.singletable.engine.ops.BatchOperations;
import dev.singletable.engine.validation.RequestShapes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A BatchGetItem or BatchWriteItem over tables of two or more accounts, once every part is allowed. A batch is no
 * transaction: each table's part stands on its own, and AWS runs such a batch when every part's policies allow it
 * (both operations support cross-account access through resource-based policies [1]). Each account's tables live in
 * their own namespace here, so the batch is checked as a whole first (its shape, the 100-key or 25-write limit, each
 * table's keys and values, and each part against its tables' key schemas, as {@link BatchOperations} would check it),
 * then split by the account that owns each table, each part run in its account's namespace, and the answers merged:
 * Responses, UnprocessedKeys, UnprocessedItems and ItemCollectionMetrics keyed as the request named the tables (name
 * or ARN), ConsumedCapacity concatenated. A part whose every key or write is throttled is left unprocessed whole when
 * another part was served, as one namespace does with a throttled table [2]; when none was, the first throttling error
 * is the batch's.
 *
 * <p>Transactions over two accounts are not split: their atomicity would span two namespaces, which the engine does
 * not model, so they stay refused ({@link CrossAccountCalls}).
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/rbac-iam-actions.html">DynamoDB
 * actions that support resource-based policies</a><br>
 * [2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchGetItem.html">BatchGetItem</a>
 */
public final class AccountBatches {

    /**
     * Returned (compared by identity) instead of an owning account when a batch's tables belong to several accounts:
     * the caller then runs it through {@link #batchGetItem} or {@link #batchWriteItem}.
     */
    public static final String SEVERAL = new String("several accounts");

    /** Where the parts of a batch run. */
    public interface Parts {

        /** The client that runs a part on the tables of this account (the caller's own for its own account). */
        DynamoDbClient client(String account);

        /** The core of this account's namespace when it is open, else null (never opens one). */
        @Nullable
        Engine core(String account);
    }

    private AccountBatches() {}

    /** Whether a request is a batch whose tables may be split by account. */
    public static boolean splittable(SdkRequest request) {
        return request instanceof BatchGetItemRequest || request instanceof BatchWriteItemRequest;
    }

    /** Runs a split batch: {@code request} must be a BatchGetItemRequest or a BatchWriteItemRequest. */
    public static Object run(SdkRequest request, String ownAccount, Parts parts) {
        if (request instanceof BatchGetItemRequest get) {
            return batchGetItem(get, ownAccount, parts);
        }
        if (request instanceof BatchWriteItemRequest write) {
            return batchWriteItem(write, ownAccount, parts);
        }
        throw new IllegalArgumentException("not a batch: " + request.getClass().getSimpleName());
    }

    public static BatchGetItemResponse batchGetItem(BatchGetItemRequest r, String ownAccount, Parts parts) {
        RequestShapes.validate(r);
        BatchOperations.checkBeforeLookup(r);
        Map<String, Map<String, KeysAndAttributes>> byAccount = byAccount(r.requestItems(), ownAccount);
        List<BatchGetItemRequest> split = new ArrayList<>();
        List<String> accounts = new ArrayList<>(byAccount.keySet());
        for (String account : accounts) {
            BatchGetItemRequest part =
                    r.toBuilder().requestItems(byAccount.get(account)).build();
            new BatchOperations(core(parts, account)).check(part);
            split.add(part);
        }
        Map<String, List<Map<String, AttributeValue>>> responses = new LinkedHashMap<>();
        Map<String, KeysAndAttributes> unprocessed = new LinkedHashMap<>();
        List<ConsumedCapacity> capacity = new ArrayList<>();
        @Nullable AwsServiceException throttled = null;
        boolean anyServed = false;
        for (int i = 0; i < split.size(); i++) {
            BatchGetItemRequest part = split.get(i);
            BatchGetItemResponse answer;
            try {
                answer = parts.client(accounts.get(i)).batchGetItem(part);
            } catch (AwsServiceException e) {
                if (!throttling(e)) {
                    throw e;
                }
                throttled = throttled == null ? e : throttled;
                part.requestItems().forEach((table, keys) -> responses.put(table, List.of()));
                unprocessed.putAll(part.requestItems());
                continue;
            }
            anyServed = true;
            responses.putAll(answer.responses());
            unprocessed.putAll(answer.unprocessedKeys());
            capacity.addAll(answer.consumedCapacity());
        }
        if (throttled != null && !anyServed) {
            throw throttled;
        }
        BatchGetItemResponse.Builder out =
                BatchGetItemResponse.builder().responses(responses).unprocessedKeys(unprocessed);
        if (!capacity.isEmpty()) {
            out.consumedCapacity(capacity);
        }
        return out.build();
    }

    public static BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest r, String ownAccount, Parts parts) {
        RequestShapes.validate(r);
        BatchOperations.checkBeforeLookup(r);
        Map<String, Map<String, List<WriteRequest>>> byAccount = byAccount(r.requestItems(), ownAccount);
        List<BatchWriteItemRequest> split = new ArrayList<>();
        List<String> accounts = new ArrayList<>(byAccount.keySet());
        for (String account : accounts) {
            BatchWriteItemRequest part =
                    r.toBuilder().requestItems(byAccount.get(account)).build();
            new BatchOperations(core(parts, account)).check(part);
            split.add(part);
        }
        Map<String, List<WriteRequest>> unprocessed = new LinkedHashMap<>();
        Map<String, List<ItemCollectionMetrics>> metrics = new LinkedHashMap<>();
        List<ConsumedCapacity> capacity = new ArrayList<>();
        @Nullable AwsServiceException throttled = null;
        boolean anyServed = false;
        for (int i = 0; i < split.size(); i++) {
            BatchWriteItemRequest part = split.get(i);
            BatchWriteItemResponse answer;
            try {
                answer = parts.client(accounts.get(i)).batchWriteItem(part);
            } catch (AwsServiceException e) {
                if (!throttling(e)) {
                    throw e;
                }
                throttled = throttled == null ? e : throttled;
                unprocessed.putAll(part.requestItems());
                continue;
            }
            anyServed = true;
            unprocessed.putAll(answer.unprocessedItems());
            metrics.putAll(answer.itemCollectionMetrics());
            capacity.addAll(answer.consumedCapacity());
        }
        if (throttled != null && !anyServed) {
            throw throttled;
        }
        BatchWriteItemResponse.Builder out = BatchWriteItemResponse.builder().unprocessedItems(unprocessed);
        if (!capacity.isEmpty()) {
            out.consumedCapacity(capacity);
        }
        if (!metrics.isEmpty()) {
            out.itemCollectionMetrics(metrics);
        }
        return out.build();
    }

    /** A batch's tables grouped by the account that owns each (a plain name is the caller's), in request order. */
    private static <V> Map<String, Map<String, V>> byAccount(Map<String, V> requestItems, String ownAccount) {
        Map<String, Map<String, V>> out = new LinkedHashMap<>();
        requestItems.forEach(
                (table, part) -> out.computeIfAbsent(accountOf(table, ownAccount), a -> new LinkedHashMap<>())
                        .put(table, part));
        return out;
    }

    /** The account of a table ARN ({@code arn:partition:dynamodb:region:account:table/name}); a name's: the caller's. */
    static String accountOf(String table, String ownAccount) {
        if (!table.startsWith("arn:")) {
            return ownAccount;
        }
        String[] fields = table.split(":", 6);
        // anything that is not a DynamoDB ARN with a 12-digit account is the caller's to answer, as CrossAccountCalls
        // treats it
        return fields.length == 6 && fields[2].equals("dynamodb") && fields[4].matches("[0-9]{12}")
                ? fields[4]
                : ownAccount;
    }

    private static Engine core(Parts parts, String account) {
        Engine core = parts.core(account);
        if (core == null) {
            // an allowed part names an existing table, so its namespace is open; if it closed since, the table is gone
            throw EngineErrors.resourceNotFound();
        }
        return core;
    }

    private static boolean throttling(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return "ThrottlingException".equals(code) || "ProvisionedThroughputExceededException".equals(code);
    }
}
