package dev.singletable.engine.durability;

import dev.singletable.engine.core.Engine;
import dev.singletable.engine.core.ItemChange;
import dev.singletable.engine.core.Table;
import dev.singletable.engine.storage.PrimaryKey;
import dev.singletable.engine.storage.StoredItem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Writes through the engine's commit path, as the item operations do, for engine-level tests. */
public final class Items {

    private Items() {}

    public static Map<String, AttributeValue> item(String pk, String sk, Object... more) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put("pk", AttributeValue.fromS(pk));
        if (sk != null) {
            m.put("sk", AttributeValue.fromS(sk));
        }
        for (int i = 0; i < more.length; i += 2) {
            Object v = more[i + 1];
            m.put(
                    (String) more[i],
                    v instanceof AttributeValue a
                            ? a
                            : v instanceof Number n
                                    ? AttributeValue.fromN(n.toString())
                                    : AttributeValue.fromS(v.toString()));
        }
        return Collections.unmodifiableMap(m);
    }

    /** A rough size (names and string/number text): tests only need it to be stable. */
    public static StoredItem stored(Map<String, AttributeValue> attributes) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> e : attributes.entrySet()) {
            size += e.getKey().getBytes(StandardCharsets.UTF_8).length
                    + e.getValue().toString().length();
        }
        return new StoredItem(attributes, size);
    }

    public static void put(Engine engine, String table, Map<String, AttributeValue> item) {
        transact(engine, List.of(new Write(table, item, null)));
    }

    public static void delete(Engine engine, String table, Map<String, AttributeValue> key) {
        transact(engine, List.of(new Write(table, null, key)));
    }

    /** One write of a unit: a put (item) or a delete (key). */
    public record Write(String table, Map<String, AttributeValue> item, Map<String, AttributeValue> key) {}

    /** Commits the writes as one unit, like a transaction. */
    public static void transact(Engine engine, List<Write> writes) {
        engine.exclusive(() -> {
            List<ItemChange> changes = new ArrayList<>();
            for (Write w : writes) {
                Table t = engine.requireTable(w.table());
                Map<String, AttributeValue> keySource = w.item() != null ? w.item() : w.key();
                PrimaryKey key = StoredKeys.of(t.definition().primaryKey(), keySource);
                StoredItem old = t.current(key);
                StoredItem next = w.item() == null ? null : stored(w.item());
                if (old != null || next != null) {
                    changes.add(ItemChange.of(t, key, old, next));
                }
            }
            engine.commit(changes);
            return null;
        });
    }

    /** A table's items as plain maps, keyed by "pk|sk", for comparisons. */
    public static Map<String, Map<String, AttributeValue>> contents(Engine engine, String table) {
        Map<String, Map<String, AttributeValue>> out = new TreeMap<>();
        for (StoredItem item : engine.requireTable(table).data().items().values()) {
            Map<String, AttributeValue> a = item.attributes();
            out.put(
                    a.get("pk").s() + "|"
                            + (a.get("sk") == null ? "" : a.get("sk").s()),
                    a);
        }
        return out;
    }
}
