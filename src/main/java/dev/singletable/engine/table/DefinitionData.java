package dev.singletable.engine.table;

import dev.singletable.engine.policy.ResourcePolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Every field of a {@link TableDefinition} as a plain value, so that code outside this package can store a definition
 * (the write-ahead log, snapshots, backups) and rebuild it exactly, or derive a new one (a table restored from a
 * backup under another name). It carries no rules: whoever builds one from scratch is responsible for its validity.
 * When TableDefinition gains a field, add it here too, or stored definitions lose it.
 */
public record DefinitionData(
        String name,
        String arn,
        String tableId,
        Instant createdAt,
        KeyDef primaryKey,
        Map<String, ScalarAttributeType> attributeDefinitions,
        List<IndexDef> globalIndexes,
        List<IndexDef> localIndexes,
        BillingMode billingMode,
        @Nullable Instant lastUpdateToPayPerRequest,
        Throughput throughput,
        TableDefinition.@Nullable OnDemandLimits onDemandLimits,
        boolean streamEnabled,
        @Nullable StreamViewType streamViewType,
        @Nullable String latestStreamArn,
        @Nullable String latestStreamLabel,
        @Nullable TableClass tableClass,
        TableDefinition.@Nullable SseSettings sse,
        boolean deletionProtectionEnabled,
        Map<String, String> tags,
        @Nullable String ttlAttributeName,
        TimeToLiveStatus ttlStatus,
        Map<String, ResourcePolicy> resourcePolicies) {

    public static DefinitionData of(TableDefinition d) {
        return new DefinitionData(
                d.name(),
                d.arn(),
                d.tableId(),
                d.createdAt(),
                d.primaryKey(),
                d.attributeDefinitions(),
                d.globalIndexes(),
                d.localIndexes(),
                d.billingMode(),
                d.lastUpdateToPayPerRequest(),
                d.throughput(),
                d.onDemandLimits(),
                d.streamEnabled(),
                d.streamViewType(),
                d.latestStreamArn(),
                d.latestStreamLabel(),
                d.tableClass(),
                d.sse(),
                d.deletionProtectionEnabled(),
                d.tags(),
                d.ttlAttributeName(),
                d.ttlStatus(),
                d.resourcePolicies());
    }

    public TableDefinition toDefinition() {
        TableDefinition.Builder b = new TableDefinition.Builder();
        b.name = name;
        b.arn = arn;
        b.tableId = tableId;
        b.createdAt = createdAt;
        b.primaryKey = primaryKey;
        b.attributeDefinitions.putAll(attributeDefinitions);
        b.globalIndexes.addAll(globalIndexes);
        b.localIndexes.addAll(localIndexes);
        b.billingMode = billingMode;
        b.lastUpdateToPayPerRequest = lastUpdateToPayPerRequest;
        b.throughput = throughput;
        b.onDemandLimits = onDemandLimits;
        b.streamEnabled = streamEnabled;
        b.streamViewType = streamViewType;
        b.latestStreamArn = latestStreamArn;
        b.latestStreamLabel = latestStreamLabel;
        b.tableClass = tableClass;
        b.sse = sse;
        b.deletionProtectionEnabled = deletionProtectionEnabled;
        b.tags.putAll(tags);
        b.ttlAttributeName = ttlAttributeName;
        b.ttlStatus = ttlStatus;
        b.resourcePolicies.putAll(resourcePolicies);
        return b.build();
    }
}
