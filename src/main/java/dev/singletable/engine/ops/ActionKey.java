package dev.singletable.engine.ops;

import dev.singletable.engine.core.Keys;
import dev.singletable.engine.storage.PrimaryKey;
import dev.singletable.engine.table.KeyDef;
import dev.singletable.engine.table.TableDefinition;
import dev.singletable.engine.value.AttributeValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * The key of one transaction action. A key that names the wrong attributes (except in a Get), or holds an empty or
 * oversized value, makes the whole request invalid; a key value of the wrong type only invalidates its own action, which then cancels
 * the transaction with a ValidationError reason in its position, as DynamoDB does.
 * The cancellation reasons are those of [1].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html">TransactWriteItems</a>
 *
 * @param key   the resolved key, or null when {@code error} is set
 * @param error the message of the action's ValidationError, or null
 */
record ActionKey(@Nullable PrimaryKey key, @Nullable String error) {

    /**
     * The key of a valid action. A transaction with an invalid action is cancelled before any key is used, so asking
     * an invalid one for its key is a bug.
     */
    PrimaryKey resolved() {
        if (key == null) {
            throw new IllegalStateException("an invalid action has no key: " + error);
        }
        return key;
    }

    /** A {@code Key} parameter (Update, Delete, ConditionCheck, Get). */
    static ActionKey fromKey(TableDefinition def, Map<String, AttributeValue> key) {
        KeyDef schema = def.primaryKey();
        if (key == null || key.size() != schema.names().size() || !key.keySet().containsAll(schema.names())) {
            throw Keys.schemaMismatch();
        }
        if (!typesMatch(schema, key)) {
            return new ActionKey(null, Keys.SCHEMA_MISMATCH);
        }
        return new ActionKey(Keys.fromKey(def, key), null);
    }

    /**
     * A TransactGetItems {@code Key}: there AWS reports even a key naming the wrong attributes (an empty key, say)
     * as the action's ValidationError, not as an invalid request.
     */
    static ActionKey fromGetKey(TableDefinition def, Map<String, AttributeValue> key) {
        KeyDef schema = def.primaryKey();
        if (key == null || key.size() != schema.names().size() || !key.keySet().containsAll(schema.names())) {
            return new ActionKey(null, Keys.SCHEMA_MISMATCH);
        }
        return fromKey(def, key);
    }

    /** The key of a Put's item; a missing key attribute still makes the request invalid. */
    static ActionKey fromItem(TableDefinition def, Map<String, AttributeValue> item) {
        if (!item.keySet().containsAll(def.primaryKey().names()) || typesMatch(def.primaryKey(), item)) {
            return new ActionKey(Keys.fromItem(def, item), null);
        }
        try {
            Keys.fromItem(def, item);
        } catch (DynamoDbException typeMismatch) {
            return new ActionKey(null, typeMismatch.awsErrorDetails().errorMessage());
        }
        throw new IllegalStateException("a key attribute of the wrong type was accepted");
    }

    private static boolean typesMatch(KeyDef schema, Map<String, AttributeValue> attributes) {
        List<KeyDef.KeyPart> parts = new ArrayList<>(schema.hashParts());
        parts.addAll(schema.rangeParts());
        for (KeyDef.KeyPart part : parts) {
            if (!part.type()
                    .toString()
                    .equals(AttributeValues.typeOf(attributes.get(part.name())).name())) {
                return false;
            }
        }
        return true;
    }
}
