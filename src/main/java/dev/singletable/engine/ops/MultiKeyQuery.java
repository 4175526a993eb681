package dev.singletable.engine.ops;

import dev.singletable.engine.expr.MultiKeyCondition;
import dev.singletable.engine.expr.SortOp;
import dev.singletable.engine.storage.IndexKey;
import dev.singletable.engine.storage.KeyValue;
import dev.singletable.engine.storage.StoredItem;
import dev.singletable.engine.table.KeyDef;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Query on a global index with a multi-attribute key. The index orders its entries by the partition attributes taken
 * together, then by the sort attributes one after another; equalities on a prefix of the sort attributes and a
 * condition on the next one select one contiguous run of entries, which is read as a range, as for a single sort key.
 * The key's rules are those of [1].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.MultiAttributeKeys">Multi-attribute keys for global secondary indexes</a>
 */
final class MultiKeyQuery {

    private MultiKeyQuery() {}

    /** The values' types, emptiness and BETWEEN order, with the messages a single-attribute key gets. */
    static void checkTypes(MultiKeyCondition kc, KeyDef schema) {
        List<KeyDef.KeyPart> hash = schema.hashParts();
        for (int i = 0; i < hash.size(); i++) {
            QueryOperations.checkValue(
                    kc.hashValues().get(i), hash.get(i).type(), hash.get(i).name());
        }
        List<KeyDef.KeyPart> range = schema.rangeParts();
        for (int i = 0; i < kc.rangeEquals().size(); i++) {
            QueryOperations.checkValue(
                    kc.rangeEquals().get(i), range.get(i).type(), range.get(i).name());
        }
        if (kc.op() != SortOp.NONE) {
            KeyDef.KeyPart part = range.get(kc.opPosition());
            QueryOperations.checkSortCondition(kc.op(), kc.lo(), kc.hi(), part.type(), part.name());
        }
    }

    static java.util.Iterator<StoredItem> entries(
            ReadTarget target, MultiKeyCondition kc, @Nullable Map<String, AttributeValue> esk, boolean forward) {
        KeyDef schema = target.keySchema();
        KeyValue hash = composite(schema.hashParts(), kc.hashValues());
        NavigableMap<IndexKey, StoredItem> all = target.indexEntries();
        int sortParts = schema.rangeParts().size();
        NavigableMap<IndexKey, StoredItem> range;
        if (sortParts == 0) {
            range = all.subMap(IndexKey.lowest(hash, KeyValue.NONE), true, IndexKey.highest(hash, KeyValue.NONE), true);
        } else {
            Bounds b = new Bounds(schema, kc);
            AttributeValue lo = kc.lo(); // null only for NONE, which reads the whole prefix
            range = switch (kc.op()) {
                case NONE ->
                    all.subMap(
                            IndexKey.lowest(hash, b.with(null, KeyValue.MIN)),
                            true,
                            IndexKey.highest(hash, b.with(null, KeyValue.MAX)),
                            true);
                case EQ ->
                    all.subMap(
                            IndexKey.lowest(hash, b.with(lo, KeyValue.MIN)),
                            true,
                            IndexKey.highest(hash, b.with(lo, KeyValue.MAX)),
                            true);
                case LT ->
                    all.subMap(
                            IndexKey.lowest(hash, b.with(null, KeyValue.MIN)),
                            true,
                            IndexKey.lowest(hash, b.with(lo, KeyValue.MIN)),
                            false);
                case LE ->
                    all.subMap(
                            IndexKey.lowest(hash, b.with(null, KeyValue.MIN)),
                            true,
                            IndexKey.highest(hash, b.with(lo, KeyValue.MAX)),
                            true);
                case GT ->
                    all.subMap(
                            IndexKey.highest(hash, b.with(lo, KeyValue.MAX)),
                            false,
                            IndexKey.highest(hash, b.with(null, KeyValue.MAX)),
                            true);
                case GE ->
                    all.subMap(
                            IndexKey.lowest(hash, b.with(lo, KeyValue.MIN)),
                            true,
                            IndexKey.highest(hash, b.with(null, KeyValue.MAX)),
                            true);
                case BETWEEN ->
                    all.subMap(
                            IndexKey.lowest(hash, b.with(lo, KeyValue.MIN)),
                            true,
                            IndexKey.highest(hash, b.with(kc.hi(), KeyValue.MAX)),
                            true);
                case BEGINS_WITH -> {
                    KeyValue end = QueryOperations.prefixEnd(QueryOperations.operand(lo));
                    yield end == null
                            ? all.subMap(
                                    IndexKey.lowest(hash, b.with(lo, KeyValue.MIN)),
                                    true,
                                    IndexKey.highest(hash, b.with(null, KeyValue.MAX)),
                                    true)
                            : all.subMap(
                                    IndexKey.lowest(hash, b.with(lo, KeyValue.MIN)),
                                    true,
                                    IndexKey.lowest(hash, b.withKey(end, KeyValue.MIN)),
                                    false);
                }
            };
        }
        IndexKey start = target.indexStartIn(hash, esk);
        return ReadTarget.after(range, start, forward).values().iterator();
    }

    private static KeyValue composite(List<KeyDef.KeyPart> parts, List<AttributeValue> values) {
        KeyValue[] out = new KeyValue[parts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = KeyValue.of(parts.get(i).type(), values.get(i));
        }
        return KeyValue.composite(out);
    }

    /**
     * Sort-key bounds: the equality prefix, then a value for the attribute the condition is on (or the fill when
     * there is none), then the fill ({@link KeyValue#MIN} or {@link KeyValue#MAX}) for every later attribute.
     */
    private static final class Bounds {
        private final List<KeyDef.KeyPart> parts;
        private final KeyValue[] prefix;

        Bounds(KeyDef schema, MultiKeyCondition kc) {
            this.parts = schema.rangeParts();
            this.prefix = new KeyValue[kc.rangeEquals().size()];
            for (int i = 0; i < prefix.length; i++) {
                prefix[i] = KeyValue.of(parts.get(i).type(), kc.rangeEquals().get(i));
            }
        }

        /** {@code value} null: no value for the condition's attribute, the fill from there on. */
        KeyValue with(@Nullable AttributeValue value, KeyValue fill) {
            return withKey(
                    value == null ? null : KeyValue.of(parts.get(prefix.length).type(), value), fill);
        }

        KeyValue withKey(@Nullable KeyValue value, KeyValue fill) {
            KeyValue[] out = Arrays.copyOf(prefix, parts.size());
            int next = prefix.length;
            if (value != null) {
                out[next++] = value;
            }
            Arrays.fill(out, next, out.length, fill);
            return KeyValue.composite(out);
        }
    }
}
