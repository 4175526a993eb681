package dev.singletable.engine.durability;

import dev.singletable.engine.storage.KeyAttributes;
import dev.singletable.engine.storage.KeyValue;
import dev.singletable.engine.storage.StoredItem;
import dev.singletable.engine.table.IndexDef;
import dev.singletable.engine.table.KeyDef;
import dev.singletable.engine.table.TableDefinition;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A table's key attributes (its own, then every index's, each once) with the types its definition gives them: what
 * a load decodes of an item that otherwise stays encoded.
 */
final class KeyNames {

    final String[] names;
    final ScalarAttributeType[] types;
    final byte[][] utf8;

    private KeyNames(Map<String, ScalarAttributeType> keys) {
        names = keys.keySet().toArray(new String[0]);
        types = keys.values().toArray(new ScalarAttributeType[0]);
        utf8 = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            utf8[i] = names[i].getBytes(StandardCharsets.UTF_8);
        }
    }

    static KeyNames of(TableDefinition table) {
        Map<String, ScalarAttributeType> keys = new LinkedHashMap<>();
        add(keys, table.primaryKey());
        for (IndexDef index : table.globalIndexes()) {
            add(keys, index.key());
        }
        for (IndexDef index : table.localIndexes()) {
            add(keys, index.key());
        }
        return new KeyNames(keys);
    }

    private static void add(Map<String, ScalarAttributeType> keys, KeyDef key) {
        for (KeyDef.KeyPart part : key.hashParts()) {
            keys.putIfAbsent(part.name(), part.type());
        }
        for (KeyDef.KeyPart part : key.rangeParts()) {
            keys.putIfAbsent(part.name(), part.type());
        }
    }

    /** Reads a stored item, keeping it encoded, and decodes its key values into {@code found} (one per name). */
    StoredItem read(ByteReader in, KeyValue[] found) {
        return ItemCodec.readStoredLazily(in, utf8, types, found);
    }

    /** The key attributes of an item: read from its bytes while it is still encoded, else from its attributes. */
    KeyAttributes of(StoredItem item) {
        byte[] encoded = item.encodedForm();
        if (encoded == null) {
            return KeyAttributes.of(item.attributes());
        }
        KeyValue[] found = new KeyValue[names.length];
        ItemCodec.readKeyValues(new ByteReader(encoded), utf8, types, found);
        return new LoadedKeys(names, found);
    }

    LoadedKeys keys(KeyValue[] found) {
        return new LoadedKeys(names, found);
    }
}
