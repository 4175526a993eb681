package dev.singletable.engine.durability;

import dev.singletable.engine.core.Table;
import dev.singletable.engine.storage.KeyAttributes;
import dev.singletable.engine.storage.KeyValue;
import dev.singletable.engine.storage.StoredItem;
import dev.singletable.engine.table.TableDefinition;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot: the whole engine state at one sequence number, as a sequence of checksummed frames.
 * <pre>
 *   HEADER  version, last sequence, time, table count
 *   TABLE   definition                      } per table
 *   ITEMS   count, stored items             } as many as needed
 *   SECTION name, chunk                     per chunk of another subsystem's state
 *   END     number of frames before it
 * </pre>
 * It is written to a temporary file, forced, then renamed into place, so a snapshot file that exists is complete;
 * any damage in it is corruption. Secondary indexes are not stored: loading the items rebuilds them.
 */
public final class SnapshotFile {

    private static final int VERSION = 1;
    private static final int HEADER = 1;
    private static final int TABLE = 2;
    private static final int ITEMS = 3;
    private static final int SECTION = 4;
    private static final int END = 9;
    private static final int ITEMS_PER_FRAME_BYTES = 1024 * 1024;

    private SnapshotFile() {}

    /** What a snapshot holds besides its tables. */
    public record Header(long lastSequence, long timeMillis, int tableCount) {}

    /** Writes the captured state and makes it durable under its final name. */
    static void write(
            Path dir,
            long lastSequence,
            long timeMillis,
            List<Table> tables,
            List<TableDefinition> definitions,
            SnapshotCapture capture,
            Map<String, Consumer<Consumer<byte[]>>> sections) {
        Path target = SegmentFiles.snapshot(dir, lastSequence);
        writeAtomically(target, (sink, w) -> {
            w.u8(HEADER).u8(VERSION).varint(lastSequence).i64(timeMillis).varint(tables.size());
            sink.frame(w);
            for (int i = 0; i < tables.size(); i++) {
                w.reset();
                w.u8(TABLE);
                DefinitionCodec.write(w, definitions.get(i));
                sink.frame(w);
                ItemBatch batch = new ItemBatch(sink);
                capture.forEachItem(tables.get(i), (key, item) -> batch.add(item));
                batch.flush();
            }
            for (Map.Entry<String, Consumer<Consumer<byte[]>>> section : sections.entrySet()) {
                section.getValue().accept(chunk -> {
                    ByteWriter s = new ByteWriter(chunk.length + 64);
                    s.u8(SECTION).string(section.getKey()).bytes(chunk);
                    sink.frame(s);
                });
            }
        });
    }

    /**
     * Writes one table (a backup) in the snapshot format, durably under the given name; {@link #readTable} reads it
     * back.
     */
    public static void writeTable(Path target, long timeMillis, TableDefinition definition, List<StoredItem> items) {
        writeAtomically(target, (sink, w) -> {
            w.u8(HEADER).u8(VERSION).varint(0).i64(timeMillis).varint(1);
            sink.frame(w);
            w.reset();
            w.u8(TABLE);
            DefinitionCodec.write(w, definition);
            sink.frame(w);
            ItemBatch batch = new ItemBatch(sink);
            items.forEach(batch::add);
            batch.flush();
        });
    }

    private interface Content {
        void write(FrameSink sink, ByteWriter scratch) throws IOException;
    }

