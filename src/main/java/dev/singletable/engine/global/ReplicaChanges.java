package dev.singletable.engine.global;

import dev.singletable.engine.error.EngineErrors;
import dev.singletable.engine.regions.RegionNames;
import dev.singletable.engine.storage.PrimaryKey;
import dev.singletable.engine.validation.RequestShapes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateReplicationGroupMemberAction;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.MultiRegionConsistency;
import software.amazon.awssdk.services.dynamodb.model.ReplicationGroupUpdate;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateReplicationGroupMemberAction;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableResponse;

/**
 * UpdateTable's {@code ReplicaUpdates} [1] (and a replica's DeleteTable): the checks, in the order AWS makes them, and
 * the changes. Adding a replica records it as CREATING, creates its table (the same keys, indexes, stream, TTL and
 * encryption type; tags, point-in-time recovery and deletion protection stay regional [2]), then in the background
 * copies every member's items and deletions into it and makes it ACTIVE; meanwhile the writes made anywhere wait
 * for it in their queues. Removing a replica drops its table and its queues.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html">UpdateTable</a><br>
 * [2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_HowItWorks.html">How DynamoDB global tables work</a>
 */
final class ReplicaChanges {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaChanges.class);
    /** Items per hold of a region's commit lock while a new replica is filled. */
    private static final int BACKFILL_CHUNK = 500;

    static final String VERSION = "2019.11.21";

    private final GlobalTables global;

    ReplicaChanges(GlobalTables global) {
        this.global = global;
    }

    // ---- UpdateTable with ReplicaUpdates, MultiRegionConsistency or GlobalTableWitnessUpdates

    UpdateTableResponse update(GlobalTables.Region at, UpdateTableRequest r) {
        RequestShapes.validate(r);
        checkOnlyOperation(r);
        String table = TableNames.of(r.tableName());
        boolean strong = r.multiRegionConsistency() == MultiRegionConsistency.STRONG;
        if (r.hasGlobalTableWitnessUpdates() && !r.globalTableWitnessUpdates().isEmpty() && !strong) {
            throw GlobalErrors.witnessNeedsStrong();
        }
        List<ReplicationGroupUpdate> updates = r.hasReplicaUpdates() ? r.replicaUpdates() : List.of();
        Optional<ReplicaGroups.Group> existing = global.groups().group(at.account(), table);
        if (r.multiRegionConsistency() != null) {
            if (existing.isPresent()) {
                throw GlobalErrors.modeOnExistingTable();
            }
            if (updates.stream().anyMatch(u -> u.delete() != null || u.update() != null)) {
                throw GlobalErrors.onlyCreatesWithMode();
            }
        }
        if (strong) {
            MultiRegionRules.check(
                    at.region(), updates, r.hasGlobalTableWitnessUpdates() ? r.globalTableWitnessUpdates() : List.of());
            throw GlobalErrors.strongNotSupported();
        }
        List<ReplicationGroupUpdate> actions = actions(updates);
        TableDescription current = describe(at, r.tableName());
        List<String> notMembers = new ArrayList<>();
        for (ReplicationGroupUpdate u : actions) {
            String region = regionOf(u);
            if (!RegionNames.isValid(region)) {
                throw GlobalErrors.unsupportedRegion(region);
            }
            if (region.equals(at.region())) {
                throw GlobalErrors.localRegion();
            }
            boolean member = existing.flatMap(g -> g.member(region)).isPresent();
            if (u.create() != null && (member || tableExists(at.account(), region, table))) {
                throw GlobalErrors.alreadyExists(table);
            }
            if (u.create() == null && !member) {
                notMembers.add(region);
            }
        }
        if (!notMembers.isEmpty()) {
            throw GlobalErrors.notMembers(notMembers);
        }
        if (existing.map(ReplicaGroups.Group::changing).orElse(false)) {
            throw GlobalErrors.inUse();
        }
        ReplicationGroupUpdate first = actions.get(0);
        if (first.create() != null) {
            return create(at, table, current, first.create());
        }
        if (first.delete() != null) {
            return delete(
                    at, table, current, existing.orElseThrow(), first.delete().regionName());
        }
        UpdateTableResponse answer = null;
        for (ReplicationGroupUpdate u : actions) {
            answer = updateReplica(
                    at,
                    table,
                    current,
                    global.groups().group(at.account(), table).orElseThrow(),
                    u.update());
        }
        // actions holds at least the update read first above, so the loop ran
        return Objects.requireNonNull(answer);
    }

    /** ReplicaUpdates travel alone (AWS checks this before anything else about them). */
    private static void checkOnlyOperation(UpdateTableRequest r) {
        boolean other = r.provisionedThroughput() != null
                || r.billingModeAsString() != null
                || (r.hasGlobalSecondaryIndexUpdates()
                        && !r.globalSecondaryIndexUpdates().isEmpty())
                || r.streamSpecification() != null
                || r.sseSpecification() != null
                || r.tableClassAsString() != null
                || r.deletionProtectionEnabled() != null
                || r.onDemandThroughput() != null
                || r.warmThroughput() != null
                || r.hasAttributeDefinitions();
        if (other) {
            throw GlobalErrors.onlyOperation();
        }
    }

    /**
     * Each element with exactly one action; one Create or one Delete per call (an identical element repeated counts
     * once), or any number of Updates.
     */
    private static List<ReplicationGroupUpdate> actions(List<ReplicationGroupUpdate> updates) {
        List<ReplicationGroupUpdate> distinct = new ArrayList<>();
        for (ReplicationGroupUpdate u : updates) {
            int kinds = (u.create() != null ? 1 : 0) + (u.update() != null ? 1 : 0) + (u.delete() != null ? 1 : 0);
            if (kinds == 0) {
                throw GlobalErrors.noAction();
            }
            if (kinds > 1) {
                throw GlobalErrors.mixedActions();
            }
            if (u.update() != null && !hasUpdateAction(u.update())) {
                throw GlobalErrors.noAction();
            }
            if (u.create() != null && u.create().regionName() == null) {
                // AWS's bare sentence for a Create without a RegionName, not the model's "must not be null" (a
                // public probe of the real service, DDB-TABLE-457 of aws-controllers-k8s/dynamodb-controller)
                throw GlobalErrors.legacyNoDetail();
            }
            if (!distinct.contains(u)) {
                distinct.add(u);
            }
        }
        long createsAndDeletes = distinct.stream()
                .filter(u -> u.create() != null || u.delete() != null)
                .count();
        if (createsAndDeletes > 1 || (createsAndDeletes == 1 && distinct.size() > 1)) {
            throw GlobalErrors.severalCreatesOrDeletes();
        }
        if (distinct.isEmpty()) {
            throw GlobalErrors.noAction();
        }
        return distinct;
    }

    private static boolean hasUpdateAction(UpdateReplicationGroupMemberAction u) {
        return u.kmsMasterKeyId() != null
                || u.provisionedThroughputOverride() != null
                || u.onDemandThroughputOverride() != null
                || u.tableClassOverrideAsString() != null
                || (u.hasGlobalSecondaryIndexes() && !u.globalSecondaryIndexes().isEmpty());
    }

    static String regionOf(ReplicationGroupUpdate u) {
        if (u.create() != null) {
            return u.create().regionName();
        }
        if (u.update() != null) {
            return u.update().regionName();
        }
        return u.delete().regionName();
    }

    // ---- Create

    private UpdateTableResponse create(
            GlobalTables.Region at, String table, TableDescription source, CreateReplicationGroupMemberAction action) {
        if (!BillingMode.PAY_PER_REQUEST.toString().equals(billingMode(source))) {
            throw GlobalErrors.notAutoScaled();
        }
        checkKey(source, action.kmsMasterKeyId());
        if (action.hasGlobalSecondaryIndexes()
                && action.globalSecondaryIndexes().stream()
                        .anyMatch(i ->
                                i.provisionedThroughputOverride() != null || i.onDemandThroughputOverride() != null)) {
            throw GlobalErrors.indexOverridesNotSupported();
        }
        // DynamoDB enables a NEW_AND_OLD_IMAGES stream itself when the table has none (any enabled one is kept)
        if (source.streamSpecification() == null
                || !Boolean.TRUE.equals(source.streamSpecification().streamEnabled())) {
            at.local().updateTable(b -> b.tableName(table)
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
            source = describe(at, table);
        }
        ReplicaGroups groups = global.groups();
        ReplicaGroups.Group before = groups.group(at.account(), table)
                .orElse(new ReplicaGroups.Group(
                        at.account(),
                        table,
                        List.of(new ReplicaGroups.Member(
                                at.region(),
                                ReplicaGroups.Status.ACTIVE,
                                null,
                                source.creationDateTime() == null
                                        ? 0
                                        : source.creationDateTime().toEpochMilli(),
                                null))));
        String region = action.regionName();
        ReplicaGroups.Member member = new ReplicaGroups.Member(
                region,
                ReplicaGroups.Status.CREATING,
                at.region(),
                global.clock().millis(),
                action.tableClassOverrideAsString());
        ReplicaGroups.Group group = before.with(member);
        groups.put(group);
        global.followEverywhere(group);
        TableDescription created =
                ReplicaTables.create(global.region(at.account(), region), source, ttlOf(at, table), action);
        LOG.info(
                "Replica {} of table {} created from {} ({}); filling it",
                region,
                table,
                at.region(),
                created.tableArn());
        global.inBackground(() -> backfill(at.account(), table, region));
        // AWS's answer already names the version; the new replica's entry appears a moment later
        TableDescription answer = GlobalDescriptions.decorate(at, source, group, TableStatus.UPDATING);
        return UpdateTableResponse.builder()
                .tableDescription(answer.toBuilder()
                        .replicas(answer.replicas().stream()
                                .filter(r -> !r.regionName().equals(region))
                                .toList())
                        .build())
                .build();
    }

    /**
     * The key id the engine gives the AWS managed key ({@code alias/aws/dynamodb}) in every region (see the table
     * package's Encryption: without a real KMS, aliases resolve to a stable made-up key).
     */
    private static final String AWS_MANAGED_KEY_ID = java.util
            .UUID
            .nameUUIDFromBytes("alias/aws/dynamodb".getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .toString();

    /** A table encrypted with a customer managed key needs a key per replica; any other table takes none. */
    private static void checkKey(TableDescription source, String replicaKey) {
        boolean customerKey = source.sseDescription() != null
                && source.sseDescription().sseType() == SSEType.KMS
                && source.sseDescription().kmsMasterKeyArn() != null
                && !source.sseDescription().kmsMasterKeyArn().endsWith("key/" + AWS_MANAGED_KEY_ID);
        if (customerKey != (replicaKey != null)) {
            throw GlobalErrors.kmsKeyPerReplica();
        }
    }

    /**
     * Fills a new replica with what every member holds (items and remembered deletions, with their stamps: the last
     * writer wins, whatever arrives first), then activates it and releases the writes queued for it meanwhile.
     */
    void backfill(String account, String table, String region) {
        ReplicaGroups.Group group = global.groups().group(account, table).orElse(null);
        if (group == null
                || group.member(region)
                        .map(m -> m.status() != ReplicaGroups.Status.CREATING)
                        .orElse(true)) {
            return;
        }
        NamespaceReplication target = global.region(account, region).replication();
        long copied = 0;
        for (ReplicaGroups.Member source : group.members()) {
            if (source.region().equals(region) || source.status() == ReplicaGroups.Status.DELETING) {
                continue;
            }
            NamespaceReplication from = global.region(account, source.region()).replication();
            target.apply(table, from.tombstones(table));
            PrimaryKey after = null;
            while (true) {
                List<Replicated> chunk = from.scan(table, after, BACKFILL_CHUNK);
                if (chunk.isEmpty()) {
                    break;
                }
                copied += target.apply(table, chunk).applied();
                after = chunk.get(chunk.size() - 1).key();
            }
        }
        ReplicaGroups.Group now = global.groups().group(account, table).orElse(null);
        if (now == null || now.member(region).isEmpty()) {
            return; // removed meanwhile
        }
        ReplicaGroups.Group active = now.with(now.member(region).orElseThrow().withStatus(ReplicaGroups.Status.ACTIVE));
        global.groups().put(active);
        global.followEverywhere(active);
        LOG.info("Replica {} of table {} is ACTIVE ({} items copied)", region, table, copied);
    }

    /** Picks up a change a restart interrupted. */
    void resume(ReplicaGroups.Group group, ReplicaGroups.Member member) {
        if (member.status() == ReplicaGroups.Status.CREATING) {
            GlobalTables.Region region = global.region(group.account(), member.region());
            if (region.core().table(group.table()) == null) {
                ReplicaGroups.Member source = group.members().stream()
                        .filter(m -> m.status() == ReplicaGroups.Status.ACTIVE)
                        .findFirst()
                        .orElse(null);
                if (source == null) {
                    return;
                }
                GlobalTables.Region from = global.region(group.account(), source.region());
                ReplicaTables.create(
                        region,
                        describe(from, group.table()),
                        ttlOf(from, group.table()),
                        CreateReplicationGroupMemberAction.builder()
                                .regionName(member.region())
                                .tableClassOverride(member.tableClass())
                                .build());
            }
            global.inBackground(() -> backfill(group.account(), group.table(), member.region()));
        } else if (member.status() == ReplicaGroups.Status.DELETING) {
            global.inBackground(() -> finishRemoval(group.account(), group.table(), member.region()));
        }
    }

    // ---- Delete

    private UpdateTableResponse delete(
            GlobalTables.Region at, String table, TableDescription current, ReplicaGroups.Group group, String region) {
        checkRemovable(group, region);
        GlobalTables.Region replica = global.region(at.account(), region);
        DescribeTableResponse replicaTable = describeQuietly(replica, table);
        if (replicaTable != null && Boolean.TRUE.equals(replicaTable.table().deletionProtectionEnabled())) {
            throw GlobalErrors.deletionProtected(table, region);
        }
        TableDescription answer = GlobalDescriptions.decorate(at, current, group, TableStatus.UPDATING);
        remove(group, region);
        return UpdateTableResponse.builder().tableDescription(answer).build();
    }

    /**
     * DeleteTable of a member of a group (in its own region): the same rules as a Delete through ReplicaUpdates, and
     * the region leaves the group.
     */
    DeleteTableResponse deleteMember(
            GlobalTables.Region at, DeleteTableRequest r, ReplicaGroups.Group group, ReplicaGroups.Member member) {
        String table = TableNames.of(r.tableName());
        if (member.status() == ReplicaGroups.Status.CREATING) {
            throw GlobalErrors.beingCreated(table);
        }
        if (member.status() == ReplicaGroups.Status.DELETING || group.changing()) {
            throw GlobalErrors.inUse();
        }
        checkRemovable(group, at.region());
        TableDescription current = describe(at, table);
        if (Boolean.TRUE.equals(current.deletionProtectionEnabled())) {
            throw GlobalErrors.deletionProtected(table, at.region());
        }
        TableDescription answer = GlobalDescriptions.decorate(at, current, group, TableStatus.DELETING);
        remove(group, at.region());
        return DeleteTableResponse.builder().tableDescription(answer).build();
    }

    /** A region that added a replica less than 24 hours ago stays while that replica does (AWS's rule). */
    private void checkRemovable(ReplicaGroups.Group group, String region) {
        long dayAgo = global.clock().millis() - 24L * 60 * 60 * 1000;
        for (ReplicaGroups.Member m : group.members()) {
            if (region.equals(m.source())
                    && m.addedAtMillis() > dayAgo
                    && m.status() != ReplicaGroups.Status.DELETING) {
                throw GlobalErrors.source24Hours();
            }
        }
    }

    /** Marks the region DELETING (its queues close everywhere), drops its table, and takes it out of the group. */
    private void remove(ReplicaGroups.Group group, String region) {
        ReplicaGroups.Group deleting =
                group.with(group.member(region).orElseThrow().withStatus(ReplicaGroups.Status.DELETING));
        global.groups().put(deleting);
        global.followEverywhere(deleting);
        finishRemoval(group.account(), group.table(), region);
    }

    private void finishRemoval(String account, String table, String region) {
        GlobalTables.Region replica = global.region(account, region);
        if (replica.core().table(table) != null) {
            replica.local().deleteTable(b -> b.tableName(table));
        }
        replica.replication().forget(table);
        ReplicaGroups.Group now = global.groups().group(account, table).orElse(null);
        if (now == null) {
            return;
        }
        ReplicaGroups.Group after = now.without(region);
        global.groups().put(after);
        global.followEverywhere(after);
        LOG.info("Replica {} of table {} removed", region, table);
    }

    // ---- Update

    private UpdateTableResponse updateReplica(
            GlobalTables.Region at,
            String table,
            TableDescription current,
            ReplicaGroups.Group group,
            UpdateReplicationGroupMemberAction action) {
        if (action.kmsMasterKeyId() != null) {
            throw GlobalErrors.kmsKeyPerReplica();
        }
        if (action.provisionedThroughputOverride() != null) {
            throw GlobalErrors.payPerRequestOverride();
        }
        if (action.hasGlobalSecondaryIndexes()
                && !action.globalSecondaryIndexes().isEmpty()) {
            throw GlobalErrors.indexOverridesNotSupported();
        }
        String region = action.regionName();
        GlobalTables.Region replica = global.region(at.account(), region);
        if (action.tableClassOverrideAsString() != null) {
            replica.local().updateTable(b -> b.tableName(table).tableClass(action.tableClassOverrideAsString()));
            ReplicaGroups.Member member = group.member(region).orElseThrow();
            global.groups().put(group.with(member.withTableClass(action.tableClassOverrideAsString())));
        }
        if (action.onDemandThroughputOverride() != null) {
            Long read = action.onDemandThroughputOverride().maxReadRequestUnits();
            replica.local().updateTable(b -> b.tableName(table).onDemandThroughput(o -> o.maxReadRequestUnits(read)));
        }
        ReplicaGroups.Group now = global.groups().group(at.account(), table).orElse(group);
        return UpdateTableResponse.builder()
                .tableDescription(GlobalDescriptions.decorate(at, current, now, TableStatus.UPDATING))
                .build();
    }

    // ---- helpers

    private static TableDescription describe(GlobalTables.Region at, String tableName) {
        return at.local().describeTable(b -> b.tableName(tableName)).table();
    }

    private static TimeToLiveDescription ttlOf(GlobalTables.Region at, String table) {
        return at.local().describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
    }

    private static @Nullable DescribeTableResponse describeQuietly(GlobalTables.Region at, String table) {
        try {
            return at.local().describeTable(b -> b.tableName(table));
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }

    private boolean tableExists(String account, String region, String table) {
        return global.region(account, region).core().table(table) != null;
    }

    private static String billingMode(TableDescription d) {
        if (d.billingModeSummary() != null && d.billingModeSummary().billingModeAsString() != null) {
            return d.billingModeSummary().billingModeAsString();
        }
        return BillingMode.PROVISIONED.toString();
    }

    static RuntimeException unexpected(String message) {
        return EngineErrors.validation(message);
    }
}
