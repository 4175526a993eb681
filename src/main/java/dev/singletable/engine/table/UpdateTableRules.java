package dev.singletable.engine.table;

import dev.singletable.engine.error.EngineErrors;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.UpdateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/**
 * UpdateTable's semantic validation against the current definition, in DynamoDB's order: something to update,
 * single-concern rules (SSE, table class, deletion protection, warm/on-demand throughput alone), combinations that
 * cannot share a call, then billing and capacity, stream, index updates [1]. Changes apply at once: the catalog decides
 * how long the table shows UPDATING; new GSIs come back CREATING (the caller backfills, then marks them ACTIVE) and
 * deleted ones DELETING (the caller drops them with {@link TableDefinition#withoutIndex}) [2].
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html">UpdateTable</a><br>
 * [2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.OnlineOps.html">Managing global secondary indexes</a>
 */
final class UpdateTableRules {

    private static final String NOTHING_TO_UPDATE = "At least one of ProvisionedThroughput, BillingMode, "
            + "UpdateStreamEnabled, GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, "
            + "MultiAccountReplicaReady, ReplicaTransitRoleArn, MultiRegionConsistency, DeletionProtectionEnabled, "
            + "OnDemandThroughput, WarmThroughput or TableClass is required";
    private static final String ONE_ONLINE_INDEX =
            "Subscriber limit exceeded: Only 1 online index can be created or " + "deleted simultaneously per table";
    private static final String LIMITS_HINT =
            "Refer to the Amazon DynamoDB Developer Guide for current limits and how " + "to request higher limits.";

    private UpdateTableRules() {}

    static TableDefinition update(TableDefinition current, UpdateTableRequest req, Instant now) {
        List<GlobalSecondaryIndexUpdate> indexUpdates =
                req.hasGlobalSecondaryIndexUpdates() ? req.globalSecondaryIndexUpdates() : List.of();
        checkSomethingToUpdate(req, indexUpdates);
        checkCombinations(req, indexUpdates);
        if (req.hasReplicaUpdates() || req.multiRegionConsistency() != null || req.hasGlobalTableWitnessUpdates()) {
            throw Invalid.parameter("Global table replicas are not supported by this engine");
        }

        TableDefinition.Builder b = current.toBuilder();
        if (req.sseSpecification() != null) {
            sse(current, req, b);
        }
        if (req.tableClassAsString() != null) {
            b.tableClass = CreateTableRules.tableClass(req.tableClassAsString());
            b.tableClassUpdatedAt = now;
        }
        if (req.deletionProtectionEnabled() != null) {
            b.deletionProtectionEnabled = req.deletionProtectionEnabled();
        }
        billing(current, req, indexUpdates, b, now);
        if (req.streamSpecification() != null) {
            stream(current, req.streamSpecification(), b, now);
        }
        if (req.warmThroughput() != null) {
            checkNoWarmDecrease(TableDescriber.tableWarm(current), req.warmThroughput());
            TableDefinition.Warm requested = CreateTableRules.warm(req.warmThroughput());
            if (requested != null) {
                b.warm = higher(b.warm, requested);
            }
        }
        indexes(current, req, indexUpdates, b, now);
        return b.build();
    }

    private static void checkSomethingToUpdate(UpdateTableRequest req, List<GlobalSecondaryIndexUpdate> indexUpdates) {
        boolean any = req.provisionedThroughput() != null
                || req.billingModeAsString() != null
                || req.streamSpecification() != null
                || !indexUpdates.isEmpty()
                || req.sseSpecification() != null
                || req.hasReplicaUpdates()
                || req.deletionProtectionEnabled() != null
                || req.onDemandThroughput() != null
                || req.warmThroughput() != null
                || req.tableClassAsString() != null;
        if (!any) {
            // AWS leaves out of the list a member the request did carry (MultiRegionConsistency alone).
            String message = req.multiRegionConsistency() != null
                    ? NOTHING_TO_UPDATE.replace(" MultiRegionConsistency,", "")
                    : NOTHING_TO_UPDATE;
            throw Invalid.bare(message);
        }
        if (req.hasGlobalSecondaryIndexUpdates() && indexUpdates.isEmpty()) {
            throw Invalid.parameter("List of GlobalSecondaryIndexUpdates is empty");
        }
    }

