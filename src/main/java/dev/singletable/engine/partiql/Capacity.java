package dev.singletable.engine.partiql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.Capacity.Builder;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

/** Adds up the ConsumedCapacity of the operations a statement (or a batch of them) was translated into, per table. */
final class Capacity {

    private final Map<String, ConsumedCapacity> byTable = new LinkedHashMap<>();

    void add(@Nullable ConsumedCapacity c) {
        if (c != null) {
            byTable.merge(c.tableName(), c, Capacity::sum);
        }
    }

    void addAll(@Nullable List<ConsumedCapacity> list) {
        if (list != null) {
            list.forEach(this::add);
        }
    }

    /** The single table's total (ExecuteStatement), or null when nothing was consumed or asked for. */
    @Nullable
    ConsumedCapacity single() {
        return byTable.isEmpty() ? null : byTable.values().iterator().next();
    }

    /** Every table's total (BatchExecuteStatement, ExecuteTransaction), or null when nothing was consumed or asked for. */
    @Nullable
    List<ConsumedCapacity> all() {
        return byTable.isEmpty() ? null : new ArrayList<>(byTable.values());
    }

    private static ConsumedCapacity sum(ConsumedCapacity a, ConsumedCapacity b) {
        ConsumedCapacity.Builder out = ConsumedCapacity.builder()
                .tableName(a.tableName())
                .capacityUnits(add(a.capacityUnits(), b.capacityUnits()))
                .readCapacityUnits(add(a.readCapacityUnits(), b.readCapacityUnits()))
                .writeCapacityUnits(add(a.writeCapacityUnits(), b.writeCapacityUnits()));
        if (a.table() != null || b.table() != null) {
            out.table(sum(a.table(), b.table()));
        }
        if (a.hasGlobalSecondaryIndexes() || b.hasGlobalSecondaryIndexes()) {
            out.globalSecondaryIndexes(sum(a.globalSecondaryIndexes(), b.globalSecondaryIndexes()));
        }
        if (a.hasLocalSecondaryIndexes() || b.hasLocalSecondaryIndexes()) {
            out.localSecondaryIndexes(sum(a.localSecondaryIndexes(), b.localSecondaryIndexes()));
        }
        return out.build();
    }

    private static Map<String, software.amazon.awssdk.services.dynamodb.model.Capacity> sum(
            Map<String, software.amazon.awssdk.services.dynamodb.model.Capacity> a,
            Map<String, software.amazon.awssdk.services.dynamodb.model.Capacity> b) {
        Map<String, software.amazon.awssdk.services.dynamodb.model.Capacity> out = new LinkedHashMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, Capacity::sum));
        return out;
    }

    private static software.amazon.awssdk.services.dynamodb.model.Capacity sum(
            software.amazon.awssdk.services.dynamodb.model.Capacity a,
            software.amazon.awssdk.services.dynamodb.model.Capacity b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        Builder out = software.amazon.awssdk.services.dynamodb.model.Capacity.builder();
        return out.capacityUnits(add(a.capacityUnits(), b.capacityUnits()))
                .readCapacityUnits(add(a.readCapacityUnits(), b.readCapacityUnits()))
                .writeCapacityUnits(add(a.writeCapacityUnits(), b.writeCapacityUnits()))
                .build();
    }

    private static Double add(Double a, Double b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + b;
    }
}
