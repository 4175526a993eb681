package dev.singletable.engine.table;

import dev.singletable.engine.policy.ResourcePolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Immutable, validated description of a table's schema and settings (not its data). Instances come from
 * {@link TableRequests}; every change produces a new instance.
 */
public final class TableDefinition {

    private final String name;
    private final String arn;
    private final String tableId;
    private final Instant createdAt;
    private final KeyDef primaryKey;
    private final Map<String, ScalarAttributeType> attributeDefinitions;
    private final List<IndexDef> globalIndexes;
    private final List<IndexDef> localIndexes;
    private final BillingMode billingMode;
    private final @Nullable Instant lastUpdateToPayPerRequest;
    private final Throughput throughput;
    private final @Nullable OnDemandLimits onDemandLimits;
    private final boolean streamEnabled;
    private final @Nullable StreamViewType streamViewType;
    private final @Nullable String latestStreamArn;
    private final @Nullable String latestStreamLabel;
    private final @Nullable TableClass tableClass;
    private final @Nullable Instant tableClassUpdatedAt;
    private final @Nullable Warm warm;
    private final @Nullable SseSettings sse;
    private final boolean deletionProtectionEnabled;
    private final Map<String, String> tags;
    private final @Nullable String ttlAttributeName;
    private final TimeToLiveStatus ttlStatus;
    private final Map<String, ResourcePolicy> resourcePolicies;

    /** Optional on-demand maximums (OnDemandThroughput); -1 means "no maximum" as in DynamoDB. */
    public record OnDemandLimits(long maxReadRequestUnits, long maxWriteRequestUnits) {}

    /** Warm throughput explicitly requested (a high-water mark: it never decreases); null means the default. */
    public record Warm(long readUnitsPerSecond, long writeUnitsPerSecond) {}

    /** Server-side encryption as requested; null in the definition means the AWS-owned default key. */
    public record SseSettings(SSEType type, String kmsMasterKeyArn) {}

