package dev.singletable.table;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One page of a Query as the service hands it out: the items, and the key to start the next page from, or null when
 * there are no more items.
 */
public record Slice<T>(List<T> items, @Nullable Map<String, AttributeValue> nextKey) {

    public Slice {
        items = List.copyOf(items);
        nextKey = nextKey == null ? null : Map.copyOf(nextKey);
    }

    public boolean hasMore() {
        return nextKey != null;
    }
}
