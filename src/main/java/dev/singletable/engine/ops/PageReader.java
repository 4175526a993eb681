package dev.singletable.engine.ops;

import dev.singletable.engine.expr.ConditionExpr;
import dev.singletable.engine.storage.StoredItem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads one page of a Query or Scan as DynamoDB does: {@code Limit} counts items evaluated (before the filter), and a
 * page holds at most 1 MB of stored item data, also counted before the filter: it stops before the item that would
 * take it beyond 1 MB, which starts the next page.
 * Limit and the 1 MB page are described in [1] and [2].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.html">Querying tables in DynamoDB</a>
 * <br>[2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Scan.html">Scanning tables in DynamoDB</a>
 */
final class PageReader {

    static final long MAX_PAGE_BYTES = 1024 * 1024;

    record Page(
            List<Map<String, AttributeValue>> items,
            int count,
            int scannedCount,
            @Nullable Map<String, AttributeValue> lastEvaluatedKey,
            long bytesRead) {}

    private PageReader() {}

    /**
     * @param entries   stored items in read order, starting after any ExclusiveStartKey
     * @param limit     the request's Limit, or null
     * @param filter    the FilterExpression, or null
     * @param shaper    turns a stored item into what the caller sees (projection, LSI fetch); unused when counting
     * @param keyOf     the LastEvaluatedKey for an item (table key, plus the index key on an index)
     * @param countOnly Select=COUNT: no items returned
     */
    static Page read(
            Iterator<StoredItem> entries,
            @Nullable Integer limit,
            @Nullable ConditionExpr filter,
            Function<StoredItem, Map<String, AttributeValue>> shaper,
            Function<StoredItem, Map<String, AttributeValue>> keyOf,
            boolean countOnly) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        int count = 0;
        int scanned = 0;
        long bytes = 0;
        StoredItem last = null;
        boolean stoppedEarly = false;
        while (entries.hasNext()) {
            StoredItem item = entries.next();
            if (scanned > 0 && bytes + item.size() > MAX_PAGE_BYTES) {
                stoppedEarly = true; // this item would cross 1 MB: the page ends before it
                break;
            }
            last = item;
            scanned++;
            bytes += item.size();
            if (filter == null || filter.test(item.attributes())) {
                count++;
                if (!countOnly) {
                    items.add(shaper.apply(item));
                }
            }
            if (limit != null && scanned >= limit) {
                stoppedEarly = true;
                break;
            }
            if (bytes >= MAX_PAGE_BYTES) {
                stoppedEarly = entries.hasNext();
                break;
            }
        }
        Map<String, AttributeValue> lastKey = stoppedEarly && last != null ? keyOf.apply(last) : null;
        return new Page(items, count, scanned, lastKey, bytes);
    }
}