    TableDefinition(Builder b) {
        this.name = Objects.requireNonNull(b.name, "name");
        this.arn = Objects.requireNonNull(b.arn, "arn");
        this.tableId = Objects.requireNonNull(b.tableId, "tableId");
        this.createdAt = Objects.requireNonNull(b.createdAt, "createdAt");
        this.primaryKey = Objects.requireNonNull(b.primaryKey, "primaryKey");
        this.attributeDefinitions = Collections.unmodifiableMap(new LinkedHashMap<>(b.attributeDefinitions));
        this.globalIndexes = List.copyOf(b.globalIndexes);
        this.localIndexes = List.copyOf(b.localIndexes);
        this.billingMode = b.billingMode;
        this.lastUpdateToPayPerRequest = b.lastUpdateToPayPerRequest;
        this.throughput = b.throughput;
        this.onDemandLimits = b.onDemandLimits;
        this.streamEnabled = b.streamEnabled;
        this.streamViewType = b.streamViewType;
        this.latestStreamArn = b.latestStreamArn;
        this.latestStreamLabel = b.latestStreamLabel;
        this.tableClass = b.tableClass;
        this.tableClassUpdatedAt = b.tableClassUpdatedAt;
        this.warm = b.warm;
        this.sse = b.sse;
        this.deletionProtectionEnabled = b.deletionProtectionEnabled;
        this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(b.tags));
        this.ttlAttributeName = b.ttlAttributeName;
        this.ttlStatus = b.ttlStatus;
        this.resourcePolicies = Collections.unmodifiableMap(new LinkedHashMap<>(b.resourcePolicies));
    }

    public String name() {
        return name;
    }

    public String arn() {
        return arn;
    }

    public String tableId() {
        return tableId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public KeyDef primaryKey() {
        return primaryKey;
    }

    /** AttributeDefinitions in the order the request gave them. */
    public Map<String, ScalarAttributeType> attributeDefinitions() {
        return attributeDefinitions;
    }

    public List<IndexDef> globalIndexes() {
        return globalIndexes;
    }

    public List<IndexDef> localIndexes() {
        return localIndexes;
    }

    /** The global or local index of that name, or null if none. */
    public @Nullable IndexDef index(String indexName) {
        for (IndexDef index : globalIndexes) {
            if (index.name().equals(indexName)) {
                return index;
            }
        }
        for (IndexDef index : localIndexes) {
            if (index.name().equals(indexName)) {
                return index;
            }
        }
        return null;
    }

    /** The type from AttributeDefinitions, or null if the attribute is not a table or index key attribute. */
    public @Nullable ScalarAttributeType attributeType(String attributeName) {
        return attributeDefinitions.get(attributeName);
    }

    public BillingMode billingMode() {
        return billingMode;
    }

    /** When the table last switched to (or was created with) PAY_PER_REQUEST; null if never. */
    public @Nullable Instant lastUpdateToPayPerRequest() {
        return lastUpdateToPayPerRequest;
    }

    /** Table throughput; zero units for on-demand tables. */
    public Throughput throughput() {
        return throughput;
    }

    /** OnDemandThroughput maximums if set, else null. */
    public @Nullable OnDemandLimits onDemandLimits() {
        return onDemandLimits;
    }

    public boolean streamEnabled() {
        return streamEnabled;
    }

    /** The view type of the current stream, or null when streams are off. */
    public @Nullable StreamViewType streamViewType() {
        return streamViewType;
    }

    /** ARN of the latest stream (kept after the stream is disabled, as DynamoDB does), or null if never enabled. */
    public @Nullable String latestStreamArn() {
        return latestStreamArn;
    }

    public @Nullable String latestStreamLabel() {
        return latestStreamLabel;
    }

    /** The table class if ever set explicitly, else null (meaning STANDARD). */
    public @Nullable TableClass tableClass() {
        return tableClass;
    }

    /** When UpdateTable last changed the table class; null if never. */
    @Nullable
    Instant tableClassUpdatedAt() {
        return tableClassUpdatedAt;
    }

    /** Warm throughput explicitly requested, or null for the default (see DescribeTable). */
    @Nullable
    Warm warm() {
        return warm;
    }

    /** The effective table class: STANDARD unless set otherwise. */
    TableClass effectiveTableClass() {
        return tableClass == null ? TableClass.STANDARD : tableClass;
    }

    /** KMS server-side encryption if requested, else null (AWS-owned key). */
    public @Nullable SseSettings sse() {
        return sse;
    }

    public boolean deletionProtectionEnabled() {
        return deletionProtectionEnabled;
    }

    /** Tags in insertion order. */
    public Map<String, String> tags() {
        return tags;
    }

    /** The TTL attribute name while TTL is enabled, else null. */
    public @Nullable String ttlAttributeName() {
        return ttlAttributeName;
    }

    /** TTL status: DISABLED unless enabled. */
    public TimeToLiveStatus ttlStatus() {
        return ttlStatus;
    }

    /** The TTL attribute if TTL is currently enabled, else null: what the expiry sweeper should look at. */
    public @Nullable String activeTtlAttribute() {
        return ttlStatus == TimeToLiveStatus.ENABLED ? ttlAttributeName : null;
    }

    /**
     * Resource-based policies of the table and of its streams, by resource ARN; an entry whose policy was deleted
     * keeps the deletion's revision ({@link ResourcePolicy#attached()} is false).
     */
    public Map<String, ResourcePolicy> resourcePolicies() {
        return resourcePolicies;
    }

    /** The policy entry of the table or stream with that ARN, or null if it never had one. */
    public @Nullable ResourcePolicy resourcePolicy(String resourceArn) {
        return resourcePolicies.get(resourceArn);
    }

    /** Copy with the given policy entry (a new or replaced policy, or the trace of a deleted one). */
    public TableDefinition withResourcePolicy(ResourcePolicy policy) {
        Builder b = toBuilder();
        b.resourcePolicies.put(policy.resourceArn(), policy);
        return b.build();
    }

    /** Copy with the named global index's status changed (e.g. CREATING to ACTIVE once backfilled). */
    public TableDefinition withIndexStatus(String indexName, IndexStatus status, boolean backfilling) {
        Builder b = toBuilder();
        b.globalIndexes.replaceAll(i -> i.name().equals(indexName) ? i.withStatus(status, backfilling) : i);
        return b.build();
    }

    /** Copy without the named global index (a DELETING index whose removal has completed). */
    public TableDefinition withoutIndex(String indexName) {
        Builder b = toBuilder();
        b.globalIndexes.removeIf(i -> i.name().equals(indexName));
        b.attributeDefinitions.keySet().retainAll(b.keyAttributeNames());
        return b.build();
    }

    /** DescribeTable output with every field AWS returns. */
    public TableDescription describe(TableStats stats) {
        return TableDescriber.describe(this, stats, DescribeView.DESCRIBE);
    }

    /** The TableDescription of the given operation's response (CreateTable and DeleteTable return less). */
    public TableDescription describe(TableStats stats, DescribeView view) {
        return TableDescriber.describe(this, stats, view);
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Mutable staging area for {@link TableRequests}; never escapes the package. The name, ARN, id, creation time and
     * primary key must be set before {@link #build()}.
     */
    static final class Builder {
        @Nullable
        String name;

        @Nullable
        String arn;

        @Nullable
        String tableId;

        @Nullable
        Instant createdAt;

        @Nullable
        KeyDef primaryKey;

        Map<String, ScalarAttributeType> attributeDefinitions = new LinkedHashMap<>();
        List<IndexDef> globalIndexes = new ArrayList<>();
        List<IndexDef> localIndexes = new ArrayList<>();
        BillingMode billingMode = BillingMode.PROVISIONED;

        @Nullable
        Instant lastUpdateToPayPerRequest;

        Throughput throughput = Throughput.ZERO;

        @Nullable
        OnDemandLimits onDemandLimits;

        boolean streamEnabled;

        @Nullable
        StreamViewType streamViewType;

        @Nullable
        String latestStreamArn;

        @Nullable
        String latestStreamLabel;

        @Nullable
        TableClass tableClass;

        @Nullable
        Instant tableClassUpdatedAt;

        @Nullable
        Warm warm;

        @Nullable
        SseSettings sse;

        boolean deletionProtectionEnabled;
        Map<String, String> tags = new LinkedHashMap<>();

        @Nullable
        String ttlAttributeName;

        TimeToLiveStatus ttlStatus = TimeToLiveStatus.DISABLED;
        Map<String, ResourcePolicy> resourcePolicies = new LinkedHashMap<>();

        Builder() {}

        Builder(TableDefinition d) {
            name = d.name;
            arn = d.arn;
            tableId = d.tableId;
            createdAt = d.createdAt;
            primaryKey = d.primaryKey;
            attributeDefinitions = new LinkedHashMap<>(d.attributeDefinitions);
            globalIndexes = new ArrayList<>(d.globalIndexes);
            localIndexes = new ArrayList<>(d.localIndexes);
            billingMode = d.billingMode;
            lastUpdateToPayPerRequest = d.lastUpdateToPayPerRequest;
            throughput = d.throughput;
            onDemandLimits = d.onDemandLimits;
            streamEnabled = d.streamEnabled;
            streamViewType = d.streamViewType;
            latestStreamArn = d.latestStreamArn;
            latestStreamLabel = d.latestStreamLabel;
            tableClass = d.tableClass;
            tableClassUpdatedAt = d.tableClassUpdatedAt;
            warm = d.warm;
            sse = d.sse;
            deletionProtectionEnabled = d.deletionProtectionEnabled;
            tags = new LinkedHashMap<>(d.tags);
            ttlAttributeName = d.ttlAttributeName;
            ttlStatus = d.ttlStatus;
            resourcePolicies = new LinkedHashMap<>(d.resourcePolicies);
        }

        /** Every attribute used by the table key or any index key. */
        java.util.Set<String> keyAttributeNames() {
            java.util.Set<String> names = new java.util.LinkedHashSet<>(
                    Objects.requireNonNull(primaryKey, "primaryKey").names());
            globalIndexes.forEach(i -> names.addAll(i.key().names()));
            localIndexes.forEach(i -> names.addAll(i.key().names()));
            return names;
        }

        TableDefinition build() {
            return new TableDefinition(this);
        }
    }
}
