package dev.singletable.engine.durability;

import dev.singletable.engine.core.ItemChange;
import dev.singletable.engine.core.Keys;
import dev.singletable.engine.core.WriteStamp;
import dev.singletable.engine.storage.StoredItem;
import dev.singletable.engine.table.TableDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The payload of log records: a type byte, the sequence number, the commit time, then the mutation. An item unit
 * stores each item's new state whole (or the deleted key), never a delta, so replay needs nothing but the records.
 */
final class LogRecordCodec {

    private static final int ITEMS = 1;
    private static final int TABLE_CREATED = 2;
    private static final int TABLE_REDEFINED = 3;
    private static final int TABLE_DROPPED = 4;
    private static final int EXTENSION = 5;

    private static final int DELETED = 1;
    private static final int BY_SERVICE = 2;
    /** The change copies a write of another region: its stamp follows the flags (global tables). */
    private static final int REPLICATED = 4;

    private LogRecordCodec() {}

    public static void items(ByteWriter out, long sequence, long timeMillis, List<ItemChange> changes) {
        header(out, ITEMS, sequence, timeMillis);
        out.varint(changes.size());
        for (ItemChange c : changes) {
            out.string(c.table().name());
            int flags = (c.newItem() == null ? DELETED : 0)
                    | (c.byService() ? BY_SERVICE : 0)
                    | (c.replicated() != null ? REPLICATED : 0);
            out.u8(flags);
            if (c.replicated() != null) {
                out.string(c.replicated().region())
                        .i64(c.replicated().timestamp())
                        .varint(c.replicated().sequence());
            }
            if (c.newItem() == null) {
                ItemCodec.writeItem(out, Keys.keyAttributes(c.table().definition(), c.key()));
            } else {
                ItemCodec.writeStored(out, c.newItem());
            }
        }
    }

    public static void tableCreated(ByteWriter out, long sequence, long timeMillis, TableDefinition definition) {
        header(out, TABLE_CREATED, sequence, timeMillis);
        DefinitionCodec.write(out, definition);
    }

    public static void tableRedefined(ByteWriter out, long sequence, long timeMillis, TableDefinition definition) {
        header(out, TABLE_REDEFINED, sequence, timeMillis);
        DefinitionCodec.write(out, definition);
    }

    public static void tableDropped(ByteWriter out, long sequence, long timeMillis, String tableName) {
        header(out, TABLE_DROPPED, sequence, timeMillis);
        out.string(tableName);
    }

    public static void extension(ByteWriter out, long sequence, long timeMillis, int kind, byte[] payload) {
        header(out, EXTENSION, sequence, timeMillis);
        out.varint(kind).bytes(payload);
    }

    private static void header(ByteWriter out, int type, long sequence, long timeMillis) {
        out.u8(type).varint(sequence).i64(timeMillis);
    }

    public static LogRecord read(ByteReader in) {
        int type = in.u8();
        long sequence = in.varint();
        long time = in.i64();
        LogRecord record =
                switch (type) {
                    case ITEMS -> {
                        int n = in.length();
                        List<LogRecord.ItemWrite> writes = new ArrayList<>(n);
                        for (int i = 0; i < n; i++) {
                            String table = in.string();
                            int flags = in.u8();
                            boolean byService = (flags & BY_SERVICE) != 0;
                            WriteStamp replicated = null;
                            if ((flags & REPLICATED) != 0) {
                                String region = in.string();
                                long stampTime = in.i64();
                                replicated = new WriteStamp(stampTime, region, in.varint());
                            }
                            if ((flags & DELETED) != 0) {
                                Map<String, AttributeValue> key = ItemCodec.readItem(in);
                                writes.add(new LogRecord.ItemWrite(table, key, null, byService, replicated));
                            } else {
                                StoredItem item = ItemCodec.readStoredEncoded(in); // decoded when first read
                                writes.add(new LogRecord.ItemWrite(table, null, item, byService, replicated));
                            }
                        }
                        yield new LogRecord.Items(sequence, time, writes);
                    }
                    case TABLE_CREATED -> new LogRecord.TableCreated(sequence, time, DefinitionCodec.read(in));
                    case TABLE_REDEFINED -> new LogRecord.TableRedefined(sequence, time, DefinitionCodec.read(in));
                    case TABLE_DROPPED -> new LogRecord.TableDropped(sequence, time, in.string());
                    case EXTENSION -> new LogRecord.Extension(sequence, time, (int) in.varint(), in.bytes());
                    default -> throw new CorruptDataException("unknown log record type " + type);
                };
        if (in.hasMore()) {
            throw new CorruptDataException(in.remaining() + " unexpected bytes after a log record");
        }
        return record;
    }
}
