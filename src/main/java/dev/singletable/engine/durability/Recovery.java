package dev.singletable.engine.durability;

import dev.singletable.engine.core.Engine;
import dev.singletable.engine.core.ItemChange;
import dev.singletable.engine.core.Table;
import dev.singletable.engine.storage.KeyAttributes;
import dev.singletable.engine.storage.PrimaryKey;
import dev.singletable.engine.storage.StoredItem;
import dev.singletable.engine.table.TableDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Brings an engine back to its last acknowledged state at startup: loads the newest snapshot, then replays the log
 * after it. Catalog changes go through the engine's own mutation methods; item changes reach the engine's listeners
 * one unit at a time (so streams are rebuilt exactly as the original writes built them) but are applied to the tables
 * in bulk ({@link ReplayedItems}). The log's checks (checksums, no gap, a torn tail cut) are {@link LogReader}'s.
 */
final class Recovery {

    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    /**
     * What recovery found: the sequence the loaded snapshot ends at (-1 with no snapshot), the last sequence recovered,
     * and the bytes of log replayed (they count towards the next snapshot).
     */
    record Result(long snapshotSequence, long lastSequence, long logBytesRead) {}

    private final Path dir;
    private final Engine engine;
    private final Collection<SnapshotSection> sections;
    private final Map<Integer, Consumer<LogRecord.Extension>> extensions;

    Recovery(
            Path dir,
            Engine engine,
            Collection<SnapshotSection> sections,
            Map<Integer, Consumer<LogRecord.Extension>> extensions) {
        this.dir = dir;
        this.engine = engine;
        this.sections = sections;
        this.extensions = extensions;
    }

    /**
     * Loads the newest snapshot, runs {@code beforeReplay} (where the engine's listeners attach, so the replayed
     * mutations reach them), then replays the log.
     */
    Result run(Runnable beforeReplay) {
        List<SegmentFiles.Numbered> snapshots = SegmentFiles.snapshots(dir);
        long snapshotSequence = -1;
        long after = 0;
        if (!snapshots.isEmpty()) {
            SegmentFiles.Numbered newest = snapshots.get(snapshots.size() - 1);
            after = loadSnapshot(newest.path());
            snapshotSequence = after;
        }
        engine.restoreSequence(after);
        beforeReplay.run();
        ReplayedItems replayed = new ReplayedItems();
        LogReader.Result result = LogReader.read(
                dir,
                after,
                record -> {
                    replay(record, replayed);
                    return true;
                },
                true);
        engine.exclusive(() -> {
            replayed.applyAll();
            return null;
        });
        engine.restoreSequence(result.lastSequence());
        return new Result(snapshotSequence, result.lastSequence(), result.bytesRead());
    }

    private long loadSnapshot(Path path) {
        long[] sequence = new long[1];
        Map<String, List<byte[]>> sectionChunks = new LinkedHashMap<>();
        engine.exclusive(() -> {
            SnapshotFile.read(path, new SnapshotFile.Visitor() {
                @Nullable
                Table table;

                List<Keyed> items = new ArrayList<>();

                @Override
                public void header(SnapshotFile.Header header) {
                    sequence[0] = header.lastSequence();
                }

                @Override
                public boolean table(TableDefinition definition) {
                    finishTable();
                    table = engine.createTable(definition);
                    return true;
                }

                @Override
                public void item(TableDefinition definition, StoredItem item) {
                    keyedItem(definition, item, KeyAttributes.of(item.attributes()));
                }

                @Override
                public void keyedItem(TableDefinition definition, StoredItem item, KeyAttributes keyAttributes) {
                    items.add(new Keyed(StoredKeys.of(definition.primaryKey(), keyAttributes), item, keyAttributes));
                }

                @Override
                public void section(String name, byte[] chunk) {
                    finishTable();
                    sectionChunks.computeIfAbsent(name, n -> new ArrayList<>()).add(chunk);
                }

                /** Loads the items gathered for the current table, all at once (they come nearly sorted). */
                private void finishTable() {
                    if (table == null) {
                        return;
                    }
                    items.sort(Map.Entry.comparingByKey());
                    // a copy-on-write snapshot may report an item twice, with the same state: keep one
                    List<Keyed> unique = new ArrayList<>(items.size());
                    for (Keyed e : items) {
                        if (unique.isEmpty()
                                || unique.get(unique.size() - 1).getKey().compareTo(e.getKey()) != 0) {
                            unique.add(e);
                        }
                    }
                    items = new ArrayList<>();
                    table.data().loadSorted(unique, Keyed::keyAttributes);
                    table = null;
                }

                @Override
                public void end() {
                    finishTable();
                }
            });
            return null;
        });
        for (SnapshotSection section : sections) {
            section.restore(sectionChunks.getOrDefault(section.name(), List.of()));
        }
        LOG.info("Loaded snapshot {} (sequence {})", path.getFileName(), sequence[0]);
        return sequence[0];
    }

