package dev.singletable.engine.backup;

import dev.singletable.engine.core.CommitListener;
import dev.singletable.engine.core.Engine;
import dev.singletable.engine.core.ItemChange;
import dev.singletable.engine.core.Table;
import dev.singletable.engine.durability.DurableStore;
import dev.singletable.engine.durability.SnapshotFile;
import dev.singletable.engine.durability.StoredKeys;
import dev.singletable.engine.storage.PrimaryKey;
import dev.singletable.engine.storage.StoredItem;
import dev.singletable.engine.table.TableDefinition;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/**
 * On-demand backups and point-in-time recovery [1]. A backup is a consistent copy of a table's items, taken under the
 * commit lock (the items are immutable, so this copies references) and then stored; a restore creates the new table
 * and loads it through the commit path in batches, so it is logged like any write. Point-in-time restores rebuild
 * the source table as it was at the requested moment, within its recovery period, from the engine's history [2].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Backup-and-Restore.html">Backup and restore for DynamoDB</a><br>
 * [2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery_Howitworks.html">Point-in-time recovery for DynamoDB</a>
 */
public final class BackupService {

    /** Items per committed batch of a restore, and a byte bound so no batch makes an oversized log record. */
    private static final int RESTORE_BATCH_ITEMS = 1000;

    private static final long RESTORE_BATCH_BYTES = 4L * 1024 * 1024;

    private final Engine engine;
    private final BackupCatalog catalog = new BackupCatalog();
    private final BackupStorage storage;
    private final PointInTimeSource history;
    private final List<CommitListener> listeners = new ArrayList<>();
    private final SecureRandom random = new SecureRandom();

    /** A consistent copy of a table, taken under the commit lock. */
    private record TableCopy(TableDefinition definition, List<StoredItem> items, long timeMillis) {}

    /** A table restored to a point in time, and that point. */
    record PointInTimeRestore(Table table, long restoredMillis) {}

    private BackupService(Engine engine, BackupStorage storage, PointInTimeSource history) {
        this.engine = engine;
        this.storage = storage;
        this.history = history;
        listeners.add(new CommitListener() {
            @Override
            public void committed(long sequence, List<ItemChange> changes, long commitTimeMillis) {}

            @Override
            public void tableDropped(Table table, long timeMillis) {
                // recovery settings belong to the table: a new table of the same name starts without them
                if (catalog.pitr(table.name(), table.definition().tableId()) != null) {
                    catalog.dropPitr(table.name());
                }
            }
        });
        if (history instanceof CommitListener l) {
            listeners.add(l);
        }
    }

    public static BackupService inMemory(Engine engine) {
        return new BackupService(engine, new BackupStorage.InMemory(), new MemoryHistory());
    }

    /** Registers the catalog's snapshot section, log replay and retention needs with the store (before recovery). */
    public static BackupService durable(Engine engine, DurableStore store) {
        BackupService service =
                new BackupService(engine, new BackupStorage.OnDisk(store.directory()), PointInTimeSource.of(store));
        store.addSection(service.catalog.section());
        for (int kind :
                new int[] {BackupCatalog.BACKUP_CREATED, BackupCatalog.BACKUP_DELETED, BackupCatalog.PITR_UPDATED}) {
            store.onExtension(kind, service.catalog::replay);
        }
        store.retainFrom(() -> service.catalog.earliestNeeded(engine.nowMillis()));
        return service;
    }

    /** The listeners to attach to the engine (before a durable engine replays its log). */
    public List<CommitListener> listeners() {
        return listeners;
    }

    /** After recovery: drops stored backup data that no recorded backup refers to. */
    public void recovered() {
        Set<String> ids = new HashSet<>();
        catalog.backups().forEach(b -> ids.add(b.id()));
        storage.keepOnly(ids);
    }

    // ---- on-demand backups

    BackupEntry createBackup(String tableName, String backupName) {
        Table table = engine.table(tableName);
        if (table == null) {
            throw BackupErrors.tableNotFound(tableName);
        }
        TableCopy copy = engine.exclusive(() -> {
            engine.quiesce(); // every committed write in the copy
            return new TableCopy(
                    table.definition(), new ArrayList<>(table.data().items().values()), engine.nowMillis());
        });
        TableDefinition definition = copy.definition();
        List<StoredItem> items = copy.items();
        long now = copy.timeMillis();
        long size = 0;
        for (StoredItem item : items) {
            size += item.size();
        }
        String id = String.format("%014d-%08x", now, random.nextInt());
        BackupEntry backup = new BackupEntry(
                definition.arn() + "/backup/" + id, id, backupName, definition, now, items.size(), size);
        storage.save(backup, items);
        engine.exclusive(() -> {
            engine.journalExtension(BackupCatalog.BACKUP_CREATED, BackupCatalog.backupCreated(backup));
            catalog.add(backup);
            return null;
        });
        return backup;
    }

    BackupEntry backup(@Nullable String arn) {
        BackupEntry backup = arn == null ? null : catalog.backup(arn);
        if (backup == null) {
            throw BackupErrors.backupNotFound(arn);
        }
        return backup;
    }

    List<BackupEntry> backups() {
        return catalog.backups();
    }

    BackupEntry deleteBackup(String arn) {
        BackupEntry backup = backup(arn);
        engine.exclusive(() -> {
            engine.journalExtension(BackupCatalog.BACKUP_DELETED, BackupCatalog.backupDeleted(arn));
            catalog.remove(arn);
            return null;
        });
        storage.delete(backup);
        return backup;
    }

