package dev.singletable.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Cancellation reasons, in the order of the actions, become the labels of the actions that failed. */
class LabelledTransactionTest {

    final DynamoDbClient client = mock(DynamoDbClient.class);

    @SuppressWarnings("unchecked")
    final DynamoDbTable<UniqueValueItem> markers = mock(DynamoDbTable.class);

    LabelledTransaction transaction() {
        when(markers.tableSchema()).thenReturn(UniqueValueItem.SCHEMA);
        when(markers.tableName()).thenReturn("t");
        LabelledTransaction transaction = new LabelledTransaction();
        for (String label : new String[] {"user", "username", "email"}) {
            transaction.put(
                    label,
                    markers,
                    TransactPutItemEnhancedRequest.builder(UniqueValueItem.class)
                            .item(UniqueValueItem.of("X", label, "owner"))
                            .build());
        }
        return transaction;
    }

    @Test
    void namesTheActionsWhoseConditionFailed() {
        when(client.transactWriteItems(any(TransactWriteItemsRequest.class)))
                .thenThrow(cancelled("None", "ConditionalCheckFailed", "ConditionalCheckFailed"));

        assertThatThrownBy(() -> transaction().commit(client))
                .isInstanceOfSatisfying(ConditionsFailedException.class, e -> assertThat(e.labels())
                        .containsExactlyInAnyOrder("username", "email"));
    }

    @Test
    void aConflictThatOutlastedTheStoreRetriesIsContention() {
        // the store's retry (GuardedStore) resends conflicts; one reaching the transaction means it gave up
        when(client.transactWriteItems(any(TransactWriteItemsRequest.class)))
                .thenThrow(cancelled("TransactionConflict", "None", "None"));

        assertThatThrownBy(() -> transaction().commit(client))
                .isInstanceOf(TransactionContentionException.class)
                .isInstanceOf(RetryableStoreException.class);
        verify(client, times(1)).transactWriteItems(any(TransactWriteItemsRequest.class));
    }

    @Test
    void otherReasonsAreNotClashes() {
        TransactionCanceledException invalid = cancelled("ValidationError", "None", "None");
        when(client.transactWriteItems(any(TransactWriteItemsRequest.class))).thenThrow(invalid);

        assertThatThrownBy(() -> transaction().commit(client)).isSameAs(invalid);
    }

    private static TransactionCanceledException cancelled(String... codes) {
        return TransactionCanceledException.builder()
                .message("Transaction cancelled")
                .cancellationReasons(Arrays.stream(codes)
                        .map(code -> CancellationReason.builder().code(code).build())
                        .toList())
                .build();
    }
}