    /** A loaded item, its key, and its key attributes (decoded apart from the item, which may stay encoded). */
    private record Keyed(PrimaryKey getKey, StoredItem getValue, KeyAttributes keyAttributes)
            implements Map.Entry<PrimaryKey, StoredItem> {

        @Override
        public StoredItem setValue(StoredItem value) {
            throw new UnsupportedOperationException();
        }
    }

    /**
     * Replays one record. Item changes reach the listeners at once but are applied to the tables in bulk (see
     * {@link ReplayedItems}); every other record may look at the tables, so what is held is applied before it.
     */
    private void replay(LogRecord record, ReplayedItems replayed) {
        engine.replay(record.sequence(), record.timeMillis(), () -> {
            if (record instanceof LogRecord.Items items) {
                List<ItemChange> changes = new ArrayList<>(items.writes().size());
                List<KeyAttributes> keys = new ArrayList<>(items.writes().size());
                for (LogRecord.ItemWrite w : items.writes()) {
                    Table table = requireTable(w.tableName(), items);
                    StoredItem written = w.newItem();
                    Map<String, AttributeValue> deletedKey = w.keyAttributes();
                    KeyAttributes k;
                    if (written != null) {
                        k = replayed.keysOf(table, written);
                    } else if (deletedKey != null) {
                        k = KeyAttributes.of(deletedKey);
                    } else {
                        throw new CorruptDataException("a logged write with neither an item nor a key");
                    }
                    PrimaryKey key = StoredKeys.of(table.definition().primaryKey(), k);
                    changes.add(new ItemChange(
                            table, key, replayed.current(table, key), w.newItem(), w.byService(), w.replicated()));
                    keys.add(k);
                }
                engine.commitReplayed(changes);
                for (int i = 0; i < changes.size(); i++) {
                    ItemChange c = changes.get(i);
                    replayed.record(c.table(), c.key(), c.newItem(), keys.get(i));
                }
                return;
            }
            replayed.applyAll();
            if (record instanceof LogRecord.TableCreated created) {
                engine.createTable(created.definition());
            } else if (record instanceof LogRecord.TableRedefined redefined) {
                engine.redefine(requireTable(redefined.definition().name(), record), redefined.definition());
            } else if (record instanceof LogRecord.TableDropped dropped) {
                engine.dropTable(requireTable(dropped.tableName(), record));
            } else if (record instanceof LogRecord.Extension extension) {
                Consumer<LogRecord.Extension> replayer = extensions.get(extension.kind());
                if (replayer == null) {
                    throw new CorruptDataException("no replayer for log extension kind " + extension.kind());
                }
                replayer.accept(extension);
            }
        });
    }

    private Table requireTable(String name, LogRecord record) {
        Table table = engine.table(name);
        if (table == null) {
            throw new CorruptDataException("log record " + record.sequence() + " names missing table " + name);
        }
        return table;
    }
}
