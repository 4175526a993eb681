package dev.singletable.engine.ops;

import dev.singletable.engine.capacity.CapacityMeter;
import dev.singletable.engine.core.Engine;
import dev.singletable.engine.core.ItemChange;
import dev.singletable.engine.core.Keys;
import dev.singletable.engine.core.Table;
import dev.singletable.engine.error.EngineErrors;
import dev.singletable.engine.expr.ConditionExpr;
import dev.singletable.engine.expr.Legacy;
import dev.singletable.engine.expr.ProjectionExpr;
import dev.singletable.engine.expr.UpdateExpr;
import dev.singletable.engine.storage.PrimaryKey;
import dev.singletable.engine.storage.StoredItem;
import dev.singletable.engine.table.TableDefinition;
import dev.singletable.engine.value.AttributeValues;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalOperator;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * PutItem, GetItem, UpdateItem and DeleteItem.
 * Each follows its API reference: [1], [2], [3], [4].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutItem.html">PutItem</a>
 * <br>[2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetItem.html">GetItem</a>
 * <br>[3] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateItem.html">UpdateItem</a>
 * <br>[4] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DeleteItem.html">DeleteItem</a>
 */
public final class ItemOperations {

    private final Engine engine;

    public ItemOperations(Engine engine) {
        this.engine = engine;
    }

    public PutItemResponse putItem(PutItemRequest r) {
        ConditionExpr condition = writeCondition(
                RequestExpressions.of(
                        r.hasExpressionAttributeNames(),
                        r.expressionAttributeNames(),
                        r.hasExpressionAttributeValues(),
                        r.expressionAttributeValues()),
                r.conditionExpression(),
                r.hasExpected(),
                r.expected(),
                r.conditionalOperator());
        ReturnValue returnValues = allOldOrNone(r.returnValues());
        Map<String, AttributeValue> item = AttributeValues.normalizeItem(r.item());
        long size = RequestChecks.itemSize(item);

        Table table = engine.requireTable(r.tableName());
        TableDefinition def = table.definition();
        PrimaryKey key = Keys.fromItem(def, item);
        StoredItem newItem = ItemWrites.newItem(def, item, size);
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
        PutItemResponse.Builder out = PutItemResponse.builder()
                .consumedCapacity(meter.build(r.returnConsumedCapacity()))
                .itemCollectionMetrics(ItemCollections.metrics(table, key, r.returnItemCollectionMetrics()));
        if (returnValues == ReturnValue.ALL_OLD && old != null) {
            out.attributes(old.attributes());
        }
        return out.build();
    }

    public GetItemResponse getItem(GetItemRequest r) {
        // A GetItem with none of ExpressionAttributeNames, AttributesToGet and ProjectionExpression has nothing the
        // expression step could refuse or compile: it reads the whole item without building that step. Besides its
        // own allocations (and a stream), the step is most of the nodes this method adds to whichever caller the JIT
        // inlines it into; with it, the engine's GetItem path used up C2's inlining budget before the response was
        // built, and how far it got differed from one JVM to the next (docs/benchmarks.md, issue 24).
        @Nullable
        ProjectionExpr projection =
                r.hasExpressionAttributeNames() || r.hasAttributesToGet() || r.projectionExpression() != null
                        ? projectionOf(r)
                        : null;
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
        GetItemResponse.Builder out =
                GetItemResponse.builder().consumedCapacity(meter.build(r.returnConsumedCapacity()));
        if (item != null) {
            out.item(projection == null ? item.attributes() : projection.apply(item.attributes()));
        }
        return out.build();
    }

    /** A GetItem's projection, after the checks DynamoDB makes on its expression parameters; null for all of it. */
    private static @Nullable ProjectionExpr projectionOf(GetItemRequest r) {
        return RequestExpressions.of(r.hasExpressionAttributeNames(), r.expressionAttributeNames())
                .legacy(r.hasAttributesToGet(), "AttributesToGet")
                .projection(
                        r.projectionExpression(),
                        () -> RequestExpressions.attributesToGet(r.hasAttributesToGet(), r.attributesToGet()))
                .compile()
                .projection();
    }

    public UpdateItemResponse updateItem(UpdateItemRequest r) {
        RequestExpressions.Compiled expressions = RequestExpressions.of(
                        r.hasExpressionAttributeNames(),
                        r.expressionAttributeNames(),
                        r.hasExpressionAttributeValues(),
                        r.expressionAttributeValues())
                .legacy(r.hasExpected(), "Expected")
                .legacy(r.conditionalOperator() != null, "ConditionalOperator")
                .legacy(r.hasAttributeUpdates(), "AttributeUpdates")
                // an empty AttributeUpdates is no update at all: a missing item is created with its key alone (AWS)
                .update(
                        r.updateExpression(),
                        () -> r.hasAttributeUpdates() && !r.attributeUpdates().isEmpty()
                                ? Legacy.update(r.attributeUpdates())
                                : null)
                .condition(
                        r.conditionExpression(),
                        () -> RequestExpressions.expected(r.hasExpected(), r.expected(), r.conditionalOperator()))
                .compile();
        UpdateExpr update = expressions.update();
        ConditionExpr condition = expressions.condition();
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
        CapacityMeter meter = new CapacityMeter(r.tableName())
                .addTable(CapacityMeter.writeUnits(
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
        ConditionExpr condition = writeCondition(
                RequestExpressions.of(
                        r.hasExpressionAttributeNames(),
                        r.expressionAttributeNames(),
                        r.hasExpressionAttributeValues(),
                        r.expressionAttributeValues()),
                r.conditionExpression(),
                r.hasExpected(),
                r.expected(),
                r.conditionalOperator());
        ReturnValue returnValues = allOldOrNone(r.returnValues());
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
        CapacityMeter meter =
                new CapacityMeter(r.tableName()).addTable(CapacityMeter.writeUnits(old == null ? 0 : old.size()));
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

    /** A PutItem's or DeleteItem's condition: a ConditionExpression, or the legacy Expected and ConditionalOperator. */
    private static @Nullable ConditionExpr writeCondition(
            RequestExpressions request,
            @Nullable String conditionExpression,
            boolean hasExpected,
            Map<String, ExpectedAttributeValue> expected,
            @Nullable ConditionalOperator operator) {
        return request.legacy(hasExpected, "Expected")
                .legacy(operator != null, "ConditionalOperator")
                .condition(conditionExpression, () -> RequestExpressions.expected(hasExpected, expected, operator))
                .compile()
                .condition();
    }

    /** PutItem and DeleteItem return the old item or nothing. */
    private static @Nullable ReturnValue allOldOrNone(@Nullable ReturnValue returnValues) {
        if (returnValues != null && returnValues != ReturnValue.NONE && returnValues != ReturnValue.ALL_OLD) {
            throw EngineErrors.validation("ReturnValues can only be ALL_OLD or NONE");
        }
        return returnValues;
    }

    private static void checkCondition(
            @Nullable ConditionExpr condition,
            @Nullable StoredItem current,
            @Nullable ReturnValuesOnConditionCheckFailure onFailure) {
        ItemWrites.checkCondition(condition, current, onFailure);
    }

    private static @Nullable Map<String, AttributeValue> returnedAttributes(
            @Nullable ReturnValue mode,
            @Nullable UpdateExpr update,
            @Nullable StoredItem old,
            @Nullable StoredItem next) {
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
}
