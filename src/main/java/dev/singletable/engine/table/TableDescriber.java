package dev.singletable.engine.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.BillingModeSummary;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexWarmThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.OnDemandThroughput;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.SSEDescription;
import software.amazon.awssdk.services.dynamodb.model.SSEStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableClassSummary;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableWarmThroughputDescription;

/**
 * Renders a {@link TableDefinition} plus live statistics as DynamoDB's TableDescription [1], field by field as AWS
 * returns it: attribute definitions and non-key attributes sorted by name, index lists in creation order, zero
 * capacity on on-demand tables and their GSIs, warm throughput always present (12000/4000 on demand, the highest
 * provisioned capacity otherwise) [2], optional blocks (billing summary, stream, SSE, table class) only when they
 * apply.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TableDescription.html">TableDescription</a><br>
 * [2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/warm-throughput.html">Understanding DynamoDB warm throughput</a>
 */
final class TableDescriber {

    /** DynamoDB's initial warm throughput of an on-demand table or index. */
    static final long ON_DEMAND_WARM_READ = 12000;

    static final long ON_DEMAND_WARM_WRITE = 4000;

    private TableDescriber() {}

    static TableDescription describe(TableDefinition table, TableStats stats, DescribeView view) {
        TableDescription.Builder d = TableDescription.builder()
                .tableName(table.name())
                .tableArn(table.arn())
                .tableId(table.tableId())
                .tableStatus(stats.status())
                .provisionedThroughput(throughput(table.throughput()))
                .tableSizeBytes(stats.sizeBytes())
                .itemCount(stats.itemCount());
        if (table.lastUpdateToPayPerRequest() != null) {
            BillingModeSummary.Builder summary = BillingModeSummary.builder().billingMode(table.billingMode());
            if (view != DescribeView.CREATE) {
                summary.lastUpdateToPayPerRequestDateTime(table.lastUpdateToPayPerRequest());
            }
            d.billingModeSummary(summary.build());
        }
        if (view == DescribeView.DELETE) {
            return d.build();
        }
        d.attributeDefinitions(attributeDefinitions(table))
                .keySchema(table.primaryKey().toKeySchema())
                .creationDateTime(table.createdAt())
                .deletionProtectionEnabled(table.deletionProtectionEnabled());
        if (!table.localIndexes().isEmpty()) {
            List<LocalSecondaryIndexDescription> locals = new ArrayList<>();
            for (IndexDef index : table.localIndexes()) {
                locals.add(local(table, index, stats));
            }
            d.localSecondaryIndexes(locals);
        }
        if (!table.globalIndexes().isEmpty()) {
            List<GlobalSecondaryIndexDescription> globals = new ArrayList<>();
            for (IndexDef index : table.globalIndexes()) {
                globals.add(global(table, index, stats, view));
            }
            d.globalSecondaryIndexes(globals);
        }
        if (table.streamEnabled()) {
            d.streamSpecification(StreamSpecification.builder()
                    .streamEnabled(true)
                    .streamViewType(table.streamViewType())
                    .build());
        }
        if (table.latestStreamArn() != null) {
            d.latestStreamArn(table.latestStreamArn()).latestStreamLabel(table.latestStreamLabel());
        }
        if (table.sse() != null) {
            d.sseDescription(SSEDescription.builder()
                    .status(SSEStatus.ENABLED)
                    .sseType(table.sse().type())
                    .kmsMasterKeyArn(table.sse().kmsMasterKeyArn())
                    .build());
        }
        if (table.tableClass() != null) {
            d.tableClassSummary(TableClassSummary.builder()
                    .tableClass(table.tableClass())
                    .lastUpdateDateTime(table.tableClassUpdatedAt())
                    .build());
        }
        if (table.onDemandLimits() != null) {
            d.onDemandThroughput(OnDemandThroughput.builder()
                    .maxReadRequestUnits(table.onDemandLimits().maxReadRequestUnits())
                    .maxWriteRequestUnits(table.onDemandLimits().maxWriteRequestUnits())
                    .build());
        }
        if (view != DescribeView.CREATE) {
            long[] warm = tableWarm(table);
            d.warmThroughput(TableWarmThroughputDescription.builder()
                    .readUnitsPerSecond(warm[0])
                    .writeUnitsPerSecond(warm[1])
                    .status("ACTIVE")
                    .build());
        }
        return d.build();
    }

