package dev.singletable.table.cache;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item cache entry's key: the table and the item's primary key (the SDK's AttributeValue compares by value). DAX's
 * item cache holds base-table items only: GetItem cannot read an index.
 */
record ItemKey(String table, Map<String, AttributeValue> key) {

    ItemKey {
        key = Map.copyOf(key);
    }
}
