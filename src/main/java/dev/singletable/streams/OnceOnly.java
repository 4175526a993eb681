package dev.singletable.streams;

import dev.singletable.table.SingleTable;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Exactly-once effects for non-idempotent writes such as {@code ADD counter 1}: the write commits in one transaction with a
 * marker item keyed by (projector, sequence number) that must not exist yet. A re-delivered record finds its marker and
 * the whole transaction is cancelled, so the counter moves once. Markers expire through TTL after a day, far longer than
 * the stream's 24-hour retention makes any re-delivery possible.
 */
public final class OnceOnly {

    private static final Duration MARKER_LIFETIME = Duration.ofHours(48);

    /**
     * TransactWriteItems' limit on the actions of one transaction
     * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html).
     */
    public static final int MAX_ACTIONS = 100;

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final Clock clock;

    public OnceOnly(DynamoDbClient dynamo, String tableName, Clock clock) {
        this.dynamo = dynamo;
        this.tableName = tableName;
        this.clock = clock;
    }

    /**
     * Commits the updates once per (projector, record). Each update is conditioned on its item existing, so a counter of a
     * deleted user is not resurrected as a bare item; such an update is skipped, as is a repeat.
     *
     * @return true when this call applied the updates, false when the record had been applied before or a target is gone
     */
    public boolean apply(String projector, String sequenceNumber, List<Update> updates) {
        return applyAll(projector, List.of(sequenceNumber), updates);
    }

    /**
     * Commits the updates of several records in one transaction with every record's marker: all of them, or none when
     * one of the records had been applied before or a target is gone (the caller then applies the records one by one
     * with {@link #apply}, each deciding for itself). At most {@link #MAX_ACTIONS} markers and updates together, no two
     * updates of one item (TransactWriteItems refuses both; {@link Counters#sum} merges them).
     *
     * @return true when this call applied the updates, false when nothing was written because a condition failed
     */
    public boolean applyAll(String projector, List<String> sequenceNumbers, List<Update> updates) {
        List<TransactWriteItem> items = new ArrayList<>();
        for (String sequenceNumber : sequenceNumbers) {
            items.add(TransactWriteItem.builder()
                    .put(marker(projector, sequenceNumber))
                    .build());
        }
        for (Update update : updates) {
            items.add(TransactWriteItem.builder()
                    .update(update.toBuilder()
                            .tableName(tableName)
                            .conditionExpression("attribute_exists(#pk)")
                            .expressionAttributeNames(withPk(update.expressionAttributeNames()))
                            .build())
                    .build());
        }
        try {
            dynamo.transactWriteItems(r -> r.transactItems(items));
            return true;
        } catch (TransactionCanceledException cancelled) {
            if (onlyConditionsFailed(cancelled)) {
                return false;
            }
            throw cancelled;
        }
    }

    private Put marker(String projector, String sequenceNumber) {
        long expires = clock.instant().plus(MARKER_LIFETIME).getEpochSecond();
        return Put.builder()
                .tableName(tableName)
                .item(marker(StreamKeys.applied(projector, sequenceNumber), expires))
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", SingleTable.PK))
                .build();
    }

    private static Map<String, AttributeValue> marker(Map<String, AttributeValue> key, long expires) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(key);
        item.put(SingleTable.ENTITY_TYPE, AttributeValue.fromS(StreamKeys.APPLIED_TYPE));
        item.put(SingleTable.TTL, AttributeValue.fromN(Long.toString(expires)));
        return item;
    }

    private static Map<String, String> withPk(Map<String, String> names) {
        var all = new java.util.HashMap<>(names);
        all.put("#pk", SingleTable.PK);
        return all;
    }

    /** Conflicts with other writers are worth a retry; a failed condition (repeat, or target gone) is final. */
    private static boolean onlyConditionsFailed(TransactionCanceledException cancelled) {
        if (!cancelled.hasCancellationReasons()) {
            return false;
        }
        boolean anyFailed = false;
        for (CancellationReason reason : cancelled.cancellationReasons()) {
            String code = reason.code();
            if ("ConditionalCheckFailed".equals(code)) {
                anyFailed = true;
            } else if (code != null && !"None".equals(code)) {
                return false;
            }
        }
        return anyFailed;
    }
}