    private static List<AttributeDefinition> attributeDefinitions(TableDefinition table) {
        List<AttributeDefinition> definitions = new ArrayList<>();
        new TreeMap<>(table.attributeDefinitions())
                .forEach((name, type) -> definitions.add(AttributeDefinition.builder()
                        .attributeName(name)
                        .attributeType(type)
                        .build()));
        return definitions;
    }

    private static ProvisionedThroughputDescription throughput(Throughput t) {
        return ProvisionedThroughputDescription.builder()
                .readCapacityUnits(t.readCapacityUnits())
                .writeCapacityUnits(t.writeCapacityUnits())
                .numberOfDecreasesToday(t.decreasesToday())
                .lastIncreaseDateTime(t.lastIncrease())
                .lastDecreaseDateTime(t.lastDecrease())
                .build();
    }

    private static Projection projection(IndexDef index) {
        Projection.Builder p = Projection.builder().projectionType(index.projection());
        if (!index.nonKeyAttributes().isEmpty()) {
            p.nonKeyAttributes(index.nonKeyAttributes().stream().sorted().toList());
        }
        return p.build();
    }

    private static long[] counts(TableStats stats, String indexName) {
        Map<String, long[]> perIndex = stats.perIndexCountAndSize();
        long[] counts = perIndex == null ? null : perIndex.get(indexName);
        return counts == null ? new long[] {0, 0} : counts;
    }

    private static LocalSecondaryIndexDescription local(TableDefinition table, IndexDef index, TableStats stats) {
        long[] counts = counts(stats, index.name());
        return LocalSecondaryIndexDescription.builder()
                .indexName(index.name())
                .keySchema(index.key().toKeySchema())
                .projection(projection(index))
                .indexSizeBytes(counts[1])
                .itemCount(counts[0])
                .indexArn(table.arn() + "/index/" + index.name())
                .build();
    }

    private static GlobalSecondaryIndexDescription global(
            TableDefinition table, IndexDef index, TableStats stats, DescribeView view) {
        long[] counts = counts(stats, index.name());
        Throughput throughput = index.throughput() == null ? Throughput.ZERO : index.throughput();
        // the indexes of a table being created are being created with it
        IndexStatus status = "CREATING".equals(stats.status()) ? IndexStatus.CREATING : index.status();
        GlobalSecondaryIndexDescription.Builder g = GlobalSecondaryIndexDescription.builder()
                .indexName(index.name())
                .keySchema(index.key().toKeySchema())
                .projection(projection(index))
                .indexStatus(status)
                .provisionedThroughput(throughput(throughput))
                .indexSizeBytes(counts[1])
                .itemCount(counts[0])
                .indexArn(table.arn() + "/index/" + index.name());
        // Only an index added by UpdateTable reports Backfilling, and only while it is being created.
        if (index.status() == IndexStatus.CREATING) {
            g.backfilling(index.backfilling());
        }
        if (view != DescribeView.CREATE) {
            boolean onDemand = table.billingMode() == BillingMode.PAY_PER_REQUEST;
            g.warmThroughput(GlobalSecondaryIndexWarmThroughputDescription.builder()
                    .readUnitsPerSecond(onDemand ? ON_DEMAND_WARM_READ : throughput.readCapacityUnits())
                    .writeUnitsPerSecond(onDemand ? ON_DEMAND_WARM_WRITE : throughput.writeCapacityUnits())
                    .status(status == IndexStatus.CREATING ? "UPDATING" : "ACTIVE")
                    .build());
        }
        return g.build();
    }

    /** Warm throughput: the requested high-water mark, else 12000/4000 on demand or the provisioned capacity. */
    static long[] tableWarm(TableDefinition table) {
        long read;
        long write;
        if (table.billingMode() == BillingMode.PAY_PER_REQUEST || table.lastUpdateToPayPerRequest() != null) {
            read = ON_DEMAND_WARM_READ;
            write = ON_DEMAND_WARM_WRITE;
        } else {
            read = table.throughput().readCapacityUnits();
            write = table.throughput().writeCapacityUnits();
        }
        if (table.warm() != null) {
            read = Math.max(read, table.warm().readUnitsPerSecond());
            write = Math.max(write, table.warm().writeUnitsPerSecond());
        }
        return new long[] {read, write};
    }
}