    /** Writes to a temporary file, forces it, renames it into place and syncs the directory. */
    private static void writeAtomically(Path target, Content content) {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(
                        temp,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16)) {
            FrameSink sink = new FrameSink(out);
            ByteWriter w = new ByteWriter(1 << 16);
            content.write(sink, w);
            w.reset();
            w.u8(END).varint(sink.frames);
            sink.frame(w);
            out.flush();
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + temp, e);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install " + target, e);
        }
        // an absolute path to a file always has a parent
        SegmentFiles.syncDirectory(
                Objects.requireNonNull(target.toAbsolutePath().getParent()));
    }

    /** Receives a snapshot's content as it is read. */
    public interface Visitor {
        void header(Header header);

        /** Returns false to skip the table's items. */
        boolean table(TableDefinition definition);

        void item(TableDefinition table, StoredItem item);

        /**
         * An item as loaded: kept encoded until first read (see {@link StoredItem#encoded}), with its key
         * attributes (the table's and every index's, those it has) already decoded as key values.
         */
        default void keyedItem(TableDefinition table, StoredItem item, KeyAttributes keyAttributes) {
            item(table, item);
        }

        void section(String name, byte[] chunk);

        /** The whole snapshot was read and checked. */
        default void end() {}
    }

    /** How many item frames may be decoding at once, ahead of the visitor. */
    private static final int DECODE_AHEAD = 8;

    /**
     * Reads a snapshot, checking every frame; any damage is a {@link CorruptDataException} naming the offset. Item
     * frames (a megabyte of items each, most of a snapshot) are decoded on all cores while the file is read on; the
     * visitor still sees everything in file order, on the calling thread.
     */
    public static void read(Path path, Visitor visitor) {
        Deque<DecodingFrame> decoding = new ArrayDeque<>();
        try (InputStream raw = Files.newInputStream(path);
                DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            long offset = 0;
            long frames = 0;
            TableDefinition current = null;
            boolean wanted = false;
            boolean ended = false;
            while (!ended) {
                byte[] payload = readFrame(in, path, offset);
                long at = offset;
                offset += Frames.HEADER_BYTES + payload.length;
                if (payload.length == 0 || (payload[0] & 0xFF) != ITEMS) {
                    deliver(decoding, 0, visitor, path); // whatever comes next follows the items before it
                }
                try {
                    ByteReader r = new ByteReader(payload);
                    int kind = r.u8();
                    if (frames == 0 && kind != HEADER) {
                        throw new CorruptDataException("missing header");
                    }
                    switch (kind) {
                        case HEADER -> {
                            int version = r.u8();
                            if (version != VERSION) {
                                throw new CorruptDataException("unknown snapshot version " + version);
                            }
                            visitor.header(new Header(r.varint(), r.i64(), (int) r.varint()));
                        }
                        case TABLE -> {
                            current = DefinitionCodec.read(r);
                            wanted = visitor.table(current);
                        }
                        case ITEMS -> {
                            if (current == null) {
                                throw new CorruptDataException("items before any table");
                            }
                            if (wanted) {
                                TableDefinition table = current;
                                decoding.add(new DecodingFrame(
                                        current, at, CompletableFuture.supplyAsync(() -> decodeItems(r, table))));
                            }
                        }
                        case SECTION -> visitor.section(r.string(), r.bytes());
                        case END -> {
                            long counted = r.varint();
                            if (counted != frames) {
                                throw new CorruptDataException(
                                        "end marker counts " + counted + " frames, found " + frames);
                            }
                            ended = true;
                            visitor.end();
                        }
                        default -> throw new CorruptDataException("unknown frame kind " + kind);
                    }
                } catch (CorruptDataException e) {
                    throw new CorruptDataException(
                            "Corrupt snapshot " + path + " at offset " + at + ": " + e.getMessage(), e);
                }
                deliver(decoding, DECODE_AHEAD, visitor, path);
                frames++;
            }
            if (in.read() != -1) {
                throw new CorruptDataException(
                        "Corrupt snapshot " + path + " at offset " + offset + ": data after the end marker");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read snapshot " + path, e);
        } finally {
            decoding.forEach(d -> d.items().cancel(false));
        }
    }

    /** An item frame being decoded elsewhere, for the table it belongs to. */
    private record DecodingFrame(TableDefinition table, long offset, CompletableFuture<LoadedItem[]> items) {}

    private record LoadedItem(StoredItem item, KeyAttributes keyAttributes) {}

    private static LoadedItem[] decodeItems(ByteReader r, TableDefinition table) {
        KeyNames keys = KeyNames.of(table);
        int n = r.length();
        LoadedItem[] items = new LoadedItem[n];
        for (int i = 0; i < n; i++) {
            KeyValue[] found = new KeyValue[keys.names.length];
            StoredItem item = keys.read(r, found);
            items[i] = new LoadedItem(item, keys.keys(found));
        }
        return items;
    }

    /** Hands decoded frames to the visitor, oldest first, until at most {@code keep} are still pending. */
    private static void deliver(Deque<DecodingFrame> decoding, int keep, Visitor visitor, Path path) {
        while (decoding.size() > keep) {
            DecodingFrame next = decoding.poll();
            LoadedItem[] items;
            try {
                items = next.items().join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof CorruptDataException) {
                    throw new CorruptDataException(
                            "Corrupt snapshot " + path + " at offset " + next.offset() + ": " + cause.getMessage(),
                            cause);
                }
                throw e;
            }
            for (LoadedItem loaded : items) {
                visitor.keyedItem(next.table(), loaded.item(), loaded.keyAttributes());
            }
        }
    }

    /** Only the header of a snapshot (its sequence number and time), without reading the rest. */
    public static Header header(Path path) {
        try (InputStream raw = Files.newInputStream(path);
                DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 4096))) {
            ByteReader r = new ByteReader(readFrame(in, path, 0));
            if (r.u8() != HEADER || r.u8() != VERSION) {
                throw new CorruptDataException("Corrupt snapshot " + path + " at offset 0: bad header");
            }
            return new Header(r.varint(), r.i64(), (int) r.varint());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read snapshot " + path, e);
        }
    }

    /** One table as it was in a snapshot: its definition and items in key order of the file. */
    public record TableImage(TableDefinition definition, List<StoredItem> items) {}

    /** The named table's image, or null when the snapshot does not hold it. */
    public static @Nullable TableImage readTable(Path path, String tableName) {
        Map<String, TableImage> found = new LinkedHashMap<>();
        read(path, new Visitor() {
            @Override
            public void header(Header header) {}

            @Override
            public boolean table(TableDefinition definition) {
                if (definition.name().equals(tableName)) {
                    found.put(tableName, new TableImage(definition, new ArrayList<>()));
                    return true;
                }
                return false;
            }

            @Override
            public void item(TableDefinition table, StoredItem item) {
                // items come only after table() accepted their table
                found.computeIfAbsent(tableName, n -> new TableImage(table, new ArrayList<>()))
                        .items()
                        .add(item);
            }

            @Override
            public void section(String name, byte[] chunk) {}
        });
        return found.get(tableName);
    }

    private static byte[] readFrame(DataInputStream in, Path path, long offset) throws IOException {
        try {
            int magic = in.readInt();
            int length = in.readInt();
            int crc = in.readInt();
            if (magic != Frames.MAGIC || length < 0 || length > Frames.MAX_PAYLOAD) {
                throw new CorruptDataException(
                        "Corrupt snapshot " + path + " at offset " + offset + ": bad frame header");
            }
            byte[] payload = new byte[length];
            in.readFully(payload);
            if (Frames.checksum(length, payload, 0, length) != crc) {
                throw new CorruptDataException(
                        "Corrupt snapshot " + path + " at offset " + offset + ": checksum mismatch");
            }
            return payload;
        } catch (EOFException e) {
            throw new CorruptDataException("Corrupt snapshot " + path + " at offset " + offset + ": ends early", e);
        }
    }

    /** Writes frames to the stream and counts them. */
    private static final class FrameSink {
        private final OutputStream out;
        private final ByteWriter framed = new ByteWriter(1 << 16);
        long frames;

        FrameSink(OutputStream out) {
            this.out = out;
        }

        void frame(ByteWriter payload) {
            framed.reset();
            Frames.write(framed, payload.array(), 0, payload.size());
            try {
                out.write(framed.array(), 0, framed.size());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            frames++;
        }
    }

    /** Gathers items into frames of about a megabyte. */
    private static final class ItemBatch {
        private final FrameSink sink;
        private final ByteWriter items = new ByteWriter(ITEMS_PER_FRAME_BYTES + (1 << 16));
        private int count;

        ItemBatch(FrameSink sink) {
            this.sink = sink;
        }

        void add(StoredItem item) {
            ItemCodec.writeStored(items, item);
            count++;
            if (items.size() >= ITEMS_PER_FRAME_BYTES) {
                flush();
            }
        }

        void flush() {
            if (count == 0) {
                return;
            }
            ByteWriter w = new ByteWriter(items.size() + 16);
            w.u8(ITEMS).varint(count).raw(items.array(), 0, items.size());
            sink.frame(w);
            items.reset();
            count = 0;
        }
    }
}
