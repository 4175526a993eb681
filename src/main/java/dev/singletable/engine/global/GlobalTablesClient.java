package dev.singletable.engine.global;

import dev.singletable.engine.error.EngineErrors;
import dev.singletable.engine.regions.CrossAccountCalls;
import dev.singletable.engine.regions.RegionalClient;
import dev.singletable.engine.validation.RequestShapes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AutoScalingSettingsDescription;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalTableResponse;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeGlobalTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeGlobalTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeGlobalTableSettingsRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeGlobalTableSettingsResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableReplicaAutoScalingRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableReplicaAutoScalingResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.ListGlobalTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ListGlobalTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.ReplicaAutoScalingDescription;
import software.amazon.awssdk.services.dynamodb.model.ReplicaGlobalSecondaryIndexAutoScalingDescription;
import software.amazon.awssdk.services.dynamodb.model.ReplicaStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableAutoScalingDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateGlobalTableRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateGlobalTableResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateGlobalTableSettingsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateGlobalTableSettingsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableReplicaAutoScalingRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableReplicaAutoScalingResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveResponse;

/**
 * A region's DynamoDB API with global tables: replica changes through UpdateTable [1], descriptions that show the group,
 * the settings a global table shares [2] (indexes, capacity mode, encryption type, table class, TTL) applied in every
 * region, a replica's own DeleteTable taking it out of its group, a replica still being created visible to
 * DescribeTable only, and AWS's answers to the legacy (2017.11.29) operations [3].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html">UpdateTable</a><br>
 * [2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_HowItWorks.html">How DynamoDB global tables work</a><br>
 * [3] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/globaltables.V1.html">Global tables version 2017.11.29 (Legacy)</a>
 */
final class GlobalTablesClient extends RegionalClient {

    private static final Logger LOG = LoggerFactory.getLogger(GlobalTablesClient.class);

    private final GlobalTables.Region region;
    private final GlobalTables global;

    GlobalTablesClient(
            DynamoDbClient regional, GlobalTables.Region region, GlobalTables global, CrossAccountCalls crossAccount) {
        super(regional, crossAccount);
        this.region = region;
        this.global = global;
    }

    private Optional<ReplicaGroups.Group> groupOf(String tableName) {
        return global.groups().group(region.account(), TableNames.of(tableName)).filter(g -> g.member(region.region())
                .isPresent());
    }

    /** A replica still being created answers DescribeTable only (AWS: its other operations find no table). */
    @Override
    protected <Q extends SdkRequest, R> R invoke(Q request, Function<Q, R> operation) {
        if (!global.groups().isEmpty()
                && !(request instanceof DescribeTableRequest)
                && !(request instanceof DeleteTableRequest)) {
            request.getValueForField("TableName", String.class).ifPresent(name -> {
                String table = TableNames.of(name);
                boolean creating = global.groups()
                        .member(region.account(), region.region(), table)
                        .map(m -> m.status() == ReplicaGroups.Status.CREATING)
                        .orElse(false);
                if (creating) {
                    throw EngineErrors.resourceNotFound("Requested resource not found: Table: " + table + " not found");
                }
            });
        }
        return super.invoke(request, operation);
    }

    @Override
    public DescribeTableResponse describeTable(DescribeTableRequest request) {
        DescribeTableResponse response = super.describeTable(request);
        ReplicaGroups.Group group = groupOf(request.tableName()).orElse(null);
        return group == null
                ? response
                : response.toBuilder()
                        .table(GlobalDescriptions.decorate(region, response.table(), group, null))
                        .build();
    }

    @Override
    public CreateTableResponse createTable(CreateTableRequest request) {
        if (request.globalTableSourceArn() != null) {
            RequestShapes.validate(request);
            throw EngineErrors.validation("Multi-account global tables (GlobalTableSourceArn) are not supported by "
                    + "this engine; add a replica in another region with UpdateTable ReplicaUpdates");
        }
        return super.createTable(request);
    }

    @Override
    public UpdateTableResponse updateTable(UpdateTableRequest request) {
        if (request.hasReplicaUpdates()) {
            return invoke(request, r -> global.changes().update(region, r));
        }
        ReplicaGroups.Group group = groupOf(request.tableName()).orElse(null);
        if (group == null) {
            return super.updateTable(request);
        }
        if (request.streamSpecification() != null
                && Boolean.FALSE.equals(request.streamSpecification().streamEnabled())) {
            throw GlobalErrors.disablingStream();
        }
        if (group.changing()) {
            throw GlobalErrors.inUse();
        }
        if (BillingMode.PROVISIONED.toString().equals(request.billingModeAsString())) {
            throw GlobalErrors.notAutoScaled();
        }
        UpdateTableResponse response = super.updateTable(request);
        fanOut(group, request);
        return response.toBuilder()
                .tableDescription(GlobalDescriptions.decorate(region, response.tableDescription(), group, null))
                .build();
    }

