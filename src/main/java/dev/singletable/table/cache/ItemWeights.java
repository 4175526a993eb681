package dev.singletable.table.cache;

import java.util.Collection;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item's size as the cache's bound counts it: attribute names and values in bytes, roughly as DynamoDB sizes an
 * item (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html), plus a fixed
 * overhead per entry so that many empty results still weigh something. An estimate for a memory bound, not a billing.
 */
final class ItemWeights {

    /** What an entry costs beyond its attributes: the key object, the map, the cache's node. */
    static final int ENTRY_OVERHEAD = 64;

    private ItemWeights() {}

    static int ofItem(Map<String, AttributeValue> item) {
        long bytes = ENTRY_OVERHEAD;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            bytes += attribute.getKey().length() + ofValue(attribute.getValue());
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    static int ofItems(Collection<Map<String, AttributeValue>> items) {
        long bytes = ENTRY_OVERHEAD;
        for (Map<String, AttributeValue> item : items) {
            bytes += ofItem(item);
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    private static long ofValue(AttributeValue value) {
        return switch (value.type()) {
            case S -> value.s().length();
            case N -> value.n().length();
            case B -> value.b().asByteArray().length;
            case SS -> value.ss().stream().mapToLong(String::length).sum();
            case NS -> value.ns().stream().mapToLong(String::length).sum();
            case BS ->
                value.bs().stream().mapToLong(b -> b.asByteArray().length).sum();
            case M ->
                3
                        + value.m().entrySet().stream()
                                .mapToLong(e -> e.getKey().length() + 1 + ofValue(e.getValue()))
                                .sum();
            case L -> 3 + value.l().stream().mapToLong(v -> 1 + ofValue(v)).sum();
            case BOOL, NUL, UNKNOWN_TO_SDK_VERSION -> 1;
        };
    }
}
