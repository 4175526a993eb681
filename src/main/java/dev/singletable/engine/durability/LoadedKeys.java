package dev.singletable.engine.durability;

import dev.singletable.engine.storage.KeyAttributes;
import dev.singletable.engine.storage.KeyValue;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The key attributes decoded for one loaded item: values at the positions of a name list its table shares (the
 * table's key attributes, then every index's), null where the item has none.
 */
final class LoadedKeys implements KeyAttributes {

    private final String[] names;
    private final @Nullable KeyValue[] values;

    LoadedKeys(String[] names, @Nullable KeyValue[] values) {
        this.names = names;
        this.values = values;
    }

    @Override
    public @Nullable KeyValue get(String name, ScalarAttributeType type) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                KeyValue v = values[i];
                return v != null && v.type() == type ? v : null;
            }
        }
        return null;
    }
}
