package dev.singletable.engine.backup;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.SSESpecification;

/**
 * What a restore request changes from the source table's settings; null keeps the source's. An index list, when
 * given, replaces the source's indexes (an empty list restores without them).
 */
record RestoreOverrides(
        BillingMode billingMode,
        ProvisionedThroughput throughput,
        List<GlobalSecondaryIndex> globalIndexes,
        List<LocalSecondaryIndex> localIndexes,
        SSESpecification sse) {

    static final RestoreOverrides NONE = new RestoreOverrides(null, null, null, null, null);
}
