package dev.singletable.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.singletable.table.QueryPager;
import dev.singletable.table.RetryableStoreException;
import dev.singletable.table.SingleTable;
import dev.singletable.table.TableProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Fan-out writes: at most 25 requests a BatchWriteItem, and what DynamoDB leaves unprocessed is sent again. */
@SuppressWarnings("unchecked")
class FeedRepositoryTest {

    private final DynamoDbClient dynamo = mock(DynamoDbClient.class);
    private final List<List<WriteRequest>> sent = new ArrayList<>();
    private final FeedRepository feeds;

    FeedRepositoryTest() {
        SingleTable table = new SingleTable(mock(DynamoDbEnhancedClient.class), dynamo, new TableProperties("t"));
        feeds = new FeedRepository(table, mock(QueryPager.class));
    }

    @Test
    void sendsChunksOf25AndResendsTheUnprocessed() {
        when(dynamo.batchWriteItem(any(java.util.function.Consumer.class))).thenAnswer(call -> {
            BatchWriteItemRequest.Builder builder = BatchWriteItemRequest.builder();
            ((java.util.function.Consumer<BatchWriteItemRequest.Builder>) call.getArgument(0)).accept(builder);
            List<WriteRequest> batch = builder.build().requestItems().get("t");
            sent.add(batch);
            // the first call leaves its last two requests unprocessed, as a throttled table may
            Map<String, List<WriteRequest>> unprocessed =
                    sent.size() == 1 ? Map.of("t", batch.subList(batch.size() - 2, batch.size())) : Map.of();
            return BatchWriteItemResponse.builder()
                    .unprocessedItems(unprocessed)
                    .build();
        });

        feeds.putAll(entries(30));

        assertThat(sent).extracting(List::size).containsExactly(25, 2, 5);
        assertThat(sent.get(1)).isEqualTo(sent.get(0).subList(23, 25));
        assertThat(sent.stream()
                        .flatMap(List::stream)
                        .map(r -> r.putRequest().item().get("PK").s())
                        .distinct())
                .hasSize(30);
    }

    @Test
    void givesUpWithARetryableErrorWhenWritesStayUnprocessed() {
        when(dynamo.batchWriteItem(any(java.util.function.Consumer.class))).thenAnswer(call -> {
            BatchWriteItemRequest.Builder builder = BatchWriteItemRequest.builder();
            ((java.util.function.Consumer<BatchWriteItemRequest.Builder>) call.getArgument(0)).accept(builder);
            return BatchWriteItemResponse.builder()
                    .unprocessedItems(builder.build().requestItems())
                    .build();
        });

        assertThatThrownBy(() -> feeds.deleteFromFeeds(List.of("a", "b"), "01JD4X7R2M8Q9B3C5V6N7P8K9T"))
                .isInstanceOf(RetryableStoreException.class);
    }

    private static List<FeedEntry> entries(int count) {
        Instant at = Instant.parse("2026-11-21T09:30:00Z");
        return IntStream.range(0, count)
                .mapToObj(i -> new FeedEntry(
                        "follower" + i, "01JD4X7R2M8Q9B3C5V6N7P8K9T", "author", "ann", "hi", at, at.plusSeconds(3600)))
                .toList();
    }
}
