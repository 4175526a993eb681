package dev.singletable.explorer;

import dev.singletable.table.SingleTable;
import dev.singletable.table.Slice;
import dev.singletable.table.TableLayout;
import dev.singletable.table.TableLayoutLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Reads the whole table, a page at a time, for the admin table explorer: the service's <b>one</b> Scan. No access
 * pattern of the service scans (every one is a GetItem or a Query, see {@code SocialArchitectureTest}); looking at
 * every item is what this read-only teaching tool is for. It projects only the key attributes of the table and its
 * indexes plus {@code entityType} and {@code ttl}, so neither password hashes nor other item bodies ever leave the
 * table this way.
 */
@Component
class TableExplorer {

    private final SingleTable table;
    private final List<String> columns;

    TableExplorer(SingleTable table) {
        this.table = table;
        this.columns = columnsOf(TableLayoutLoader.load());
    }

    /** PK, SK, entityType, then every index key attribute in the layout file's order, then ttl. */
    static List<String> columnsOf(TableLayout layout) {
        List<String> columns = new ArrayList<>();
        columns.add(layout.partitionKey());
        columns.add(layout.sortKey());
        columns.add(SingleTable.ENTITY_TYPE);
        layout.attributeDefinitions().stream()
                .map(TableLayout.Attribute::name)
                .filter(name -> !columns.contains(name))
                .forEach(columns::add);
        if (layout.timeToLiveAttribute() != null) {
            columns.add(layout.timeToLiveAttribute());
        }
        return List.copyOf(columns);
    }

    public String tableName() {
        return table.name();
    }

    public List<String> columns() {
        return columns;
    }

    /**
     * Up to {@code limit} items from where the previous page ended. A Scan hands out a partition's items together
     * and in sort-key order, which is what lets the caller group them by partition key.
     */
    public Slice<Map<String, String>> page(int limit, @Nullable Map<String, AttributeValue> startKey) {
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            names.put("#c" + i, columns.get(i)); // some of them (ttl) are DynamoDB reserved words
        }
        ScanResponse response = table.dynamo()
                .scan(ScanRequest.builder()
                        .tableName(table.name())
                        .projectionExpression(String.join(", ", names.keySet()))
                        .expressionAttributeNames(names)
                        .limit(limit)
                        .exclusiveStartKey(startKey == null || startKey.isEmpty() ? null : startKey)
                        .build());
        List<Map<String, String>> rows =
                response.items().stream().map(this::row).toList();
        Map<String, AttributeValue> next =
                response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? response.lastEvaluatedKey()
                        : null;
        return new Slice<>(rows, next);
    }

    /** The item's explorer columns as text, absent attributes left out. */
    private Map<String, String> row(Map<String, AttributeValue> item) {
        Map<String, String> row = new LinkedHashMap<>();
        for (String column : columns) {
            AttributeValue value = item.get(column);
            if (value != null) {
                row.put(column, value.s() != null ? value.s() : value.n() != null ? value.n() : value.toString());
            }
        }
        return row;
    }
}
