package dev.singletable.engine.backup;

import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.SSESpecification;

/**
 * What a restore request changes from the source table's settings [1]; null keeps the source's. An index list, when
 * given, replaces the source's indexes (an empty list restores without them).
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_RestoreTableFromBackup.html">RestoreTableFromBackup</a>
 */
record RestoreOverrides(
        @Nullable BillingMode billingMode,
        @Nullable ProvisionedThroughput throughput,
        @Nullable List<GlobalSecondaryIndex> globalIndexes,
        @Nullable List<LocalSecondaryIndex> localIndexes,
        @Nullable SSESpecification sse) {

    static final RestoreOverrides NONE = new RestoreOverrides(null, null, null, null, null);
}
