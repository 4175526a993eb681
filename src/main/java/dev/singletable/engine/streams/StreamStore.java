package dev.singletable.engine.streams;

import dev.singletable.engine.durability.ByteReader;
import dev.singletable.engine.durability.ByteWriter;
import dev.singletable.engine.durability.CorruptDataException;
import dev.singletable.engine.durability.ItemCodec;
import dev.singletable.engine.durability.SnapshotSection;
import dev.singletable.engine.table.KeyDef;
import dev.singletable.engine.table.TableDefinition;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Every stream of the engine, by ARN, with their shards and retained records. Records are added by the
 * {@link StreamRecorder} in commit order as units become visible (so never for a write that is not yet durable);
 * readers take this store's monitor briefly to copy what they return. Records older than 24 hours are trimmed [1]; a
 * shard rolls over to a child every four hours of activity (AWS documents shards as ephemeral, each able to hand over
 * to children [1], on its own schedule; the four hours are this engine's choice, listed in docs/fidelity.md); a
 * disabled stream disappears once nothing of it is retained.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html">Change data capture for DynamoDB Streams</a>
 */
public final class StreamStore {

    static final long RETENTION_MILLIS = 24L * 60 * 60 * 1000;
    static final long SHARD_ROLLOVER_MILLIS = 4L * 60 * 60 * 1000;

    private final NavigableMap<String, TableStream> streams = new TreeMap<>();

    /** A stream starts with one open shard whose first sequence number follows the enabling mutation. */
    synchronized void enable(TableDefinition definition, long commitSequence, long timeMillis) {
        String arn = definition.latestStreamArn();
        StreamViewType viewType = definition.streamViewType();
        if (arn == null || viewType == null || streams.containsKey(arn)) {
            return; // not a stream-enabled definition (both are set together when a stream is enabled)
        }
        TableStream stream = new TableStream(
                arn, definition.latestStreamLabel(), definition.name(), definition.primaryKey(), viewType, timeMillis);
        stream.shards.add(newShard(stream, null, timeMillis, SequenceNumbers.of(commitSequence + 1, 0)));
        streams.put(arn, stream);
    }

    synchronized void disable(String arn, long timeMillis) {
        TableStream stream = streams.get(arn);
        if (stream != null) {
            stream.disable(timeMillis);
        }
    }

    /** Adds a record to the stream's open shard, rolling the shard over when it is old enough. */
    synchronized void record(String arn, StreamEvent event) {
        TableStream stream = streams.get(arn);
        if (stream == null || !stream.enabled()) {
            return;
        }
        Shard shard = stream.openShard();
        if (shard == null || event.timeMillis() - shard.createdMillis >= SHARD_ROLLOVER_MILLIS) {
            String parent = null;
            if (shard != null) {
                shard.close(event.timeMillis());
                parent = shard.id;
            }
            shard = newShard(stream, parent, event.timeMillis(), event.sequence());
            stream.shards.add(shard);
        }
        shard.append(event);
        shard.trimBefore(event.timeMillis() - RETENTION_MILLIS);
    }

    /** Shard ids sort in creation order (the time comes first) and are unique per stream and starting point. */
    private static Shard newShard(
            TableStream stream, @Nullable String parentId, long timeMillis, long startingSequence) {
        CRC32 crc = new CRC32();
        crc.update((stream.arn + "#" + startingSequence).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String id = String.format("shardId-%020d-%08x", timeMillis, crc.getValue());
        return new Shard(id, parentId, timeMillis, startingSequence);
    }

    /** Drops what is older than the retention period: records, then empty closed shards, then empty streams. */
    synchronized void trim(long nowMillis) {
        long cutoff = nowMillis - RETENTION_MILLIS;
        Iterator<TableStream> it = streams.values().iterator();
        while (it.hasNext()) {
            TableStream stream = it.next();
            stream.shards.forEach(s -> s.trimBefore(cutoff));
            stream.shards.removeIf(s -> !s.isOpen() && s.size() == 0 && s.closedMillis() < cutoff);
            if (!stream.enabled() && stream.shards.isEmpty()) {
                it.remove();
            }
        }
    }

    synchronized @Nullable TableStream stream(String arn) {
        return streams.get(arn);
    }

    /** Streams after the given ARN (exclusive; null for the first), optionally of one table. */
    synchronized List<TableStream> list(@Nullable String tableName, @Nullable String exclusiveStartArn, int limit) {
        Map<String, TableStream> from = exclusiveStartArn == null ? streams : streams.tailMap(exclusiveStartArn, false);
        List<TableStream> out = new ArrayList<>();
        for (TableStream s : from.values()) {
            if (tableName == null || s.tableName.equals(tableName)) {
                out.add(s);
                if (out.size() > limit) {
                    break;
                }
            }
        }
        return out;
    }

    /** Runs reads of the store's structures under its monitor. */
    synchronized <T> T read(java.util.function.Supplier<T> reader) {
        return reader.get();
    }

    // ---- snapshot section

    private static final int STREAM = 1;
    private static final int SHARD = 2;
    private static final int EVENTS = 3;
    private static final int CHUNK_BYTES = 1024 * 1024;

    /** Carries the streams through snapshots: their log records are gone once a snapshot covers them. */
    public SnapshotSection snapshotSection() {
        return SnapshotSection.of(
                "streams",
                () -> {
                    List<Object[]> copy = captureState();
                    return sink -> writeState(copy, sink);
                },
                this::restoreState);
    }

    /** Per stream: the stream, then per shard the shard and a copy of its retained records. */
    private synchronized List<Object[]> captureState() {
        List<Object[]> copy = new ArrayList<>();
        for (TableStream s : streams.values()) {
            List<Object[]> shards = new ArrayList<>();
            for (Shard shard : s.shards) {
                shards.add(new Object[] {
                    shard, shard.endingSequence(), shard.closedMillis(), shard.trimmedThrough(), shard.retained()
                });
            }
            copy.add(new Object[] {s, s.disabledMillis(), shards});
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static void writeState(List<Object[]> copy, Consumer<byte[]> sink) {
        ByteWriter w = new ByteWriter(CHUNK_BYTES + 4096);
        for (Object[] entry : copy) {
            TableStream s = (TableStream) entry[0];
            w.u8(STREAM).string(s.arn).optString(s.label).string(s.tableName);
            w.string(s.keySchema.hashName()).string(s.keySchema.hashType().toString());
            w.optString(s.keySchema.rangeName())
                    .optString(
                            s.keySchema.rangeType() == null
                                    ? null
                                    : s.keySchema.rangeType().toString());
            w.string(s.viewType.toString()).i64(s.createdMillis).i64((Long) entry[1]);
            for (Object[] sh : (List<Object[]>) entry[2]) {
                Shard shard = (Shard) sh[0];
                w.u8(SHARD)
                        .string(shard.id)
                        .optString(shard.parentId)
                        .i64(shard.createdMillis)
                        .i64(shard.startingSequence)
                        .i64((Long) sh[1])
                        .i64((Long) sh[2])
                        .i64((Long) sh[3]);
                List<StreamEvent> events = (List<StreamEvent>) sh[4];
                int i = 0;
                while (i < events.size()) {
                    if (w.size() >= CHUNK_BYTES) {
                        sink.accept(w.toByteArray());
                        w.reset();
                    }
                    int start = i;
                    ByteWriter batch = new ByteWriter(64 * 1024);
                    while (i < events.size() && batch.size() < CHUNK_BYTES / 4) {
                        writeEvent(batch, events.get(i++));
                    }
                    w.u8(EVENTS).varint(i - start).raw(batch.array(), 0, batch.size());
                }
            }
            if (w.size() >= CHUNK_BYTES) {
                sink.accept(w.toByteArray());
                w.reset();
            }
        }
        if (w.size() > 0) {
            sink.accept(w.toByteArray());
        }
    }

    private synchronized void restoreState(List<byte[]> chunks) {
        streams.clear();
        TableStream stream = null;
        Shard shard = null;
        for (byte[] chunk : chunks) {
            ByteReader r = new ByteReader(chunk);
            while (r.hasMore()) {
                int kind = r.u8();
                switch (kind) {
                    case STREAM -> {
                        String arn = r.string();
                        String label = r.optString();
                        String table = r.string();
                        String hash = r.string();
                        ScalarAttributeType hashType = ScalarAttributeType.fromValue(r.string());
                        String range = r.optString();
                        String rangeType = r.optString();
                        KeyDef key = new KeyDef(
                                hash,
                                hashType,
                                range,
                                rangeType == null ? null : ScalarAttributeType.fromValue(rangeType));
                        StreamViewType view = StreamViewType.fromValue(r.string());
                        stream = new TableStream(arn, label, table, key, view, r.i64());
                        long disabled = r.i64();
                        if (disabled >= 0) {
                            stream.restoreDisabled(disabled);
                        }
                        streams.put(arn, stream);
                        shard = null;
                    }
                    case SHARD -> {
                        if (stream == null) {
                            throw new CorruptDataException("stream shard before its stream");
                        }
                        shard = new Shard(r.string(), r.optString(), r.i64(), r.i64());
                        long ending = r.i64();
                        long closed = r.i64();
                        long trimmed = r.i64();
                        if (ending >= 0) {
                            shard.restoreClosed(ending, closed, trimmed);
                        } else {
                            shard.restoreTrimmed(trimmed);
                        }
                        stream.shards.add(shard);
                    }
                    case EVENTS -> {
                        if (shard == null) {
                            throw new CorruptDataException("stream records before their shard");
                        }
                        int n = r.length();
                        for (int i = 0; i < n; i++) {
                            shard.append(readEvent(r));
                        }
                    }
                    default -> throw new CorruptDataException("unknown stream snapshot entry " + kind);
                }
            }
        }
    }

    private static void writeEvent(ByteWriter w, StreamEvent e) {
        w.varint(e.sequence())
                .u8(eventCode(e.eventName()))
                .i64(e.timeMillis())
                .varint(e.sizeBytes())
                .bool(e.byService());
        ItemCodec.writeItem(w, e.keys());
        w.u8((e.newImage() != null ? 1 : 0) | (e.oldImage() != null ? 2 : 0));
        if (e.newImage() != null) {
            ItemCodec.writeItem(w, e.newImage());
        }
        if (e.oldImage() != null) {
            ItemCodec.writeItem(w, e.oldImage());
        }
    }

    private static int eventCode(OperationType type) {
        return switch (type) {
            case INSERT -> 1;
            case MODIFY -> 2;
            case REMOVE -> 3;
            default -> throw new IllegalArgumentException("not a stream event type: " + type);
        };
    }

    private static StreamEvent readEvent(ByteReader r) {
        long sequence = r.varint();
        int op = r.u8();
        OperationType eventName =
                switch (op) {
                    case 1 -> OperationType.INSERT;
                    case 2 -> OperationType.MODIFY;
                    case 3 -> OperationType.REMOVE;
                    default -> throw new CorruptDataException("unknown stream event type " + op);
                };
        long time = r.i64();
        long size = r.varint();
        boolean byService = r.bool();
        Map<String, AttributeValue> keys = ItemCodec.readItem(r);
        int images = r.u8();
        @Nullable Map<String, AttributeValue> newImage = (images & 1) != 0 ? ItemCodec.readItem(r) : null;
        @Nullable Map<String, AttributeValue> oldImage = (images & 2) != 0 ? ItemCodec.readItem(r) : null;
        return new StreamEvent(sequence, eventName, time, keys, newImage, oldImage, size, byService);
    }
}