    /** Index, capacity, encryption and table class changes are the group's: every other replica makes them too. */
    private void fanOut(ReplicaGroups.Group group, UpdateTableRequest request) {
        boolean shared = (request.hasGlobalSecondaryIndexUpdates()
                        && !request.globalSecondaryIndexUpdates().isEmpty())
                || request.billingModeAsString() != null
                || request.provisionedThroughput() != null
                || request.onDemandThroughput() != null
                || request.sseSpecification() != null
                || request.tableClassAsString() != null
                || request.warmThroughput() != null;
        if (!shared) {
            return;
        }
        UpdateTableRequest replicated = request.toBuilder()
                .tableName(TableNames.of(request.tableName()))
                .deletionProtectionEnabled(null)
                .streamSpecification((StreamSpecification) null)
                .build();
        for (String peer : others(group)) {
            try {
                global.region(region.account(), peer).local().updateTable(replicated);
            } catch (RuntimeException e) {
                LOG.warn(
                        "Replica {} of table {} did not take the change made in {}: {}",
                        peer,
                        group.table(),
                        region.region(),
                        e.getMessage());
            }
        }
    }

    private List<String> others(ReplicaGroups.Group group) {
        List<String> out = new ArrayList<>();
        for (ReplicaGroups.Member m : group.members()) {
            if (!m.region().equals(region.region()) && m.status() != ReplicaGroups.Status.DELETING) {
                out.add(m.region());
            }
        }
        return out;
    }

    @Override
    public DeleteTableResponse deleteTable(DeleteTableRequest request) {
        return invoke(request, r -> {
            String table = TableNames.of(r.tableName());
            Optional<ReplicaGroups.Member> member = global.groups().member(region.account(), region.region(), table);
            if (member.isEmpty()) {
                return delegate().deleteTable(r);
            }
            RequestShapes.validate(r);
            return global.changes()
                    .deleteMember(
                            region,
                            r,
                            global.groups().group(region.account(), table).orElseThrow(),
                            member.get());
        });
    }

    /** TTL is the group's setting: a change in any region reaches every replica. */
    @Override
    public UpdateTimeToLiveResponse updateTimeToLive(UpdateTimeToLiveRequest request) {
        UpdateTimeToLiveResponse response = super.updateTimeToLive(request);
        groupOf(request.tableName()).ifPresent(group -> {
            for (String peer : others(group)) {
                try {
                    global.region(region.account(), peer)
                            .local()
                            .updateTimeToLive(
                                    request.toBuilder().tableName(group.table()).build());
                } catch (RuntimeException e) {
                    LOG.warn(
                            "Replica {} of table {} did not take the TTL change made in {}: {}",
                            peer,
                            group.table(),
                            region.region(),
                            e.getMessage());
                }
            }
        });
        return response;
    }

    // ---- replica auto scaling (a façade over Application Auto Scaling, which this engine does not have)

    @Override
    public DescribeTableReplicaAutoScalingResponse describeTableReplicaAutoScaling(
            DescribeTableReplicaAutoScalingRequest request) {
        return invoke(request, r -> {
            RequestShapes.validate(r);
            String table = TableNames.of(r.tableName());
            ReplicaGroups.Group group = groupOf(table).orElseThrow(() -> GlobalErrors.autoScalingNotFound(table));
            TableDescription own =
                    delegate().describeTable(b -> b.tableName(table)).table();
            AutoScalingSettingsDescription disabled = AutoScalingSettingsDescription.builder()
                    .autoScalingDisabled(true)
                    .scalingPolicies(List.of())
                    .build();
            List<ReplicaAutoScalingDescription> replicas = new ArrayList<>();
            group.members().stream().map(ReplicaGroups.Member::region).sorted().forEach(name -> {
                ReplicaGroups.Member m = group.member(name).orElseThrow();
                List<ReplicaGlobalSecondaryIndexAutoScalingDescription> indexes = new ArrayList<>();
                if (own.hasGlobalSecondaryIndexes()) {
                    own.globalSecondaryIndexes()
                            .forEach(i -> indexes.add(ReplicaGlobalSecondaryIndexAutoScalingDescription.builder()
                                    .indexName(i.indexName())
                                    .indexStatus(i.indexStatus())
                                    .provisionedReadCapacityAutoScalingSettings(disabled)
                                    .provisionedWriteCapacityAutoScalingSettings(disabled)
                                    .build()));
                }
                replicas.add(ReplicaAutoScalingDescription.builder()
                        .regionName(name)
                        .replicaStatus(ReplicaStatus.fromValue(m.status().name()))
                        .globalSecondaryIndexes(indexes)
                        .replicaProvisionedReadCapacityAutoScalingSettings(disabled)
                        .replicaProvisionedWriteCapacityAutoScalingSettings(disabled)
                        .build());
            });
            return DescribeTableReplicaAutoScalingResponse.builder()
                    .tableAutoScalingDescription(TableAutoScalingDescription.builder()
                            .tableName(table)
                            .tableStatus(GlobalDescriptions.decorate(region, own, group, null)
                                    .tableStatus())
                            .replicas(replicas)
                            .build())
                    .build();
        });
    }

