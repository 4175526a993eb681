package dev.singletable.engine.ops;

import dev.singletable.engine.capacity.CapacityMeter;
import dev.singletable.engine.core.Engine;
import dev.singletable.engine.core.ItemChange;
import dev.singletable.engine.core.Keys;
import dev.singletable.engine.core.Table;
import dev.singletable.engine.error.EngineErrors;
import dev.singletable.engine.expr.ConditionExpr;
import dev.singletable.engine.expr.ExpressionContext;
import dev.singletable.engine.expr.Expressions;
import dev.singletable.engine.expr.Legacy;
import dev.singletable.engine.expr.ProjectionExpr;
import dev.singletable.engine.expr.UpdateExpr;
import dev.singletable.engine.storage.PrimaryKey;
import dev.singletable.engine.storage.StoredItem;
import dev.singletable.engine.table.TableDefinition;
import dev.singletable.engine.value.AttributeValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** PutItem, GetItem, UpdateItem and DeleteItem. */
public final class ItemOperations {

    private final Engine engine;

    public ItemOperations(Engine engine) {
        this.engine = engine;
    }

    public PutItemResponse putItem(PutItemRequest r) {
        List<String> legacy = legacy(r.hasExpected(), "Expected", r.conditionalOperator() != null, "ConditionalOperator");
        List<String> modern = modern(r.conditionExpression(), "ConditionExpression");
        ExpressionInputs.rejectLegacy(legacy, modern);
        ExpressionContext ctx = ExpressionInputs.context(ExpressionInputs.present(r.hasExpressionAttributeNames(),
                r.expressionAttributeNames()), ExpressionInputs.present(r.hasExpressionAttributeValues(),
                r.expressionAttributeValues()), !modern.isEmpty(), "ConditionExpression", r.conditionExpression());
        ConditionExpr condition = r.conditionExpression() != null
                ? Expressions.condition(r.conditionExpression(), "ConditionExpression", ctx)
                : legacy.isEmpty() ? null : Legacy.condition(r.hasExpected() ? r.expected() : Map.of(),
                        r.conditionalOperator());
        ctx.verifyAllUsed();
        ReturnValue returnValues = r.returnValues();
        if (returnValues != null && returnValues != ReturnValue.NONE && returnValues != ReturnValue.ALL_OLD) {
            throw EngineErrors.validation("ReturnValues can only be ALL_OLD or NONE");
        }
        Map<String, AttributeValue> item = AttributeValues.normalizeItem(r.item());
        RequestChecks.itemSize(item);

        Table table = engine.requireTable(r.tableName());
        TableDefinition def = table.definition();
        PrimaryKey key = Keys.fromItem(def, item);
        StoredItem newItem = ItemWrites.newItem(def, item);
        engine.capacity().admitWrite(table, key.partition());
        CapacityMeter meter = new CapacityMeter(r.tableName());
        StoredItem old = engine.exclusive(() -> {
            StoredItem current = table.current(key);
            checkCondition(condition, current, r.returnValuesOnConditionCheckFailure());
            ItemCollections.checkLimit(table, key, current, newItem);
            engine.commit(List.of(ItemChange.of(table, key, current, newItem)));
            return current;
        });
        meter.addTable(CapacityMeter.writeUnits(Math.max(newItem.size(), old == null ? 0 : old.size())));
        IndexWriteCost.charge(meter, table, key, old, newItem, 1);
        engine.capacity().charge(table, key.partition(), meter, true);
        PutItemResponse.Builder out = PutItemResponse.builder().consumedCapacity(meter.build(r.returnConsumedCapacity()))
                .itemCollectionMetrics(ItemCollections.metrics(table, key, r.returnItemCollectionMetrics()));
        if (returnValues == ReturnValue.ALL_OLD && old != null) {
            out.attributes(old.attributes());
        }
        return out.build();
    }

