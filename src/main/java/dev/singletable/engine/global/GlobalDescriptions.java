package dev.singletable.engine.global;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalTableSettingsReplicationMode;
import software.amazon.awssdk.services.dynamodb.model.ReplicaDescription;
import software.amazon.awssdk.services.dynamodb.model.ReplicaGlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ReplicaStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * What a table description says about replication, as AWS shows it [1] [2]: a regional table has no {@code GlobalTableVersion}
 * and no {@code Replicas} at all; a replica's description lists every other region of its group (never its own) with
 * its {@code ReplicaStatus}, and says {@code GlobalTableVersion} 2019.11.21 and
 * {@code GlobalTableSettingsReplicationMode} ENABLED_WITH_OVERRIDES; the keys vanish again when the last other replica
 * is gone. Values a replica inherits (throughput, table class, key) are left out of its entry.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TableDescription.html">TableDescription</a><br>
 * [2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_HowItWorks.html">How DynamoDB global tables work</a>
 */
final class GlobalDescriptions {

    private GlobalDescriptions() {}

    /**
     * The description with the group's view from {@code at}; {@code status}, when given, is the TableStatus to show
     * (an operation's answer); otherwise it follows the group: CREATING or DELETING while this replica is, UPDATING
     * while another one is being created.
     */
    static TableDescription decorate(
            GlobalTables.Region at,
            TableDescription d,
            ReplicaGroups.@Nullable Group group,
            @Nullable TableStatus status) {
        if (group == null
                || group.member(at.region()).isEmpty()
                || group.members().size() < 2) {
            return status == null ? d : d.toBuilder().tableStatus(status).build();
        }
        List<ReplicaDescription> replicas = new ArrayList<>();
        for (ReplicaGroups.Member m : group.members()) {
            if (m.region().equals(at.region())) {
                continue;
            }
            ReplicaDescription.Builder r = ReplicaDescription.builder()
                    .regionName(m.region())
                    .replicaStatus(ReplicaStatus.fromValue(m.status().name()))
                    .globalTableSettingsReplicationMode(GlobalTableSettingsReplicationMode.ENABLED_WITH_OVERRIDES);
            if (d.warmThroughput() != null) {
                r.warmThroughput(d.warmThroughput());
            }
            if (m.tableClass() != null) {
                r.replicaTableClassSummary(c -> c.tableClass(m.tableClass()));
            }
            if (d.hasGlobalSecondaryIndexes() && !d.globalSecondaryIndexes().isEmpty()) {
                List<ReplicaGlobalSecondaryIndexDescription> indexes = new ArrayList<>();
                for (GlobalSecondaryIndexDescription index : d.globalSecondaryIndexes()) {
                    ReplicaGlobalSecondaryIndexDescription.Builder i =
                            ReplicaGlobalSecondaryIndexDescription.builder().indexName(index.indexName());
                    if (index.warmThroughput() != null) {
                        i.warmThroughput(index.warmThroughput());
                    }
                    indexes.add(i.build());
                }
                r.globalSecondaryIndexes(indexes);
            }
            replicas.add(r.build());
        }
        return d.toBuilder()
                .globalTableVersion(ReplicaChanges.VERSION)
                .globalTableSettingsReplicationMode(GlobalTableSettingsReplicationMode.ENABLED_WITH_OVERRIDES)
                .replicas(replicas)
                .tableStatus(status != null ? status : status(group, at.region(), d.tableStatus()))
                .build();
    }

    private static TableStatus status(ReplicaGroups.Group group, String region, TableStatus described) {
        ReplicaGroups.Status own =
                group.member(region).map(ReplicaGroups.Member::status).orElse(ReplicaGroups.Status.ACTIVE);
        if (own == ReplicaGroups.Status.CREATING) {
            return TableStatus.CREATING;
        }
        if (own == ReplicaGroups.Status.DELETING) {
            return TableStatus.DELETING;
        }
        boolean anotherCreating = group.members().stream()
                .anyMatch(m -> !m.region().equals(region) && m.status() == ReplicaGroups.Status.CREATING);
        return anotherCreating ? TableStatus.UPDATING : described;
    }
}
