package dev.singletable.orders;

import dev.singletable.table.SingleTable;
import dev.singletable.table.Slice;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads one status from the write-sharded index, newest first: a k-way merge of one descending Query per shard.
 *
 * <p>Each shard is read from where the previous page left <em>that shard</em>: its position is the index key of the
 * last entry of that shard the client was given (or the top, if none yet; or nothing, once the shard is exhausted).
 * Each page reads up to {@code limit} entries from every live shard, merges them by sort key (ULIDs: creation order),
 * hands out the newest {@code limit}, and advances each shard's position past exactly the entries handed out. Entries
 * read but not handed out are read again next time, so every order appears exactly once across the pages. The cursor
 * carries all shard positions, flattened into one key map ({@code <shard>.<attribute>}; {@code <shard>.done} marks an
 * exhausted shard).
 */
@Component
class StatusIndexReader {

    static final String DONE = "done";
    /** The table's key, then the status index's multi-attribute key: what an ExclusiveStartKey on the index holds. */
    private static final List<String> POSITION_ATTRIBUTES =
            List.of(SingleTable.PK, SingleTable.SK, "status", "statusShard", "orderId");

    /** The index, one shard at a time: the orders of one status shard, newest first, a page after a position. */
    interface Shards {
        Slice<OrderItem> byStatusShard(
                OrderStatus status, int shard, int limit, @Nullable Map<String, AttributeValue> startKey);
    }

    private final Shards orders;
    private final StatusShards shards;

    StatusIndexReader(Shards orders, StatusShards shards) {
        this.orders = orders;
        this.shards = shards;
    }

    int shardCount() {
        return shards.count();
    }

    /**
     * @param cursorKey the flattened shard positions of the previous page, or null for the first page
     * @throws IllegalArgumentException when {@code cursorKey} is not a map this reader made
     */
    Slice<OrderSummary> page(OrderStatus status, int limit, @Nullable Map<String, AttributeValue> cursorKey) {
        List<ShardState> states = decode(cursorKey);
        List<List<OrderItem>> read = new ArrayList<>();
        PriorityQueue<int[]> heads = new PriorityQueue<>(
                // by the index's sort key, orderId (a ULID: creation order)
                Comparator.comparing(
                                (int[] head) -> read.get(head[0]).get(head[1]).getOrderId())
                        .reversed());
        for (int shard = 0; shard < states.size(); shard++) {
            ShardState state = states.get(shard);
            if (state.done()) {
                read.add(List.of());
                continue;
            }
            Slice<OrderItem> slice = orders.byStatusShard(status, shard, limit, state.position());
            read.add(slice.items());
            if (!slice.hasMore()) {
                state.exhaustedAfterRead = true;
            }
            if (!slice.items().isEmpty()) {
                heads.add(new int[] {shard, 0});
            }
        }
        List<OrderSummary> page = new ArrayList<>();
        int[] taken = new int[states.size()];
        while (page.size() < limit && !heads.isEmpty()) {
            int[] head = heads.poll();
            page.add(OrderSummary.of(read.get(head[0]).get(head[1])));
            taken[head[0]]++;
            if (head[1] + 1 < read.get(head[0]).size()) {
                heads.add(new int[] {head[0], head[1] + 1});
            }
        }
        boolean more = false;
        for (int shard = 0; shard < states.size(); shard++) {
            ShardState state = states.get(shard);
            List<OrderItem> items = read.get(shard);
            if (state.done()) {
                continue;
            }
            if (taken[shard] == items.size() && state.exhaustedAfterRead) {
                state.markDone();
                continue;
            }
            more = true;
            if (taken[shard] > 0) {
                state.moveTo(positionOf(items.get(taken[shard] - 1)));
            }
        }
        return new Slice<>(page, more ? encode(states) : null);
    }

    /** The entry's position in the index: the table's key and the index's, all derived from the order's fields. */
    private static Map<String, AttributeValue> positionOf(OrderItem item) {
        Map<String, AttributeValue> position = new LinkedHashMap<>();
        position.put(SingleTable.PK, AttributeValue.fromS(item.getPk()));
        position.put(SingleTable.SK, AttributeValue.fromS(item.getSk()));
        position.put("status", AttributeValue.fromS(item.getStatus()));
        position.put("statusShard", AttributeValue.fromN(item.getStatusShard().toString()));
        position.put("orderId", AttributeValue.fromS(item.getOrderId()));
        return position;
    }

    private Map<String, AttributeValue> encode(List<ShardState> states) {
        Map<String, AttributeValue> flat = new LinkedHashMap<>();
        for (int shard = 0; shard < states.size(); shard++) {
            ShardState state = states.get(shard);
            if (state.done()) {
                flat.put(shard + "." + DONE, AttributeValue.fromN("1"));
            } else if (state.position() != null) {
                int prefix = shard;
                state.position().forEach((name, value) -> flat.put(prefix + "." + name, value));
            }
        }
        return flat;
    }

    private List<ShardState> decode(@Nullable Map<String, AttributeValue> flat) {
        List<ShardState> states = new ArrayList<>();
        List<Map<String, AttributeValue>> positions = new ArrayList<>();
        for (int shard = 0; shard < shards.count(); shard++) {
            states.add(new ShardState());
            positions.add(new LinkedHashMap<>());
        }
        if (flat == null) {
            return states;
        }
        flat.forEach((name, value) -> {
            int dot = name.indexOf('.');
            int shard;
            try {
                shard = Integer.parseInt(name.substring(0, Math.max(dot, 0)));
            } catch (NumberFormatException notOurs) {
                throw new IllegalArgumentException("not a shard position: " + name);
            }
            if (shard < 0 || shard >= shards.count()) {
                throw new IllegalArgumentException("no shard " + shard);
            }
            String attribute = name.substring(dot + 1);
            if (attribute.equals(DONE)) {
                states.get(shard).markDone();
            } else if (POSITION_ATTRIBUTES.contains(attribute)) {
                positions.get(shard).put(attribute, value);
            } else {
                throw new IllegalArgumentException("not a position attribute: " + attribute);
            }
        });
        for (int shard = 0; shard < states.size(); shard++) {
            Map<String, AttributeValue> position = positions.get(shard);
            if (!position.isEmpty()) {
                if (position.size() != POSITION_ATTRIBUTES.size()) {
                    throw new IllegalArgumentException("incomplete position of shard " + shard);
                }
                states.get(shard).moveTo(position);
            }
        }
        return states;
    }

    /** Where one shard stands: at the top (no position), after a position, or exhausted. */
    private static final class ShardState {
        private @Nullable Map<String, AttributeValue> position;
        private boolean done;
        private boolean exhaustedAfterRead;

        @Nullable
        Map<String, AttributeValue> position() {
            return position;
        }

        boolean done() {
            return done;
        }

        void moveTo(Map<String, AttributeValue> next) {
            position = next;
        }

        void markDone() {
            done = true;
            position = null;
        }
    }
}
