package dev.singletable.engine.backup;

import dev.singletable.engine.table.TableDefinition;

/**
 * An on-demand backup: what DescribeBackup and ListBackups report [1], and the table definition it was taken with.
 * Its items are kept by a {@link BackupStorage}.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BackupDescription.html">BackupDescription</a>
 *
 * @param id the backup's unique suffix (also the name of its data in storage)
 */
record BackupEntry(
        String arn,
        String id,
        String name,
        TableDefinition source,
        long createdMillis,
        long itemCount,
        long sizeBytes) {

    String tableName() {
        return source.name();
    }
}
