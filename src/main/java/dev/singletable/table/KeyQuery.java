package dev.singletable.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * A Query of one partition of the table or of an index, built the way every list access pattern of the service reads:
 * the partition, optionally only the sort keys that start with a prefix, then an order, a filter, a consistency.
 * {@code table.query(Index.GSI1, TweetKeys.byAuthor(id)).sortKeyStartsWith("TWEET#").newestFirst().build()} is
 * {@code GSI1PK = :pk AND begins_with(GSI1SK, :prefix)}, descending. Attribute names are always placeholders, since
 * several key attributes and {@code ttl} are reserved words or could become one.
 */
public final class KeyQuery {

    /** A table or index, by the key attributes a key condition names. */
    public enum Index {
        TABLE(null, SingleTable.PK, SingleTable.SK),
        GSI1(SingleTable.GSI1, SingleTable.GSI1PK, SingleTable.GSI1SK),
        LSI1(SingleTable.LSI1, SingleTable.PK, SingleTable.LSI1SK);

        private final @Nullable String indexName;
        private final String partitionKey;
        private final String sortKey;

        Index(@Nullable String indexName, String partitionKey, String sortKey) {
            this.indexName = indexName;
            this.partitionKey = partitionKey;
            this.sortKey = sortKey;
        }
    }

    private final QueryRequest.Builder request;
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();
    private String keyCondition = "#pk = :pk";
    private final Index index;

    KeyQuery(String tableName, Index index, String partition) {
        this.index = index;
        this.request = QueryRequest.builder().tableName(tableName).indexName(index.indexName);
        names.put("#pk", index.partitionKey);
        values.put(":pk", AttributeValue.fromS(partition));
    }

    /** Only the items whose sort key starts with {@code prefix}. */
    public KeyQuery sortKeyStartsWith(String prefix) {
        keyCondition += " AND begins_with(#sk, :prefix)";
        names.put("#sk", index.sortKey);
        values.put(":prefix", AttributeValue.fromS(prefix));
        return this;
    }

    /** Descending sort keys: with ULIDs in them, the newest first. */
    public KeyQuery newestFirst() {
        request.scanIndexForward(false);
        return this;
    }

    /** A strongly consistent read (the table and local indexes only). */
    public KeyQuery consistent() {
        request.consistentRead(true);
        return this;
    }

    /** Only the table's key attributes of each item. */
    public KeyQuery keysOnly() {
        names.put("#k", SingleTable.PK);
        names.put("#s", SingleTable.SK);
        request.projectionExpression("#k, #s");
        return this;
    }

    /**
     * Only these attributes of each item (a projection expression: less to copy and map; the page's last evaluated key
     * is the item's key all the same).
     */
    public KeyQuery only(String... attributes) {
        List<String> placeholders = new ArrayList<>();
        for (int i = 0; i < attributes.length; i++) {
            names.put("#p" + i, attributes[i]);
            placeholders.add("#p" + i);
        }
        request.projectionExpression(String.join(", ", placeholders));
        return this;
    }

    /** A filter on what the key condition reads (a filter does not reduce what is read: see QueryPager). */
    public KeyQuery filter(
            String expression, Map<String, String> filterNames, Map<String, AttributeValue> filterValues) {
        request.filterExpression(expression);
        names.putAll(filterNames);
        values.putAll(filterValues);
        return this;
    }

    public QueryRequest build() {
        return request.keyConditionExpression(keyCondition)
                .expressionAttributeNames(Map.copyOf(names))
                .expressionAttributeValues(Map.copyOf(values))
                .build();
    }
}
