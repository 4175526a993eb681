package dev.singletable.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.singletable.table.SingleTable;
import dev.singletable.table.Slice;
import dev.singletable.table.Ulid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The k-way merge over the status shards, against an in-memory index with DynamoDB's paging semantics. */
class StatusIndexReaderTest {

    private final StatusShards shards = new StatusShards(4);
    private final FakeIndex index = new FakeIndex(shards);
    private final StatusIndexReader reader = new StatusIndexReader(index, shards);

    @Test
    void everyPageSizeReturnsEveryOrderOnceNewestFirst() {
        List<String> ids = index.add(37);
        List<String> newestFirst = new ArrayList<>(ids);
        newestFirst.sort(Comparator.reverseOrder());
        for (int limit = 1; limit <= 40; limit++) {
            assertThat(readAll(limit)).as("limit %d", limit).containsExactlyElementsOf(newestFirst);
        }
    }

    @Test
    void anEmptyStatusIsOneEmptyLastPage() {
        Slice<OrderSummary> page = reader.page(OrderStatus.PLACED, 10, null);
        assertThat(page.items()).isEmpty();
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void ordersPlacedWhileReadingNeverRepeatOrHideOlderOnes() {
        List<String> before = index.add(20);
        List<String> seen = new ArrayList<>();
        Slice<OrderSummary> page = reader.page(OrderStatus.PLACED, 3, null);
        page.items().forEach(order -> seen.add(order.id()));
        while (page.hasMore()) {
            index.add(2);
            page = reader.page(OrderStatus.PLACED, 3, page.nextKey());
            page.items().forEach(order -> seen.add(order.id()));
        }
        assertThat(new HashSet<>(seen)).hasSize(seen.size());
        assertThat(seen).containsAll(before);
    }

    @Test
    void aCursorThatIsNotAShardPositionIsRefused() {
        assertThatThrownBy(() -> reader.page(OrderStatus.PLACED, 3, Map.of("PK", AttributeValue.fromS("x"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reader.page(OrderStatus.PLACED, 3, Map.of("9.done", AttributeValue.fromN("1"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private List<String> readAll(int limit) {
        List<String> ids = new ArrayList<>();
        Map<String, AttributeValue> cursor = null;
        do {
            Slice<OrderSummary> page = reader.page(OrderStatus.PLACED, limit, cursor);
            assertThat(page.items().size()).isLessThanOrEqualTo(limit);
            page.items().forEach(order -> ids.add(order.id()));
            cursor = page.nextKey();
        } while (cursor != null);
        return ids;
    }

    /** Shards held in memory; a shard Query answers like QueryPager: up to limit entries after the start key. */
    private static final class FakeIndex implements StatusIndexReader.Shards {
        private final StatusShards shards;
        private final Map<Integer, List<OrderItem>> byShard = new HashMap<>();

        FakeIndex(StatusShards shards) {
            this.shards = shards;
        }

        List<String> add(int count) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String id = Ulid.next();
                ids.add(id);
                OrderItem item = new OrderItem();
                item.setOrderId(id);
                item.setOwnerId("owner");
                item.setStatus("PLACED");
                item.setStatusShard(shards.shardOf(id));
                item.setTotalCents(100L);
                item.setCreatedAt(Instant.EPOCH);
                byShard.computeIfAbsent(shards.shardOf(id), s -> new ArrayList<>())
                        .add(item);
            }
            return ids;
        }

        @Override
        public Slice<OrderItem> byStatusShard(
                OrderStatus status, int shard, int limit, Map<String, AttributeValue> startKey) {
            List<OrderItem> entries = new ArrayList<>(byShard.getOrDefault(shard, List.of()));
            entries.sort(Comparator.comparing(OrderItem::getOrderId).reversed());
            if (startKey != null) {
                String after = startKey.get("orderId").s();
                entries.removeIf(item -> item.getOrderId().compareTo(after) >= 0);
            }
            if (entries.size() <= limit) {
                return new Slice<>(entries, null);
            }
            Map<String, AttributeValue> last = OrderItem.SCHEMA.itemToMap(entries.get(limit - 1), true);
            Map<String, AttributeValue> next = new HashMap<>();
            Set.of(SingleTable.PK, SingleTable.SK, "status", "statusShard", "orderId")
                    .forEach(name -> next.put(name, last.get(name)));
            return new Slice<>(entries.subList(0, limit), next);
        }
    }
}