    @Override
    public UpdateTableReplicaAutoScalingResponse updateTableReplicaAutoScaling(
            UpdateTableReplicaAutoScalingRequest request) {
        return invoke(request, r -> {
            RequestShapes.validate(r);
            String table = TableNames.of(r.tableName());
            ReplicaGroups.Group group = groupOf(table).orElseThrow(() -> GlobalErrors.autoScalingNotFound(table));
            String regions = group.members().stream()
                    .map(m -> "'" + m.region().toUpperCase(java.util.Locale.ROOT) + "'")
                    .sorted()
                    .reduce((a, b) -> a + ", " + b)
                    .orElse("");
            String parameter = r.provisionedWriteCapacityAutoScalingUpdate() != null
                    ? "GlobalTableProvisionedWriteCapacityAutoScalingSettingsUpdate"
                    : "ReplicaProvisionedReadCapacityAutoScalingSettingsUpdate";
            // every replica here is on-demand (a provisioned table cannot have replicas without Application Auto
            // Scaling, which the engine does not have)
            throw EngineErrors.validation("Failed to update global table with name \u2018" + table + "\u2018. Replicas "
                    + regions + " BillingMode is PayPerRequest. You must convert table's BillingMode to PROVISIONED "
                    + "to set parameters: '" + parameter + "'.");
        });
    }

    // ---- version 2017.11.29 (legacy): AWS no longer creates such tables, and its operations see no 2019 table

    @Override
    public CreateGlobalTableResponse createGlobalTable(CreateGlobalTableRequest request) {
        return invoke(request, r -> {
            RequestShapes.validate(r);
            throw GlobalErrors.legacyVersion();
        });
    }

    @Override
    public UpdateGlobalTableResponse updateGlobalTable(UpdateGlobalTableRequest request) {
        return invoke(request, r -> {
            RequestShapes.validate(r);
            if (!r.hasReplicaUpdates() || r.replicaUpdates().isEmpty()) {
                throw GlobalErrors.legacyNoDetail();
            }
            if (r.replicaUpdates().stream().anyMatch(u -> u.create() != null)) {
                throw GlobalErrors.legacyVersion();
            }
            throw GlobalErrors.globalTableNotFound(r.globalTableName(), false);
        });
    }

    @Override
    public DescribeGlobalTableResponse describeGlobalTable(DescribeGlobalTableRequest request) {
        return invoke(request, r -> {
            RequestShapes.validate(r);
            GlobalErrors.checkLegacyName(r.globalTableName());
            throw GlobalErrors.globalTableNotFound(r.globalTableName(), true);
        });
    }

    @Override
    public DescribeGlobalTableSettingsResponse describeGlobalTableSettings(DescribeGlobalTableSettingsRequest request) {
        return invoke(request, r -> {
            RequestShapes.validate(r);
            GlobalErrors.checkLegacyName(r.globalTableName());
            throw GlobalErrors.globalTableNotFound(r.globalTableName(), false);
        });
    }

    @Override
    public UpdateGlobalTableSettingsResponse updateGlobalTableSettings(UpdateGlobalTableSettingsRequest request) {
        return invoke(request, r -> {
            RequestShapes.validate(r);
            throw GlobalErrors.globalTableNotFound(r.globalTableName(), false);
        });
    }

    @Override
    public ListGlobalTablesResponse listGlobalTables(ListGlobalTablesRequest request) {
        return invoke(request, r -> {
            RequestShapes.validate(r);
            return ListGlobalTablesResponse.builder().globalTables(List.of()).build();
        });
    }
}
