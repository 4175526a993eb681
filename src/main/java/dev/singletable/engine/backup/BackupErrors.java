package dev.singletable.engine.backup;

import dev.singletable.engine.error.EngineErrors;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.BackupNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.InvalidRestoreTimeException;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryUnavailableException;
import software.amazon.awssdk.services.dynamodb.model.TableAlreadyExistsException;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;

/**
 * The backup and restore errors of DynamoDB, built as the SDK would unmarshal them: the error types each operation
 * documents [1] [2] [3], with AWS's messages where they are known.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeBackup.html">DescribeBackup, Errors</a><br>
 * [2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_RestoreTableFromBackup.html">RestoreTableFromBackup, Errors</a><br>
 * [3] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_RestoreTableToPointInTime.html">RestoreTableToPointInTime, Errors</a>
 */
final class BackupErrors {

    private BackupErrors() {}

    static TableNotFoundException tableNotFound(String tableName) {
        return (TableNotFoundException) EngineErrors.fill(
                        TableNotFoundException.builder(), "TableNotFoundException", "Table not found: " + tableName)
                .build();
    }

    static BackupNotFoundException backupNotFound(@Nullable String backupArn) {
        return (BackupNotFoundException) EngineErrors.fill(
                        BackupNotFoundException.builder(), "BackupNotFoundException", "Backup not found: " + backupArn)
                .build();
    }

    static TableAlreadyExistsException tableAlreadyExists(String tableName) {
        return (TableAlreadyExistsException) EngineErrors.fill(
                        TableAlreadyExistsException.builder(),
                        "TableAlreadyExistsException",
                        "Table already exists: " + tableName)
                .build();
    }

    static PointInTimeRecoveryUnavailableException pointInTimeRecoveryUnavailable(String tableName) {
        return (PointInTimeRecoveryUnavailableException) EngineErrors.fill(
                        PointInTimeRecoveryUnavailableException.builder(),
                        "PointInTimeRecoveryUnavailableException",
                        "Point in time recovery is not enabled for table '" + tableName + "'")
                .build();
    }

    /**
     * AWS's wording names the three instants in whole seconds, each quoted (as recorded from the real service by
     * the public probe DDB-TABLE-100 of aws-controllers-k8s/dynamodb-controller, docs/api-quirks).
     */
    static InvalidRestoreTimeException invalidRestoreTime(Instant requested, Instant earliest, Instant latest) {
        return (InvalidRestoreTimeException) EngineErrors.fill(
                        InvalidRestoreTimeException.builder(),
                        "InvalidRestoreTimeException",
                        "RestoreDateTime '" + seconds(requested) + "' must be within "
                                + "EarliestRestorableDateTime '" + seconds(earliest)
                                + "' and LatestRestorableDateTime '"
                                + seconds(latest) + "'")
                .build();
    }

    private static String seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static RuntimeException validation(String message) {
        return EngineErrors.validation(message);
    }
}