    Table restoreFromBackup(String arn, String targetName, RestoreOverrides overrides) {
        BackupEntry backup = backup(arn);
        requireAbsent(targetName);
        TableDefinition definition = RestoredDefinitions.of(
                backup.source(), targetName, Instant.ofEpochMilli(engine.nowMillis()), region(), account(), overrides);
        return load(definition, storage.load(backup));
    }

    // ---- point-in-time recovery

    /** The table's current setting (a disabled one when never enabled). */
    PitrSetting pitr(String tableName) {
        Table table = requireTable(tableName);
        PitrSetting s = catalog.pitr(table.name(), table.definition().tableId());
        return s != null
                ? s
                : new PitrSetting(
                        table.name(), table.definition().tableId(), false, PitrSetting.DEFAULT_RECOVERY_DAYS, 0);
    }

    PitrSetting updatePitr(String tableName, boolean enable, @Nullable Integer recoveryPeriodDays) {
        Table table = requireTable(tableName);
        return engine.exclusive(() -> {
            if (engine.table(tableName) != table) {
                throw BackupErrors.tableNotFound(tableName);
            }
            String id = table.definition().tableId();
            PitrSetting current = catalog.pitr(tableName, id);
            PitrSetting active = current != null && current.enabled() ? current : null;
            boolean wasEnabled = active != null;
            int days = recoveryPeriodDays != null
                    ? recoveryPeriodDays
                    : active != null ? active.recoveryPeriodDays() : PitrSetting.DEFAULT_RECOVERY_DAYS;
            PitrSetting next = enable
                    ? new PitrSetting(
                            tableName, id, true, days, active != null ? active.enabledAtMillis() : engine.nowMillis())
                    : new PitrSetting(tableName, id, false, days, 0);
            engine.journalExtension(BackupCatalog.PITR_UPDATED, BackupCatalog.pitrUpdated(next));
            catalog.setPitr(next);
            if (enable && !wasEnabled) {
                history.enabled(table, next);
            } else if (!enable) {
                history.disabled(id);
            }
            return next;
        });
    }

    /**
     * Restores the source table as it was at the given moment (null: the latest restorable moment) into a new table.
     */
    PointInTimeRestore restoreToPointInTime(
            String sourceName, String targetName, @Nullable Instant when, RestoreOverrides overrides) {
        Table source = requireTable(sourceName);
        String id = source.definition().tableId();
        PitrSetting setting = catalog.pitr(sourceName, id);
        if (setting == null || !setting.enabled()) {
            throw BackupErrors.pointInTimeRecoveryUnavailable(sourceName);
        }
        long now = engine.nowMillis();
        long earliest = setting.earliestRestorable(now);
        long target = when == null ? now : when.toEpochMilli();
        if (target < earliest || target > now) {
            throw BackupErrors.invalidRestoreTime(
                    Instant.ofEpochMilli(target), Instant.ofEpochMilli(earliest), Instant.ofEpochMilli(now));
        }
        requireAbsent(targetName);
        SnapshotFile.TableImage image = history.tableAt(sourceName, id, target);
        if (image == null) {
            throw BackupErrors.invalidRestoreTime(
                    Instant.ofEpochMilli(target), Instant.ofEpochMilli(earliest), Instant.ofEpochMilli(now));
        }
        TableDefinition definition = RestoredDefinitions.of(
                image.definition(), targetName, Instant.ofEpochMilli(now), region(), account(), overrides);
        return new PointInTimeRestore(load(definition, image.items()), target);
    }

    // ---- helpers

    /** The plain name a TableName member designates (a name, or a table ARN of this engine). */
    String tableName(String nameOrArn) {
        return engine.tableName(nameOrArn);
    }

    private Table requireTable(String tableName) {
        Table table = engine.table(tableName);
        if (table == null) {
            throw BackupErrors.tableNotFound(tableName);
        }
        return table;
    }

    private void requireAbsent(String targetName) {
        if (engine.table(targetName) != null) {
            throw BackupErrors.tableAlreadyExists(targetName);
        }
    }

    /** Creates the table and commits its items in batches (each batch one log record, no stream: none is on). */
    private Table load(TableDefinition definition, List<StoredItem> items) {
        Table table;
        try {
            table = engine.createTable(definition);
        } catch (ResourceInUseException e) {
            throw BackupErrors.tableAlreadyExists(definition.name());
        }
        int i = 0;
        while (i < items.size()) {
            int start = i;
            long bytes = 0;
            while (i < items.size()
                    && i - start < RESTORE_BATCH_ITEMS
                    && (i == start || bytes + items.get(i).size() <= RESTORE_BATCH_BYTES)) {
                bytes += items.get(i).size();
                i++;
            }
            List<StoredItem> batch = items.subList(start, i);
            engine.exclusive(() -> {
                List<ItemChange> changes = new ArrayList<>(batch.size());
                for (StoredItem item : batch) {
                    PrimaryKey key = StoredKeys.of(definition.primaryKey(), item.attributes());
                    changes.add(ItemChange.of(table, key, table.current(key), item));
                }
                engine.commit(changes);
                return null;
            });
        }
        engine.creating(table); // a restored table is CREATING for a while, as on AWS (transient statuses)
        return table;
    }

    String region() {
        return engine.options().region();
    }

    String account() {
        return engine.options().accountId();
    }

    long now() {
        return engine.nowMillis();
    }
}
