package dev.singletable.table;

import dev.singletable.resilience.StoreErrors;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.MappedTableResource;
import software.amazon.awssdk.enhanced.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactUpdateItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A TransactWriteItems whose actions carry names. DynamoDB reports a cancelled transaction as a list of reasons in the
 * order of the actions; keeping a label per action turns "reason 2 is ConditionalCheckFailed" into "email clashed".
 * Transactions cancelled only by {@code TransactionConflict} (another transaction held one of the items) are retried,
 * with backoff, by the store's retry around the client (see {@link StoreErrors#isRetryable}), so two simultaneous
 * sign-ups end in one success and one clash; a conflict that reaches this class outlasted those retries.
 *
 * <p>Actions on mapped items are translated by the enhanced client itself (its request builder, extensions such as the
 * version check included), one at a time, so that actions it cannot express — an arithmetic update such as
 * {@code SET stock = stock - :qty} — can join the same transaction through {@link #write}.
 */
public final class LabelledTransaction {

    static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";

    private final List<TransactWriteItem> actions = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();

    public <T> LabelledTransaction put(
            String label, MappedTableResource<T> table, TransactPutItemEnhancedRequest<T> put) {
        return write(label, mapped().addPutItem(table, put));
    }

    public <T> LabelledTransaction update(
            String label, MappedTableResource<T> table, TransactUpdateItemEnhancedRequest<T> update) {
        return write(label, mapped().addUpdateItem(table, update));
    }

    public <T> LabelledTransaction delete(
            String label, MappedTableResource<T> table, TransactDeleteItemEnhancedRequest delete) {
        return write(label, mapped().addDeleteItem(table, delete));
    }

    public <T> LabelledTransaction check(String label, MappedTableResource<T> table, ConditionCheck<T> check) {
        return write(label, mapped().addConditionCheck(table, check));
    }

    /** An action as the low-level client takes it, for what the enhanced client cannot express. */
    public LabelledTransaction write(String label, TransactWriteItem action) {
        actions.add(action);
        labels.add(label);
        return this;
    }

    private static TransactWriteItemsEnhancedRequest.Builder mapped() {
        return TransactWriteItemsEnhancedRequest.builder();
    }

    private LabelledTransaction write(String label, TransactWriteItemsEnhancedRequest.Builder one) {
        return write(label, one.build().transactWriteItems().get(0));
    }

    /**
     * Writes all actions or none.
     *
     * @throws ConditionsFailedException       when conditions failed, naming the actions that failed
     * @throws TransactionContentionException  when concurrent transactions kept cancelling this one
     */
    public void commit(DynamoDbClient client) {
        try {
            client.transactWriteItems(
                    TransactWriteItemsRequest.builder().transactItems(actions).build());
        } catch (TransactionCanceledException cancelled) {
            Set<String> failed = labelsWithReason(cancelled, CONDITIONAL_CHECK_FAILED);
            if (!failed.isEmpty()) {
                throw new ConditionsFailedException(failed);
            }
            if (StoreErrors.isOnlyTransactionConflict(cancelled)) {
                throw new TransactionContentionException(cancelled);
            }
            throw cancelled; // a validation error or a reason this service does not expect: a bug, not a clash
        }
    }

    private Set<String> labelsWithReason(TransactionCanceledException cancelled, String code) {
        Set<String> matching = new LinkedHashSet<>();
        if (!cancelled.hasCancellationReasons()) {
            return matching;
        }
        List<CancellationReason> reasons = cancelled.cancellationReasons();
        for (int i = 0; i < reasons.size() && i < labels.size(); i++) {
            if (code.equals(reasons.get(i).code())) {
                matching.add(labels.get(i));
            }
        }
        return matching;
    }
}
