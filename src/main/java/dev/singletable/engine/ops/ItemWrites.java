package dev.singletable.engine.ops;

import dev.singletable.engine.core.Keys;
import dev.singletable.engine.error.EngineErrors;
import dev.singletable.engine.expr.ConditionExpr;
import dev.singletable.engine.expr.UpdateExpr;
import dev.singletable.engine.storage.ItemAttributes;
import dev.singletable.engine.storage.PrimaryKey;
import dev.singletable.engine.storage.StoredItem;
import dev.singletable.engine.table.TableDefinition;
import dev.singletable.engine.value.AttributeValues;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The steps of a single-item write that PutItem, UpdateItem, DeleteItem, batches and transactions share.
 * The item size limit is in [1].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html">Quotas in Amazon DynamoDB</a>
 */
final class ItemWrites {

    static final long MAX_ITEM_BYTES = 400 * 1024;

    private ItemWrites() {}

    /**
     * A whole new item (PutItem, BatchWrite put, transaction Put), validated against the table. {@code size} is the
     * one {@link RequestChecks#itemSize} returned while checking the request, which also refused an item over the
     * limit: the size walks every attribute, so it is not computed again here.
     */
    static StoredItem newItem(TableDefinition def, Map<String, AttributeValue> normalizedItem, long size) {
        Keys.checkIndexKeys(def, normalizedItem);
        return new StoredItem(ItemAttributes.copyOf(normalizedItem), size);
    }

    /** Key attributes cannot be the target of an update action. */
    static void checkUpdatableAttributes(TableDefinition def, @Nullable UpdateExpr update) {
        if (update == null) {
            return;
        }
        for (String attribute : update.topLevelAttributes()) {
            if (def.primaryKey().isKeyAttribute(attribute)) {
                throw EngineErrors.validation("One or more parameter values were invalid: Cannot update attribute "
                        + attribute + ". This attribute is part of the key");
            }
        }
        for (String attribute : update.nestedTopLevelAttributes()) {
            if (isIndexKeyAttribute(def, attribute)) {
                throw EngineErrors.validation("Key attributes must be scalars; list random access '[]' and map lookup "
                        + "'.' are not allowed: IndexKey: " + attribute);
            }
        }
    }

    private static boolean isIndexKeyAttribute(TableDefinition def, String attribute) {
        return java.util.stream.Stream.concat(def.globalIndexes().stream(), def.localIndexes().stream())
                .anyMatch(index -> index.key().isKeyAttribute(attribute));
    }

    /**
     * The item after an update, or null when nothing is written: an update made only of REMOVE/DELETE actions on a
     * missing item creates nothing, as in DynamoDB. Without an update expression a missing item is created with its
     * key attributes alone.
     */
    static @Nullable StoredItem updated(
            TableDefinition def, PrimaryKey key, @Nullable StoredItem current, @Nullable UpdateExpr update) {
        if (current == null && update != null && update.onlyRemoves()) {
            return null; // REMOVE a.b on a missing item: nothing to remove, no path to check, nothing written
        }
        Map<String, AttributeValue> base = current == null ? Keys.keyAttributes(def, key) : current.attributes();
        Map<String, AttributeValue> next = update == null ? base : update.apply(base);
        if (current == null && update != null && next.size() == base.size()) {
            return null;
        }
        // AWS words a wrong index-key type set by an UpdateExpression on an existing item its own way; AttributeUpdates
        // gets the "Type mismatch" sentence, as on a new item
        Keys.checkIndexKeys(
                def,
                next,
                update == null
                        ? Keys.IndexKeySource.ITEM
                        : current == null || update.legacy()
                                ? Keys.IndexKeySource.UPDATE_CREATING
                                : Keys.IndexKeySource.UPDATE_EXISTING);
        long size = AttributeValues.itemSize(next);
        if (size > MAX_ITEM_BYTES) {
            throw EngineErrors.validation("Item size to update has exceeded the maximum allowed size");
        }
        return new StoredItem(ItemAttributes.copyOf(next), size);
    }

    /** Whether the condition holds for the current item (a missing item is an empty one). */
    static boolean holds(@Nullable ConditionExpr condition, @Nullable StoredItem current) {
        return condition == null || condition.test(current == null ? Map.of() : current.attributes());
    }

    static void checkCondition(
            @Nullable ConditionExpr condition,
            @Nullable StoredItem current,
            @Nullable ReturnValuesOnConditionCheckFailure onFailure) {
        if (!holds(condition, current)) {
            boolean withItem = onFailure == ReturnValuesOnConditionCheckFailure.ALL_OLD && current != null;
            throw EngineErrors.conditionalCheckFailed(withItem && current != null ? current.attributes() : null);
        }
    }
}