    /** Some changes must travel alone; others may not share a call. */
    private static void checkCombinations(UpdateTableRequest req, List<GlobalSecondaryIndexUpdate> indexUpdates) {
        int concerns = count(
                req.provisionedThroughput() != null,
                req.billingModeAsString() != null,
                req.streamSpecification() != null,
                !indexUpdates.isEmpty(),
                req.sseSpecification() != null,
                req.deletionProtectionEnabled() != null,
                req.onDemandThroughput() != null,
                req.warmThroughput() != null,
                req.tableClassAsString() != null);
        if (req.sseSpecification() != null && concerns > 1) {
            throw Invalid.parameter("Server-Side Encryption modification must be the only operation in the request");
        }
        if (req.tableClassAsString() != null && concerns > 1) {
            throw Invalid.parameter("TableClass modification must be the only operation in the request");
        }
        if (req.deletionProtectionEnabled() != null && concerns > 1) {
            throw Invalid.parameter("DeletionProtection modification must be the only operation in the request");
        }
        boolean createsOrDeletesIndex = indexUpdates.stream().anyMatch(u -> u.create() != null || u.delete() != null);
        if (req.warmThroughput() != null && concerns > 1) {
            if (indexUpdates.stream().anyMatch(u -> u.create() != null)) {
                throw Invalid.parameter(
                        "Create global secondary index cannot be specified when updating " + "WarmThroughput");
            }
            throw Invalid.parameter("WarmThroughput must be the only operation in the request");
        }
        if (req.onDemandThroughput() != null && concerns > (req.billingModeAsString() != null ? 2 : 1)) {
            throw Invalid.parameter(
                    "OnDemandThroughput can only be combined with BillingMode in an UpdateTable " + "request");
        }
        if (req.provisionedThroughput() != null && req.streamSpecification() != null) {
            throw Invalid.parameter("You cannot modify stream status while updating table IOPS");
        }
        if (createsOrDeletesIndex && req.provisionedThroughput() != null) {
            throw Invalid.parameter("You cannot create or delete index while updating table IOPS");
        }
        if (createsOrDeletesIndex && req.streamSpecification() != null) {
            throw Invalid.parameter("You cannot create or delete index while changing stream status");
        }
    }

    private static int count(boolean... flags) {
        int n = 0;
        for (boolean flag : flags) {
            n += flag ? 1 : 0;
        }
        return n;
    }

    private static void sse(TableDefinition current, UpdateTableRequest req, TableDefinition.Builder b) {
        String region = current.arn().split(":")[3];
        String account = current.arn().split(":")[4];
        TableDefinition.SseSettings requested = Encryption.settings(req.sseSpecification(), region, account);
        if (requested == null && current.sse() == null) {
            throw Invalid.parameter("Table is already encrypted by default");
        }
        if (requested != null
                && current.sse() != null
                && req.sseSpecification().kmsMasterKeyId() != null
                && requested.kmsMasterKeyArn().equals(current.sse().kmsMasterKeyArn())) {
            throw Invalid.parameter("Table is already encrypted with given KMSMasterKeyId. Use KMSMasterKeyId "
                    + "parameter if you want to change Master Key");
        }
        b.sse = requested;
    }

