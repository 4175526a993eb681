package dev.singletable.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Reads pages of <em>returned</em> items from a Query. DynamoDB's {@code Limit} counts items evaluated before the filter,
 * and one response stops at 1 MB, so a page of {@code limit} items may take several requests: this keeps reading until
 * it has one item more than asked (which tells whether another page exists, so the last page has no next key) or the
 * query is exhausted. The next key is the position of the last item handed out, never a position past unseen items.
 */
@Component
public class QueryPager {

    /** A filter that drops nearly everything must not read a whole partition for one page. */
    static final int MAX_REQUESTS_PER_PAGE = 20;

    private final SingleTable table;
    private final TableLayout layout;
    private final boolean cached;

    @Autowired
    QueryPager(SingleTable table) {
        this(table, TableLayoutLoader.load(), false);
    }

    private QueryPager(SingleTable table, TableLayout layout, boolean cached) {
        this.table = table;
        this.layout = layout;
        this.cached = cached;
    }

    /**
     * This pager with each request answered by the read cache when one is configured
     * ({@link SingleTable#cachedDynamo()}): a page may be as old as the query cache's TTL, and writes do not refresh it
     * (docs/caching.md). Only for listings that may lag, never for a consistent query.
     */
    public QueryPager cached() {
        return new QueryPager(table, layout, true);
    }

    /**
     * @param query    the query without Limit and ExclusiveStartKey (table name, index, key condition, filter, order)
     * @param limit    how many items to return at most
     * @param startKey where the previous page ended, or null for the first page
     * @param mapper   turns a raw item into what the caller returns
     */
    public <T> Slice<T> page(
            QueryRequest query,
            int limit,
            @Nullable Map<String, AttributeValue> startKey,
            Function<Map<String, AttributeValue>, T> mapper) {
        DynamoDbClient client = cached ? table.cachedDynamo() : table.dynamo();
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        KeyShape shape = KeyShape.of(layout, query.indexName());
        List<Map<String, AttributeValue>> read = new ArrayList<>();
        @Nullable Map<String, AttributeValue> position = startKey == null || startKey.isEmpty() ? null : startKey;
        for (int request = 0; request < MAX_REQUESTS_PER_PAGE; request++) {
            QueryResponse response = client.query(query.toBuilder()
                    .limit(limit + 1 - read.size())
                    .exclusiveStartKey(position)
                    .build());
            read.addAll(response.items());
            boolean exhausted = !response.hasLastEvaluatedKey()
                    || response.lastEvaluatedKey().isEmpty();
            if (read.size() > limit) {
                return new Slice<>(mapAll(read.subList(0, limit), mapper), shape.keyOf(read.get(limit - 1)));
            }
            if (exhausted) {
                return new Slice<>(mapAll(read, mapper), null);
            }
            position = response.lastEvaluatedKey();
        }
        // Out of budget with fewer items than asked: hand out what was found and continue after what was evaluated.
        return new Slice<>(mapAll(read, mapper), position);
    }

    private static <T> List<T> mapAll(
            List<Map<String, AttributeValue>> items, Function<Map<String, AttributeValue>, T> mapper) {
        return items.stream().map(mapper).toList();
    }
}
