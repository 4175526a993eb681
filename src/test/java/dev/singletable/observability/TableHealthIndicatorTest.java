package dev.singletable.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** Readiness's view of the table: only an ACTIVE table with ACTIVE indexes is ready. */
class TableHealthIndicatorTest {

    final DynamoDbClient dynamo = mock(DynamoDbClient.class);
    final TableHealthIndicator indicator = new TableHealthIndicator(dynamo, "singletable");

    @Test
    void upWhenTheTableAndItsIndexesAreActive() {
        answer(TableStatus.ACTIVE, IndexStatus.ACTIVE);
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void downWhileTheTableOrAnIndexIsBeingBuilt() {
        answer(TableStatus.CREATING, IndexStatus.CREATING);
        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
        answer(TableStatus.ACTIVE, IndexStatus.CREATING);
        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void downWhenTheTableIsMissingOrTheStoreDoesNotAnswer() {
        when(dynamo.describeTable(any(DescribeTableRequest.class)))
                .thenThrow(ResourceNotFoundException.builder()
                        .message("Requested resource not found")
                        .build());
        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(indicator.health().getDetails()).containsEntry("status", "NOT_FOUND");

        when(dynamo.describeTable(any(DescribeTableRequest.class))).thenThrow(SdkClientException.create("refused"));
        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
    }

    private void answer(TableStatus table, IndexStatus index) {
        when(dynamo.describeTable(any(DescribeTableRequest.class)))
                .thenReturn(DescribeTableResponse.builder()
                        .table(t -> t.tableName("singletable")
                                .tableStatus(table)
                                .globalSecondaryIndexes(GlobalSecondaryIndexDescription.builder()
                                        .indexName("GSI1")
                                        .indexStatus(index)
                                        .build()))
                        .build());
    }
}
