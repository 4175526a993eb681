package dev.singletable.engine.durability;

import dev.singletable.engine.policy.ResourcePolicy;
import dev.singletable.engine.table.DefinitionData;
import dev.singletable.engine.table.IndexDef;
import dev.singletable.engine.table.KeyDef;
import dev.singletable.engine.table.TableDefinition;
import dev.singletable.engine.table.Throughput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** Table definitions in the log and in snapshots: every field of {@link DefinitionData}, versioned. */
public final class DefinitionCodec {

    /**
     * 2: a key is a list of partition attributes and a list of sort attributes (multi-attribute GSI keys).
     * 3: resource-based policies (table and stream) follow the TTL status.
     */
    private static final int VERSION = 3;

    private DefinitionCodec() {}

    public static void write(ByteWriter out, TableDefinition definition) {
        DefinitionData d = DefinitionData.of(definition);
        out.u8(VERSION);
        out.string(d.name());
        out.optString(d.arn());
        out.optString(d.tableId());
        instant(out, d.createdAt());
        key(out, d.primaryKey());
        out.varint(d.attributeDefinitions().size());
        d.attributeDefinitions().forEach((name, type) -> out.string(name).string(type.toString()));
        indexes(out, d.globalIndexes());
        indexes(out, d.localIndexes());
        enumValue(out, d.billingMode());
        instant(out, d.lastUpdateToPayPerRequest());
        throughput(out, d.throughput());
        out.bool(d.onDemandLimits() != null);
        if (d.onDemandLimits() != null) {
            out.i64(d.onDemandLimits().maxReadRequestUnits())
                    .i64(d.onDemandLimits().maxWriteRequestUnits());
        }
        out.bool(d.streamEnabled());
        enumValue(out, d.streamViewType());
        out.optString(d.latestStreamArn());
        out.optString(d.latestStreamLabel());
        enumValue(out, d.tableClass());
        out.bool(d.sse() != null);
        if (d.sse() != null) {
            enumValue(out, d.sse().type());
            out.optString(d.sse().kmsMasterKeyArn());
        }
        out.bool(d.deletionProtectionEnabled());
        out.varint(d.tags().size());
        d.tags().forEach((k, v) -> out.string(k).string(v));
        out.optString(d.ttlAttributeName());
        enumValue(out, d.ttlStatus());
        out.varint(d.resourcePolicies().size());
        for (ResourcePolicy p : d.resourcePolicies().values()) {
            out.string(p.resourceArn()).optString(p.document()).string(p.revisionId());
        }
    }

