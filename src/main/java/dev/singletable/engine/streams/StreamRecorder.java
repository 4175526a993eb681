package dev.singletable.engine.streams;

import dev.singletable.engine.core.CommitListener;
import dev.singletable.engine.core.Engine;
import dev.singletable.engine.core.ItemChange;
import dev.singletable.engine.core.Keys;
import dev.singletable.engine.core.Table;
import dev.singletable.engine.storage.StoredItem;
import dev.singletable.engine.table.TableDefinition;
import dev.singletable.engine.value.AttributeValues;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Turns committed changes into stream records, in commit order (so, per item, in the order of the writes), and
 * follows the tables' stream settings: a stream is created when enabled, and disabled when turned off or when its
 * table is deleted [1]. A write that changed nothing leaves no record, as in DynamoDB [1]. Which images a record holds
 * follows the table's StreamViewType [2]; INSERT, MODIFY and REMOVE name what happened to the item [3].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html">Change data capture for DynamoDB Streams</a><br>
 * [2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_StreamSpecification.html">StreamSpecification</a><br>
 * [3] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_Record.html">Record</a>
 */
public final class StreamRecorder implements CommitListener {

    private final Engine engine;
    private final StreamStore store;
    private final ToLongFunction<Map<String, AttributeValue>> sizer;

    /** @param sizer DynamoDB's size of an attribute map (for the keys' share of SizeBytes) */
    public StreamRecorder(Engine engine, StreamStore store, ToLongFunction<Map<String, AttributeValue>> sizer) {
        this.engine = engine;
        this.store = store;
        this.sizer = sizer;
    }

    @Override
    public void committed(long unit, List<ItemChange> changes, long commitTimeMillis) {
        for (int i = 0; i < changes.size(); i++) {
            ItemChange c = changes.get(i);
            TableDefinition def = c.table().definition();
            String arn = def.latestStreamArn();
            if (!def.streamEnabled() || arn == null || unchanged(c.oldItem(), c.newItem())) {
                continue;
            }
            store.record(arn, event(def, c, SequenceNumbers.of(unit, i), commitTimeMillis));
        }
    }

    private StreamEvent event(TableDefinition def, ItemChange c, long sequence, long time) {
        OperationType name = c.oldItem() == null
                ? OperationType.INSERT
                : c.newItem() == null ? OperationType.REMOVE : OperationType.MODIFY;
        StreamViewType view = def.streamViewType();
        boolean showNew = view == StreamViewType.NEW_IMAGE || view == StreamViewType.NEW_AND_OLD_IMAGES;
        boolean showOld = view == StreamViewType.OLD_IMAGE || view == StreamViewType.NEW_AND_OLD_IMAGES;
        Map<String, AttributeValue> keys = Keys.keyAttributes(def, c.key());
        StoredItem newItem = showNew ? c.newItem() : null;
        StoredItem oldItem = showOld ? c.oldItem() : null;
        long size = sizer.applyAsLong(keys)
                + (newItem == null ? 0 : newItem.size())
                + (oldItem == null ? 0 : oldItem.size());
        return new StreamEvent(
                sequence,
                name,
                time,
                keys,
                newItem == null ? null : newItem.attributes(),
                oldItem == null ? null : oldItem.attributes(),
                size,
                c.byService());
    }

    /** No record for a delete of nothing, or a write that leaves the item as it was. */
    private static boolean unchanged(@Nullable StoredItem oldItem, @Nullable StoredItem newItem) {
        if (oldItem == null || newItem == null) {
            return oldItem == newItem;
        }
        Map<String, AttributeValue> a = oldItem.attributes();
        Map<String, AttributeValue> b = newItem.attributes();
        if (a.equals(b)) {
            return true;
        }
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, AttributeValue> e : a.entrySet()) {
            AttributeValue other = b.get(e.getKey());
            if (other == null || !sameValue(e.getValue(), other)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Stored values are normalized (numbers in canonical form), so scalars are equal exactly when their fields are;
     * sets, and documents that may hold sets, need DynamoDB's equality (set members in any order).
     */
    private static boolean sameValue(AttributeValue a, AttributeValue b) {
        if (a.equals(b)) {
            return true;
        }
        if (a.type() != b.type()) {
            return false;
        }
        return switch (a.type()) {
            case SS, NS, BS, M, L -> AttributeValues.equal(a, b);
            default -> false;
        };
    }

    @Override
    public void tableCreated(Table table, long timeMillis) {
        TableDefinition def = table.definition();
        if (def.streamEnabled()) {
            store.enable(def, engine.sequence(), timeMillis);
        }
    }

    @Override
    public void tableRedefined(Table table, TableDefinition previous, long timeMillis) {
        TableDefinition current = table.definition();
        String previousArn = previous.latestStreamArn();
        boolean sameStream = Objects.equals(previousArn, current.latestStreamArn());
        if (previous.streamEnabled() && previousArn != null && (!current.streamEnabled() || !sameStream)) {
            store.disable(previousArn, timeMillis);
        }
        if (current.streamEnabled() && (!previous.streamEnabled() || !sameStream)) {
            store.enable(current, engine.sequence(), timeMillis);
        }
    }

    @Override
    public void tableDropped(Table table, long timeMillis) {
        String arn = table.definition().latestStreamArn();
        if (table.definition().streamEnabled() && arn != null) {
            store.disable(arn, timeMillis);
        }
    }
}
