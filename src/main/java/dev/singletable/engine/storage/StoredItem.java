package dev.singletable.engine.storage;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item as stored: an unmodifiable attribute map and its DynamoDB size, computed once at write time so reads, paging
 * and capacity accounting never recompute it.
 */
public record StoredItem(Map<String, AttributeValue> attributes, long size) {
}