    public GetItemResponse getItem(GetItemRequest r) {
        List<String> legacy = legacy(r.hasAttributesToGet(), "AttributesToGet");
        List<String> modern = modern(r.projectionExpression(), "ProjectionExpression");
        ExpressionInputs.rejectLegacy(legacy, modern);
        ExpressionContext ctx = ExpressionInputs.context(ExpressionInputs.present(r.hasExpressionAttributeNames(),
                r.expressionAttributeNames()), null, !modern.isEmpty());
        ProjectionExpr projection = r.projectionExpression() != null
                ? Expressions.projection(r.projectionExpression(), ctx)
                : r.hasAttributesToGet() ? Legacy.attributesToGet(r.attributesToGet()) : null;
        ctx.verifyAllUsed();
        Map<String, AttributeValue> keyAttributes = AttributeValues.normalizeItem(r.key());
        RequestChecks.keyValuesNotEmpty(keyAttributes);

        Table table = engine.requireTable(r.tableName());
        PrimaryKey key = Keys.fromKey(table.definition(), keyAttributes);
        boolean consistent = Boolean.TRUE.equals(r.consistentRead());
        engine.capacity().admitRead(table, null, key.partition(), consistent);
        StoredItem item = table.data().get(key);
        CapacityMeter meter = new CapacityMeter(r.tableName())
                .addTable(CapacityMeter.readUnits(item == null ? 0 : item.size(), consistent));
        engine.capacity().charge(table, key.partition(), meter, false);
        GetItemResponse.Builder out = GetItemResponse.builder().consumedCapacity(meter.build(r.returnConsumedCapacity()));
        if (item != null) {
            out.item(projection == null ? item.attributes() : projection.apply(item.attributes()));
        }
        return out.build();
    }

    public UpdateItemResponse updateItem(UpdateItemRequest r) {
        List<String> legacy = legacy(r.hasExpected(), "Expected", r.conditionalOperator() != null, "ConditionalOperator",
                r.hasAttributeUpdates(), "AttributeUpdates");
        List<String> modern = modern(r.updateExpression(), "UpdateExpression", r.conditionExpression(),
                "ConditionExpression");
        ExpressionInputs.rejectLegacy(legacy, modern);
        ExpressionContext ctx = ExpressionInputs.context(ExpressionInputs.present(r.hasExpressionAttributeNames(),
                r.expressionAttributeNames()), ExpressionInputs.present(r.hasExpressionAttributeValues(),
                r.expressionAttributeValues()), !modern.isEmpty(), "UpdateExpression", r.updateExpression(),
                "ConditionExpression", r.conditionExpression());
        // an empty AttributeUpdates is no update at all: a missing item is created with its key alone, as in AWS
        UpdateExpr update = r.updateExpression() != null ? Expressions.update(r.updateExpression(), ctx)
                : r.hasAttributeUpdates() && !r.attributeUpdates().isEmpty() ? Legacy.update(r.attributeUpdates())
                : null;
        ConditionExpr condition = r.conditionExpression() != null
                ? Expressions.condition(r.conditionExpression(), "ConditionExpression", ctx)
                : r.hasExpected() || r.conditionalOperator() != null
                        ? Legacy.condition(r.hasExpected() ? r.expected() : Map.of(), r.conditionalOperator()) : null;
        ctx.verifyAllUsed();
        Map<String, AttributeValue> keyAttributes = AttributeValues.normalizeItem(r.key());
        RequestChecks.keyValuesNotEmpty(keyAttributes);

        Table table = engine.requireTable(r.tableName());
        TableDefinition def = table.definition();
        PrimaryKey key = Keys.fromKey(def, keyAttributes);
        ItemWrites.checkUpdatableAttributes(def, update);
        engine.capacity().admitWrite(table, key.partition());
        StoredItem[] result = engine.exclusive(() -> {
            StoredItem current = table.current(key);
            checkCondition(condition, current, r.returnValuesOnConditionCheckFailure());
            StoredItem next = ItemWrites.updated(def, key, current, update);
            if (next == null) {
                return new StoredItem[] {null, null};
            }
            ItemCollections.checkLimit(table, key, current, next);
            engine.commit(List.of(ItemChange.of(table, key, current, next)));
            return new StoredItem[] {current, next};
        });
        StoredItem old = result[0];
        StoredItem next = result[1];
        CapacityMeter meter = new CapacityMeter(r.tableName()).addTable(CapacityMeter.writeUnits(
                Math.max(old == null ? 0 : old.size(), next == null ? 0 : next.size())));
        if (next != null) {
            IndexWriteCost.charge(meter, table, key, old, next, 1);
        }
        engine.capacity().charge(table, key.partition(), meter, true);
        UpdateItemResponse.Builder out = UpdateItemResponse.builder()
                .itemCollectionMetrics(ItemCollections.metrics(table, key, r.returnItemCollectionMetrics()))
                .consumedCapacity(meter.build(r.returnConsumedCapacity()));
        Map<String, AttributeValue> attributes = returnedAttributes(r.returnValues(), update, old, next);
        if (attributes != null && !attributes.isEmpty()) {
            out.attributes(attributes);
        }
        return out.build();
    }

