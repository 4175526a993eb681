package dev.singletable.engine.backup;

import dev.singletable.engine.durability.ByteReader;
import dev.singletable.engine.durability.ByteWriter;
import dev.singletable.engine.durability.CorruptDataException;
import dev.singletable.engine.durability.DefinitionCodec;
import dev.singletable.engine.durability.LogRecord;
import dev.singletable.engine.durability.SnapshotSection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The backups and the point-in-time recovery settings of the engine. Every change is recorded in the engine's log
 * (as an extension record, under the commit lock, together with the change itself) and the whole catalog travels in
 * snapshots, so a durable engine keeps it across restarts; an in-memory engine simply keeps it.
 */
final class BackupCatalog {

    static final int BACKUP_CREATED = 101;
    static final int BACKUP_DELETED = 102;
    static final int PITR_UPDATED = 103;

    private final Map<String, BackupEntry> backups = new LinkedHashMap<>();
    private final Map<String, PitrSetting> pitr = new HashMap<>();

    synchronized void add(BackupEntry backup) {
        backups.put(backup.arn(), backup);
    }

    synchronized @Nullable BackupEntry remove(String arn) {
        return backups.remove(arn);
    }

    synchronized @Nullable BackupEntry backup(String arn) {
        return backups.get(arn);
    }

    /** In creation order. */
    synchronized List<BackupEntry> backups() {
        return new ArrayList<>(backups.values());
    }

    synchronized void setPitr(PitrSetting setting) {
        pitr.put(setting.tableName(), setting);
    }

    synchronized void dropPitr(String tableName) {
        pitr.remove(tableName);
    }

    /** The setting of this incarnation of the table, or null. */
    synchronized @Nullable PitrSetting pitr(String tableName, String tableId) {
        PitrSetting s = pitr.get(tableName);
        return s != null && s.tableId().equals(tableId) ? s : null;
    }

    /** The earliest moment any table may be restored to (Long.MAX_VALUE when no table has recovery enabled). */
    synchronized long earliestNeeded(long nowMillis) {
        long earliest = Long.MAX_VALUE;
        for (PitrSetting s : pitr.values()) {
            if (s.enabled()) {
                earliest = Math.min(earliest, s.earliestRestorable(nowMillis));
            }
        }
        return earliest;
    }

    // ---- log records

    static byte[] backupCreated(BackupEntry b) {
        ByteWriter w = new ByteWriter(512);
        writeBackup(w, b);
        return w.toByteArray();
    }

    static byte[] backupDeleted(String arn) {
        return new ByteWriter(128).string(arn).toByteArray();
    }

    static byte[] pitrUpdated(PitrSetting s) {
        ByteWriter w = new ByteWriter(128);
        writePitr(w, s);
        return w.toByteArray();
    }

    /** Applies a logged change during recovery. */
    void replay(LogRecord.Extension record) {
        ByteReader r = new ByteReader(record.payload());
        switch (record.kind()) {
            case BACKUP_CREATED -> add(readBackup(r));
            case BACKUP_DELETED -> remove(r.string());
            case PITR_UPDATED -> setPitr(readPitr(r));
            default -> throw new CorruptDataException("unknown backup record kind " + record.kind());
        }
    }

    // ---- snapshot section

    SnapshotSection section() {
        return SnapshotSection.of("backups", this::capture, this::restore);
    }

    /** A copy of the catalog taken under its lock, written off it. */
    private Consumer<Consumer<byte[]>> capture() {
        List<BackupEntry> b;
        List<PitrSetting> p;
        synchronized (this) {
            b = new ArrayList<>(backups.values());
            p = new ArrayList<>(pitr.values());
        }
        return sink -> {
            ByteWriter w = new ByteWriter(4096);
            w.varint(b.size());
            b.forEach(e -> writeBackup(w, e));
            w.varint(p.size());
            p.forEach(s -> writePitr(w, s));
            sink.accept(w.toByteArray());
        };
    }

    /** Replaces the catalog with what a snapshot's chunks hold. */
    private synchronized void restore(List<byte[]> chunks) {
        backups.clear();
        pitr.clear();
        for (byte[] chunk : chunks) {
            ByteReader r = new ByteReader(chunk);
            int n = r.length();
            for (int i = 0; i < n; i++) {
                BackupEntry e = readBackup(r);
                backups.put(e.arn(), e);
            }
            int m = r.length();
            for (int i = 0; i < m; i++) {
                PitrSetting s = readPitr(r);
                pitr.put(s.tableName(), s);
            }
        }
    }

    private static void writeBackup(ByteWriter w, BackupEntry b) {
        w.string(b.arn())
                .string(b.id())
                .string(b.name())
                .i64(b.createdMillis())
                .varint(b.itemCount())
                .varint(b.sizeBytes());
        DefinitionCodec.write(w, b.source());
    }

    private static BackupEntry readBackup(ByteReader r) {
        String arn = r.string();
        String id = r.string();
        String name = r.string();
        long created = r.i64();
        long count = r.varint();
        long size = r.varint();
        return new BackupEntry(arn, id, name, DefinitionCodec.read(r), created, count, size);
    }

    private static void writePitr(ByteWriter w, PitrSetting s) {
        w.string(s.tableName())
                .string(s.tableId())
                .bool(s.enabled())
                .varint(s.recoveryPeriodDays())
                .i64(s.enabledAtMillis());
    }

    private static PitrSetting readPitr(ByteReader r) {
        return new PitrSetting(r.string(), r.string(), r.bool(), (int) r.varint(), r.i64());
    }
}