    public static TableDefinition read(ByteReader in) {
        int version = in.u8();
        if (version < 1 || version > VERSION) {
            throw new CorruptDataException("unknown table definition version " + version);
        }
        String name = in.string();
        String arn = required(in.optString(), "ARN");
        String tableId = required(in.optString(), "table id");
        Instant createdAt = required(instant(in), "creation time");
        KeyDef primaryKey = key(in, version);
        int attributeCount = in.length();
        Map<String, ScalarAttributeType> attributes = new LinkedHashMap<>();
        for (int i = 0; i < attributeCount; i++) {
            attributes.put(in.string(), ScalarAttributeType.fromValue(in.string()));
        }
        List<IndexDef> globalIndexes = indexes(in, version);
        List<IndexDef> localIndexes = indexes(in, version);
        BillingMode billingMode = required(enumValue(in, BillingMode::fromValue), "billing mode");
        Instant lastUpdateToPayPerRequest = instant(in);
        Throughput throughput = throughput(in);
        TableDefinition.OnDemandLimits onDemand =
                in.bool() ? new TableDefinition.OnDemandLimits(in.i64(), in.i64()) : null;
        boolean streamEnabled = in.bool();
        StreamViewType viewType = enumValue(in, StreamViewType::fromValue);
        String streamArn = in.optString();
        String streamLabel = in.optString();
        TableClass tableClass = enumValue(in, TableClass::fromValue);
        TableDefinition.SseSettings sse = in.bool()
                ? new TableDefinition.SseSettings(
                        required(enumValue(in, SSEType::fromValue), "encryption type"),
                        required(in.optString(), "encryption key"))
                : null;
        boolean deletionProtection = in.bool();
        int tagCount = in.length();
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < tagCount; i++) {
            tags.put(in.string(), in.string());
        }
        String ttlAttribute = in.optString();
        TimeToLiveStatus ttlStatus = required(enumValue(in, TimeToLiveStatus::fromValue), "TTL status");
        Map<String, ResourcePolicy> policies = new LinkedHashMap<>();
        if (version >= 3) {
            int policyCount = in.length();
            for (int i = 0; i < policyCount; i++) {
                ResourcePolicy p = new ResourcePolicy(in.string(), in.optString(), in.string());
                policies.put(p.resourceArn(), p);
            }
        }
        return new DefinitionData(
                        name,
                        arn,
                        tableId,
                        createdAt,
                        primaryKey,
                        attributes,
                        globalIndexes,
                        localIndexes,
                        billingMode,
                        lastUpdateToPayPerRequest,
                        throughput,
                        onDemand,
                        streamEnabled,
                        viewType,
                        streamArn,
                        streamLabel,
                        tableClass,
                        sse,
                        deletionProtection,
                        tags,
                        ttlAttribute,
                        ttlStatus,
                        policies)
                .toDefinition();
    }

    private static void key(ByteWriter out, KeyDef k) {
        parts(out, k.hashParts());
        parts(out, k.rangeParts());
    }

    private static void parts(ByteWriter out, List<KeyDef.KeyPart> parts) {
        out.varint(parts.size());
        for (KeyDef.KeyPart p : parts) {
            out.string(p.name()).string(p.type().toString());
        }
    }

    private static KeyDef key(ByteReader in, int version) {
        if (version == 1) {
            String hash = in.string();
            ScalarAttributeType hashType = ScalarAttributeType.fromValue(in.string());
            String range = in.optString();
            ScalarAttributeType rangeType = enumValue(in, ScalarAttributeType::fromValue);
            return new KeyDef(hash, hashType, range, rangeType);
        }
        return new KeyDef(parts(in), parts(in));
    }

    private static List<KeyDef.KeyPart> parts(ByteReader in) {
        int n = in.length();
        List<KeyDef.KeyPart> parts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            parts.add(new KeyDef.KeyPart(in.string(), ScalarAttributeType.fromValue(in.string())));
        }
        return parts;
    }

    private static void indexes(ByteWriter out, List<IndexDef> indexes) {
        out.varint(indexes.size());
        for (IndexDef i : indexes) {
            out.string(i.name()).bool(i.global());
            key(out, i.key());
            enumValue(out, i.projection());
            out.varint(i.nonKeyAttributes().size());
            i.nonKeyAttributes().forEach(out::string);
            out.bool(i.throughput() != null);
            if (i.throughput() != null) {
                throughput(out, i.throughput());
            }
            enumValue(out, i.status());
            out.bool(i.backfilling());
        }
    }

    private static List<IndexDef> indexes(ByteReader in, int version) {
        int n = in.length();
        List<IndexDef> list = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            String name = in.string();
            boolean global = in.bool();
            KeyDef key = key(in, version);
            ProjectionType projection = required(enumValue(in, ProjectionType::fromValue), "index projection");
            int attributes = in.length();
            List<String> nonKey = new ArrayList<>(attributes);
            for (int a = 0; a < attributes; a++) {
                nonKey.add(in.string());
            }
            Throughput throughput = in.bool() ? throughput(in) : null;
            IndexStatus decoded = enumValue(in, IndexStatus::fromValue);
            // a local index was stored without a status before local indexes were given ACTIVE
            IndexStatus status = decoded == null ? IndexStatus.ACTIVE : decoded;
            boolean backfilling = in.bool();
            list.add(new IndexDef(name, global, key, projection, nonKey, throughput, status, backfilling));
        }
        return list;
    }

    private static void throughput(ByteWriter out, Throughput t) {
        Throughput v = t == null ? Throughput.ZERO : t;
        out.i64(v.readCapacityUnits()).i64(v.writeCapacityUnits());
        instant(out, v.lastIncrease());
        instant(out, v.lastDecrease());
        out.i64(v.decreasesToday());
    }

    private static Throughput throughput(ByteReader in) {
        return new Throughput(in.i64(), in.i64(), instant(in), instant(in), in.i64());
    }

    static void instant(ByteWriter out, @Nullable Instant t) {
        out.bool(t != null);
        if (t != null) {
            out.i64(t.getEpochSecond()).i32(t.getNano());
        }
    }

    static @Nullable Instant instant(ByteReader in) {
        return in.bool() ? Instant.ofEpochSecond(in.i64(), in.i32()) : null;
    }

    /** A value the definition must have: its absence means the bytes are not a definition this engine wrote. */
    private static <T> T required(@Nullable T value, String what) {
        if (value == null) {
            throw new CorruptDataException("table definition without its " + what);
        }
        return value;
    }

    private static void enumValue(ByteWriter out, @Nullable Object value) {
        out.optString(value == null ? null : value.toString());
    }

    private static <E> @Nullable E enumValue(ByteReader in, Function<String, E> parse) {
        String s = in.optString();
        return s == null ? null : parse.apply(s);
    }
}