    private static void billing(
            TableDefinition current,
            UpdateTableRequest req,
            List<GlobalSecondaryIndexUpdate> indexUpdates,
            TableDefinition.Builder b,
            Instant now) {
        BillingMode mode = req.billingModeAsString() == null
                ? current.billingMode()
                : BillingMode.fromValue(req.billingModeAsString());
        ProvisionedThroughput requested = req.provisionedThroughput();
        if (mode == BillingMode.PAY_PER_REQUEST) {
            if (requested != null) {
                throw Invalid.parameter("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when "
                        + "BillingMode is PAY_PER_REQUEST");
            }
            if (current.billingMode() != BillingMode.PAY_PER_REQUEST) {
                b.billingMode = BillingMode.PAY_PER_REQUEST;
                b.lastUpdateToPayPerRequest = now;
                b.throughput = new Throughput(
                        0,
                        0,
                        current.throughput().lastIncrease(),
                        current.throughput().lastDecrease(),
                        current.throughput().decreasesToday());
                b.globalIndexes.replaceAll(i -> i.withThroughput(Throughput.ZERO));
            }
        } else {
            boolean switching = current.billingMode() == BillingMode.PAY_PER_REQUEST;
            if (requested == null && req.billingModeAsString() != null) {
                throw Invalid.parameter("ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
            }
            if (switching) {
                List<String> missing = new ArrayList<>();
                for (IndexDef index : current.globalIndexes()) {
                    boolean updated = indexUpdates.stream()
                            .anyMatch(u -> u.update() != null
                                    && index.name().equals(u.update().indexName())
                                    && u.update().provisionedThroughput() != null);
                    if (!updated) {
                        missing.add(index.name());
                    }
                }
                if (!missing.isEmpty()) {
                    throw Invalid.parameter(
                            "ProvisionedThroughput must be specified for index: " + String.join(",", missing));
                }
                b.onDemandLimits = null;
            }
            if (requested != null) {
                Billing.checkBounds(requested);
                if (!switching) {
                    checkThroughputChanges(current.throughput(), requested, null);
                }
                b.throughput = adjusted(switching ? Throughput.ZERO : current.throughput(), requested, now);
                b.warm = higher(
                        b.warm,
                        new TableDefinition.Warm(requested.readCapacityUnits(), requested.writeCapacityUnits()));
            }
            b.billingMode = BillingMode.PROVISIONED;
        }
        b.onDemandLimits = Billing.onDemand(req.onDemandThroughput(), b.billingMode, "table", b.onDemandLimits);
    }

    /** Re-sending the current capacity is an error in DynamoDB, not a no-op. */
    private static void checkThroughputChanges(
            Throughput current, ProvisionedThroughput requested, @Nullable String indexName) {
        if (current.readCapacityUnits() == requested.readCapacityUnits()
                && current.writeCapacityUnits() == requested.writeCapacityUnits()) {
            String target = indexName == null ? "the table" : "the index " + indexName;
            String holder = indexName == null ? "the table" : "the index";
            throw Invalid.bare("The provisioned throughput for " + target + " will not change. The requested value "
                    + "equals the current value. Current ReadCapacityUnits provisioned for " + holder + ": "
                    + current.readCapacityUnits() + ". Requested ReadCapacityUnits: " + requested.readCapacityUnits()
                    + ". Current WriteCapacityUnits provisioned for " + holder + ": " + current.writeCapacityUnits()
                    + ". Requested WriteCapacityUnits: " + requested.writeCapacityUnits() + ". " + LIMITS_HINT);
        }
    }

    /** New capacity with DynamoDB's bookkeeping: increase/decrease times and the per-UTC-day decrease count. */
    static Throughput adjusted(Throughput current, ProvisionedThroughput requested, Instant now) {
        long read = requested.readCapacityUnits();
        long write = requested.writeCapacityUnits();
        boolean increase = read > current.readCapacityUnits() || write > current.writeCapacityUnits();
        boolean decrease = read < current.readCapacityUnits() || write < current.writeCapacityUnits();
        long decreasesToday = current.lastDecrease() != null && sameUtcDay(current.lastDecrease(), now)
                ? current.decreasesToday()
                : 0;
        return new Throughput(
                read,
                write,
                increase ? now : current.lastIncrease(),
                decrease ? now : current.lastDecrease(),
                decrease ? decreasesToday + 1 : decreasesToday);
    }

    private static boolean sameUtcDay(Instant a, Instant b) {
        return LocalDate.ofInstant(a, ZoneOffset.UTC).equals(LocalDate.ofInstant(b, ZoneOffset.UTC));
    }

    /**
     * Warm throughput only grows: a lower value is refused, naming the read side first (AWS's sentence as a public
     * probe of the real service recorded it, DDB-TABLE-457 of aws-controllers-k8s/dynamodb-controller's
     * docs/api-quirks; the write side's sentence is the same with WriteUnitsPerSecond).
     */
    private static void checkNoWarmDecrease(
            long[] current, software.amazon.awssdk.services.dynamodb.model.WarmThroughput requested) {
        String lower = requested.readUnitsPerSecond() != null && requested.readUnitsPerSecond() < current[0]
                ? "ReadUnitsPerSecond"
                : requested.writeUnitsPerSecond() != null && requested.writeUnitsPerSecond() < current[1]
                        ? "WriteUnitsPerSecond"
                        : null;
        if (lower != null) {
            throw Invalid.parameter("Requested " + lower + " for WarmThroughput for table is lower than current "
                    + "WarmThroughput, decreasing WarmThroughput is not supported");
        }
    }

    private static TableDefinition.Warm higher(TableDefinition.@Nullable Warm current, TableDefinition.Warm requested) {
        if (current == null) {
            return requested;
        }
        return new TableDefinition.Warm(
                Math.max(current.readUnitsPerSecond(), requested.readUnitsPerSecond()),
                Math.max(current.writeUnitsPerSecond(), requested.writeUnitsPerSecond()));
    }

    private static void stream(
            TableDefinition current, StreamSpecification spec, TableDefinition.Builder b, Instant now) {
        String viewType = spec.streamViewTypeAsString();
        if (Boolean.TRUE.equals(spec.streamEnabled())) {
            if (viewType == null) {
                throw Invalid.parameter("If stream is being enabled then UpdateViewType is required");
            }
            if (current.streamEnabled()) {
                throw Invalid.bare("Table already has an enabled stream: TableName: " + current.name());
            }
            Streams.enable(b, StreamViewType.fromValue(viewType), now);
        } else {
            if (viewType != null) {
                throw Invalid.parameter("If stream is being disabled, then UpdateViewType must not be specified");
            }
            if (!current.streamEnabled()) {
                throw Invalid.bare("Table has no stream to disable: TableName: " + current.name());
            }
            Streams.disable(b);
        }
    }

    private static void indexes(
            TableDefinition current,
            UpdateTableRequest req,
            List<GlobalSecondaryIndexUpdate> updates,
            TableDefinition.Builder b,
            Instant now) {
        Set<String> names = new HashSet<>();
        int onlineChanges = 0;
        for (GlobalSecondaryIndexUpdate update : updates) {
            int actions = count(update.create() != null, update.update() != null, update.delete() != null);
            if (actions == 0) {
                throw Invalid.parameter("One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, "
                        + "GlobalSecondaryIndexUpdate.Delete must not be null");
            }
            if (actions > 1) {
                throw Invalid.parameter(
                        "Only one global secondary index action is allowed per " + "GlobalSecondaryIndexUpdate object");
            }
            String name = update.create() != null
                    ? update.create().indexName()
                    : update.update() != null
                            ? update.update().indexName()
                            : update.delete().indexName();
            if (!names.add(name)) {
                throw Invalid.parameter("Only one global secondary index update per index is allowed "
                        + "simultaneously. Index: " + name);
            }
            onlineChanges += update.update() == null ? 1 : 0;
        }
        boolean busy = current.globalIndexes().stream()
                .anyMatch(i -> i.status() == IndexStatus.CREATING || i.status() == IndexStatus.DELETING);
        if (onlineChanges > 1 || (onlineChanges == 1 && busy)) {
            throw EngineErrors.limitExceeded(ONE_ONLINE_INDEX);
        }
        for (GlobalSecondaryIndexUpdate update : updates) {
            if (update.create() != null) {
                createIndex(current, req, update.create(), b);
            } else if (update.delete() != null) {
                String name = update.delete().indexName();
                requireGlobalIndex(current, name);
                b.globalIndexes.replaceAll(i -> i.name().equals(name) ? i.withStatus(IndexStatus.DELETING, false) : i);
            } else {
                updateIndex(current, update.update(), b, now);
            }
        }
    }

    private static IndexDef requireGlobalIndex(TableDefinition current, String name) {
        for (IndexDef index : current.globalIndexes()) {
            if (index.name().equals(name)) {
                return index;
            }
        }
        throw EngineErrors.resourceNotFound(
                "Requested resource not found: Index " + name + " for table " + current.name());
    }

    private static void createIndex(
            TableDefinition current,
            UpdateTableRequest req,
            CreateGlobalSecondaryIndexAction create,
            TableDefinition.Builder b) {
        String name = create.indexName();
        if (current.index(name) != null) {
            throw Invalid.bare("Attempting to create an index which already exists");
        }
        if (!req.hasAttributeDefinitions()) {
            throw Invalid.parameter("AttributeDefinitions is not specified for index: " + name);
        }
        // The new index's key attributes must be defined in this request; the table's stored definitions
        // do not count, and a key attribute must keep the type it already has.
        Map<String, ScalarAttributeType> requested = CreateTableRules.definitions(req.attributeDefinitions());
        KeyDef key = KeySchemas.globalKey(create.keySchema(), requested);
        for (String attribute : key.names()) {
            ScalarAttributeType existing = current.attributeType(attribute);
            if (existing != null && existing != requested.get(attribute)) {
                throw Invalid.parameter("Attributes cannot be redefined. Please check that your attribute has the "
                        + "same type as previously defined. Attribute: " + attribute + ", existing type: " + existing
                        + ", new type: " + requested.get(attribute));
            }
        }
        ProjectionType projection = Projections.check(create.projection());
        Throughput throughput;
        if (b.billingMode == BillingMode.PAY_PER_REQUEST) {
            if (create.provisionedThroughput() != null) {
                throw Invalid.parameter("ProvisionedThroughput should not be specified for index: " + name
                        + " when BillingMode is PAY_PER_REQUEST");
            }
            throughput = Throughput.ZERO;
        } else {
            if (create.provisionedThroughput() == null) {
                throw Invalid.parameter("ProvisionedThroughput must be specified for index: " + name);
            }
            Billing.checkBounds(create.provisionedThroughput());
            throughput = Throughput.of(
                    create.provisionedThroughput().readCapacityUnits(),
                    create.provisionedThroughput().writeCapacityUnits());
        }
        if (b.globalIndexes.size() >= CreateTableRules.MAX_GLOBAL_INDEXES) {
            throw EngineErrors.limitExceeded(Invalid.PREFIX + "GlobalSecondaryIndex count exceeds the per-table "
                    + "limit of " + CreateTableRules.MAX_GLOBAL_INDEXES);
        }
        b.globalIndexes.add(new IndexDef(
                name,
                true,
                key,
                projection,
                Projections.nonKeyAttributes(create.projection()),
                throughput,
                IndexStatus.CREATING,
                false));
        for (String attribute : key.names()) {
            b.attributeDefinitions.putIfAbsent(attribute, requested.get(attribute));
        }
        CreateTableRules.checkProjectedAttributeCount(b);
    }

    private static void updateIndex(
            TableDefinition current, UpdateGlobalSecondaryIndexAction update, TableDefinition.Builder b, Instant now) {
        String name = update.indexName();
        IndexDef index = requireGlobalIndex(current, name);
        if (update.warmThroughput() != null
                && update.warmThroughput().readUnitsPerSecond() == null
                && update.warmThroughput().writeUnitsPerSecond() == null) {
            // AWS's sentence (DDB-TABLE-457 of aws-controllers-k8s/dynamodb-controller's docs/api-quirks)
            throw Invalid.parameter("WarmThroughput must have at least one of ReadUnitsPerSecond or "
                    + "WriteUnitsPerSecond specified for index: " + name);
        }
        ProvisionedThroughput requested = update.provisionedThroughput();
        if (b.billingMode == BillingMode.PAY_PER_REQUEST) {
            if (requested != null) {
                throw Invalid.parameter("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified for index: "
                        + name + " when BillingMode is PAY_PER_REQUEST");
            }
            if (update.onDemandThroughput() == null && update.warmThroughput() == null) {
                throw Invalid.parameter("The only Updates for index: " + name + " when TableThroughputMode is "
                        + "PAY_PER_REQUEST can be to OnDemandThroughput, WarmThroughput");
            }
            return;
        }
        if (requested == null) {
            if (update.onDemandThroughput() != null) {
                String member = update.onDemandThroughput().maxReadRequestUnits() != null
                        ? "MaxReadRequestUnits"
                        : "MaxWriteRequestUnits";
                throw Invalid.parameter(member + " for OnDemandThroughput for index : " + name
                        + " cannot be specified when the table BillingMode is PROVISIONED");
            }
            if (update.warmThroughput() == null) {
                throw Invalid.parameter("ProvisionedThroughput must be specified for index: " + name);
            }
            return;
        }
        Billing.checkBounds(requested);
        boolean switching = current.billingMode() == BillingMode.PAY_PER_REQUEST;
        Throughput base = index.throughput() == null || switching ? Throughput.ZERO : index.throughput();
        if (!switching) {
            checkThroughputChanges(base, requested, name);
        }
        Throughput next = adjusted(base, requested, now);
        b.globalIndexes.replaceAll(i -> i.name().equals(name) ? i.withThroughput(next) : i);
    }
}