    public DeleteItemResponse deleteItem(DeleteItemRequest r) {
        List<String> legacy = legacy(r.hasExpected(), "Expected", r.conditionalOperator() != null, "ConditionalOperator");
        List<String> modern = modern(r.conditionExpression(), "ConditionExpression");
        ExpressionInputs.rejectLegacy(legacy, modern);
        ExpressionContext ctx = ExpressionInputs.context(ExpressionInputs.present(r.hasExpressionAttributeNames(),
                r.expressionAttributeNames()), ExpressionInputs.present(r.hasExpressionAttributeValues(),
                r.expressionAttributeValues()), !modern.isEmpty(), "ConditionExpression", r.conditionExpression());
        ConditionExpr condition = r.conditionExpression() != null
                ? Expressions.condition(r.conditionExpression(), "ConditionExpression", ctx)
                : legacy.isEmpty() ? null : Legacy.condition(r.hasExpected() ? r.expected() : Map.of(),
                        r.conditionalOperator());
        ctx.verifyAllUsed();
        ReturnValue returnValues = r.returnValues();
        if (returnValues != null && returnValues != ReturnValue.NONE && returnValues != ReturnValue.ALL_OLD) {
            throw EngineErrors.validation("ReturnValues can only be ALL_OLD or NONE");
        }
        Map<String, AttributeValue> keyAttributes = AttributeValues.normalizeItem(r.key());
        RequestChecks.keyValuesNotEmpty(keyAttributes);

        Table table = engine.requireTable(r.tableName());
        PrimaryKey key = Keys.fromKey(table.definition(), keyAttributes);
        engine.capacity().admitWrite(table, key.partition());
        StoredItem old = engine.exclusive(() -> {
            StoredItem current = table.current(key);
            checkCondition(condition, current, r.returnValuesOnConditionCheckFailure());
            if (current != null) {
                engine.commit(List.of(ItemChange.of(table, key, current, null)));
            }
            return current;
        });
        CapacityMeter meter = new CapacityMeter(r.tableName())
                .addTable(CapacityMeter.writeUnits(old == null ? 0 : old.size()));
        if (old != null) {
            IndexWriteCost.charge(meter, table, key, old, null, 1);
        }
        engine.capacity().charge(table, key.partition(), meter, true);
        DeleteItemResponse.Builder out = DeleteItemResponse.builder()
                .itemCollectionMetrics(ItemCollections.metrics(table, key, r.returnItemCollectionMetrics()))
                .consumedCapacity(meter.build(r.returnConsumedCapacity()));
        if (returnValues == ReturnValue.ALL_OLD && old != null) {
            out.attributes(old.attributes());
        }
        return out.build();
    }

    private static void checkCondition(ConditionExpr condition, StoredItem current,
            ReturnValuesOnConditionCheckFailure onFailure) {
        ItemWrites.checkCondition(condition, current, onFailure);
    }

    private static Map<String, AttributeValue> returnedAttributes(ReturnValue mode, UpdateExpr update, StoredItem old,
            StoredItem next) {
        if (mode == null || next == null) {
            return null;
        }
        return switch (mode) {
            case ALL_OLD -> old == null ? null : old.attributes();
            case ALL_NEW -> next.attributes();
            case UPDATED_OLD -> old == null || update == null ? null : update.projectUpdated(old.attributes());
            case UPDATED_NEW -> update == null ? null : update.projectUpdated(next.attributes());
            default -> null;
        };
    }

    static List<String> legacy(Object... flagsAndNames) {
        List<String> present = new ArrayList<>();
        for (int i = 0; i < flagsAndNames.length; i += 2) {
            if (Boolean.TRUE.equals(flagsAndNames[i])) {
                present.add((String) flagsAndNames[i + 1]);
            }
        }
        return present;
    }

    static List<String> modern(String... expressionsAndNames) {
        List<String> present = new ArrayList<>();
        for (int i = 0; i < expressionsAndNames.length; i += 2) {
            if (expressionsAndNames[i] != null) {
                present.add(expressionsAndNames[i + 1]);
            }
        }
        return present;
    }
}
