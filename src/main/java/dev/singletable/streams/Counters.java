package dev.singletable.streams;

import dev.singletable.table.SingleTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Counter updates for projectors: {@code ADD #counter :delta} on one item, to be committed through {@link OnceOnly}
 * (an ADD is not idempotent). Only the named counters move, so the item's {@code version} — its ETag — is left alone.
 * Deltas of different records commute, so records of different items may be applied in any order.
 */
public final class Counters {

    private Counters() {}

    public static Update add(Key item, String counter, long delta) {
        return add(item, Map.of(counter, delta));
    }

    /** One update moving several counters of one item (in the map's order). */
    public static Update add(Key item, Map<String, Long> deltas) {
        return add(SingleTable.keyMap(item), deltas);
    }

    /**
     * The updates of several records merged into one update per item, each counter moved by the sum of its deltas
     * (ADDs commute): what one transaction for several records needs, since it may touch an item only once. Takes
     * only updates this class built.
     */
    public static List<Update> sum(List<Update> updates) {
        Map<Map<String, AttributeValue>, Map<String, Long>> byItem = new LinkedHashMap<>();
        for (Update update : updates) {
            Map<String, Long> deltas = byItem.computeIfAbsent(update.key(), k -> new LinkedHashMap<>());
            for (int i = 0; update.expressionAttributeNames().containsKey("#c" + i); i++) {
                String counter = update.expressionAttributeNames().get("#c" + i);
                AttributeValue delta = Objects.requireNonNull(
                        update.expressionAttributeValues().get(":d" + i), "a counter update has its delta");
                deltas.merge(counter, Long.parseLong(delta.n()), Long::sum);
            }
        }
        List<Update> merged = new ArrayList<>();
        byItem.forEach((key, deltas) -> merged.add(add(key, deltas)));
        return merged;
    }

    private static Update add(Map<String, AttributeValue> key, Map<String, Long> deltas) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        StringBuilder expression = new StringBuilder("ADD ");
        int i = 0;
        for (Map.Entry<String, Long> delta : deltas.entrySet()) {
            expression
                    .append(i == 0 ? "" : ", ")
                    .append("#c")
                    .append(i)
                    .append(" :d")
                    .append(i);
            names.put("#c" + i, delta.getKey());
            values.put(":d" + i, AttributeValue.fromN(Long.toString(delta.getValue())));
            i++;
        }
        return Update.builder()
                .key(key)
                .updateExpression(expression.toString())
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
    }
}
