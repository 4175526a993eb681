package dev.singletable.engine.global;

import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateReplicationGroupMemberAction;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.SSESpecification;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * The table of a new replica: what a global table shares across its regions — name, keys, attribute definitions,
 * indexes, capacity mode and limits, stream, encryption type, table class and TTL — and nothing of what stays regional
 * (tags, deletion protection, point-in-time recovery, resource policy). Its ARN, id and stream ARN are its region's.
 */
final class ReplicaTables {

    private ReplicaTables() {}

    /**
     * Creates the replica's table in its region from the source table's description and TTL setting.
     *
     * @param sourceTtl the source table's TTL (DescribeTable does not carry it)
     */
    static TableDescription create(
            GlobalTables.Region region,
            TableDescription source,
            TimeToLiveDescription sourceTtl,
            CreateReplicationGroupMemberAction action) {
        CreateTableRequest.Builder b = CreateTableRequest.builder()
                .tableName(source.tableName())
                .attributeDefinitions(source.attributeDefinitions())
                .keySchema(source.keySchema())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(source.streamSpecification());
        if (source.onDemandThroughput() != null) {
            b.onDemandThroughput(source.onDemandThroughput());
        }
        if (source.hasGlobalSecondaryIndexes()
                && !source.globalSecondaryIndexes().isEmpty()) {
            b.globalSecondaryIndexes(source.globalSecondaryIndexes().stream()
                    .map(ReplicaTables::index)
                    .toList());
        }
        if (source.hasLocalSecondaryIndexes() && !source.localSecondaryIndexes().isEmpty()) {
            b.localSecondaryIndexes(source.localSecondaryIndexes().stream()
                    .map(ReplicaTables::index)
                    .toList());
        }
        if (source.sseDescription() != null && source.sseDescription().sseType() == SSEType.KMS) {
            SSESpecification.Builder sse =
                    SSESpecification.builder().enabled(true).sseType(SSEType.KMS);
            if (action.kmsMasterKeyId() != null) {
                sse.kmsMasterKeyId(action.kmsMasterKeyId());
            }
            b.sseSpecification(sse.build());
        }
        String tableClass = action.tableClassOverrideAsString() != null
                ? action.tableClassOverrideAsString()
                : source.tableClassSummary() == null
                        ? null
                        : source.tableClassSummary().tableClassAsString();
        if (tableClass != null) {
            b.tableClass(tableClass);
        }
        TableDescription created = region.local().createTable(b.build()).tableDescription();
        if (sourceTtl != null && sourceTtl.timeToLiveStatus() == TimeToLiveStatus.ENABLED) {
            region.local().updateTimeToLive(u -> u.tableName(source.tableName())
                    .timeToLiveSpecification(t -> t.enabled(true).attributeName(sourceTtl.attributeName())));
        }
        return created;
    }

    private static GlobalSecondaryIndex index(GlobalSecondaryIndexDescription d) {
        GlobalSecondaryIndex.Builder b = GlobalSecondaryIndex.builder()
                .indexName(d.indexName())
                .keySchema(d.keySchema())
                .projection(d.projection());
        if (d.onDemandThroughput() != null) {
            b.onDemandThroughput(d.onDemandThroughput());
        }
        return b.build();
    }

    private static LocalSecondaryIndex index(LocalSecondaryIndexDescription d) {
        return LocalSecondaryIndex.builder()
                .indexName(d.indexName())
                .keySchema(d.keySchema())
                .projection(d.projection())
                .build();
    }
}
