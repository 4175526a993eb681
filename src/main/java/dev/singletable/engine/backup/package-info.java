/**
 * On-demand backups and point-in-time recovery
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Backup-and-Restore.html): the
 * {@link dev.singletable.engine.backup.BackupService} takes consistent copies of a table and restores them, or the
 * table as it was at a moment within its recovery window, into a new table; the
 * {@link dev.singletable.engine.backup.BackupOperations} answer the backup and PITR API with DynamoDB's shapes and
 * errors.
 */
@NullMarked
package dev.singletable.engine.backup;

import org.jspecify.annotations.NullMarked;
