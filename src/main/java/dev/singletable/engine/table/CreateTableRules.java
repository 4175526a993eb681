package dev.singletable.engine.table;

import dev.singletable.engine.policy.PolicyDocuments;
import dev.singletable.engine.policy.ResourcePolicy;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.WarmThroughput;

/**
 * CreateTable's semantic validation, in DynamoDB's order: billing and capacity, stream, encryption and table class,
 * attribute definitions and the table key, index key definitions, unused definitions, then each local and global
 * index, tags [1]. The first violation wins, as in DynamoDB (only shape errors are accumulated, and those ran before).
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html">CreateTable</a>
 */
final class CreateTableRules {

    static final int MAX_LOCAL_INDEXES = 5;
    static final int MAX_GLOBAL_INDEXES = 20;
    static final int MAX_PROJECTED_ATTRIBUTES = 100;
    static final String TABLE_CLASS_ERROR = "Invalid table-class parameter provided. Please try again with a valid "
            + "table-class value: [STANDARD, STANDARD_INFREQUENT_ACCESS].";

    private CreateTableRules() {}

    static TableDefinition create(CreateTableRequest req, Instant now, String region, String accountId) {
        TableDefinition.Builder b = new TableDefinition.Builder();
        b.name = req.tableName();
        b.arn = "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + req.tableName();
        b.tableId = UUID.randomUUID().toString();
        b.createdAt = now;

        billing(req, b, now);
        stream(req.streamSpecification(), b, now);
        b.sse = Encryption.settings(req.sseSpecification(), region, accountId);
        b.tableClass = tableClass(req.tableClassAsString());
        b.deletionProtectionEnabled = Boolean.TRUE.equals(req.deletionProtectionEnabled());

        Map<String, ScalarAttributeType> definitions = definitions(req.attributeDefinitions());
        b.attributeDefinitions = definitions;
        b.primaryKey = KeySchemas.tableKey(req.keySchema(), definitions);
        boolean hasIndexes = req.hasLocalSecondaryIndexes() || req.hasGlobalSecondaryIndexes();
        if (!hasIndexes && definitions.size() != req.keySchema().size()) {
            throw Invalid.parameter("Number of attributes in KeySchema does not exactly match number of attributes "
                    + "defined in AttributeDefinitions");
        }
        if (req.hasLocalSecondaryIndexes()) {
            if (req.localSecondaryIndexes().isEmpty()) {
                throw Invalid.parameter("List of LocalSecondaryIndexes is empty");
            }
            if (!b.primaryKey.hasRange()) {
                throw Invalid.parameter("Table KeySchema does not have a range key, which is required when "
                        + "specifying a LocalSecondaryIndex");
            }
        }
        if (req.hasGlobalSecondaryIndexes() && req.globalSecondaryIndexes().isEmpty()) {
            throw Invalid.parameter("List of GlobalSecondaryIndexes is empty");
        }
        // DynamoDB first makes sure every key attribute is defined and every definition is used, and only then
        // looks at each index's other rules: an unused definition masks them.
        Set<String> used = new LinkedHashSet<>(b.primaryKey.names());
        for (LocalSecondaryIndex index : req.localSecondaryIndexes()) {
            used.addAll(KeySchemas.definedNames(index.keySchema(), definitions));
        }
        for (GlobalSecondaryIndex index : req.globalSecondaryIndexes()) {
            used.addAll(KeySchemas.definedNames(index.keySchema(), definitions));
            KeySchemas.checkMultiAttributeNamesDiffer(index.keySchema());
        }
        if (!used.containsAll(definitions.keySet())) {
            throw Invalid.parameter("Some AttributeDefinitions are not used. AttributeDefinitions: "
                    + Invalid.names(definitions.keySet()) + ", keys used: " + Invalid.names(used));
        }
        Set<String> indexNames = new HashSet<>();
        if (req.hasLocalSecondaryIndexes()) {
            localIndexes(req.localSecondaryIndexes(), b, indexNames);
        }
        if (req.hasGlobalSecondaryIndexes()) {
            globalIndexes(req.globalSecondaryIndexes(), b, indexNames);
        }
        checkProjectedAttributeCount(b);
        if (req.hasTags()) {
            b.tags = Tags.merge(Map.of(), req.tags());
        }
        if (req.resourcePolicy() != null) {
            // attached with the table; its revision id is the creation time, as DynamoDB's revision ids are times
            String document = PolicyDocuments.canonical(req.resourcePolicy(), PolicyDocuments.Target.TABLE);
            b.resourcePolicies.put(b.arn, new ResourcePolicy(b.arn, document, String.valueOf(now.toEpochMilli())));
        }
        return b.build();
    }

    private static void billing(CreateTableRequest req, TableDefinition.Builder b, Instant now) {
        BillingMode mode = Billing.modeOrDefault(req.billingModeAsString());
        ProvisionedThroughput throughput = req.provisionedThroughput();
        if (mode == BillingMode.PAY_PER_REQUEST) {
            if (throughput != null) {
                throw Invalid.parameter("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when "
                        + "BillingMode is PAY_PER_REQUEST");
            }
            b.throughput = Throughput.ZERO;
            b.lastUpdateToPayPerRequest = now;
        } else {
            if (throughput == null) {
                throw Invalid.parameter("ReadCapacityUnits and WriteCapacityUnits must both be specified when "
                        + "BillingMode is PROVISIONED");
            }
            Billing.checkBounds(throughput);
            b.throughput = Throughput.of(throughput.readCapacityUnits(), throughput.writeCapacityUnits());
        }
        b.billingMode = mode;
        b.onDemandLimits = Billing.onDemand(req.onDemandThroughput(), mode, "table", null);
        b.warm = warm(req.warmThroughput());
    }

    static TableDefinition.@Nullable Warm warm(@Nullable WarmThroughput requested) {
        if (requested == null || (requested.readUnitsPerSecond() == null && requested.writeUnitsPerSecond() == null)) {
            return null;
        }
        return new TableDefinition.Warm(
                requested.readUnitsPerSecond() == null ? 0 : requested.readUnitsPerSecond(),
                requested.writeUnitsPerSecond() == null ? 0 : requested.writeUnitsPerSecond());
    }

    private static void stream(StreamSpecification spec, TableDefinition.Builder b, Instant now) {
        if (spec == null) {
            return;
        }
        String viewType = spec.streamViewTypeAsString();
        if (Boolean.TRUE.equals(spec.streamEnabled())) {
            if (viewType == null) {
                throw Invalid.parameter("Table is being created with a stream enabled, UpdateViewType is required");
            }
            Streams.enable(b, StreamViewType.fromValue(viewType), now);
        } else if (viewType != null) {
            throw Invalid.parameter(
                    "Table is being created with a stream disabled, UpdateViewType should not be " + "specified");
        }
    }

    /** TableClass is validated by DynamoDB itself (not as a shape enum), with its own message. */
    static @Nullable TableClass tableClass(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        TableClass parsed = TableClass.fromValue(raw);
        if (parsed == null || parsed == TableClass.UNKNOWN_TO_SDK_VERSION) {
            throw Invalid.bare(TABLE_CLASS_ERROR);
        }
        return parsed;
    }

    /** AttributeDefinitions in request order; a name given twice is refused. */
    static Map<String, ScalarAttributeType> definitions(List<AttributeDefinition> definitions) {
        Map<String, ScalarAttributeType> byName = new LinkedHashMap<>();
        for (AttributeDefinition definition : definitions) {
            if (byName.put(definition.attributeName(), definition.attributeType()) != null) {
                throw Invalid.bare("Attribute Name is duplicated: " + definition.attributeName());
            }
        }
        return byName;
    }

    private static void localIndexes(
            List<LocalSecondaryIndex> indexes, TableDefinition.Builder b, Set<String> indexNames) {
        for (LocalSecondaryIndex index : indexes) {
            KeyDef key = KeySchemas.key(index.keySchema(), b.attributeDefinitions);
            if (!key.hasRange()) {
                throw Invalid.parameter("Index KeySchema does not have a range key for index: " + index.indexName());
            }
            String tableHash = Objects.requireNonNull(b.primaryKey, "the table key is read first")
                    .hashName();
            if (!key.hashName().equals(tableHash)) {
                throw Invalid.parameter("Index KeySchema does not have the same leading hash key as table KeySchema "
                        + "for index: " + index.indexName() + ". index hash key: " + key.hashName()
                        + ", table hash key: " + tableHash);
            }
            ProjectionType projection = Projections.check(index.projection());
            checkUniqueName(index.indexName(), indexNames);
            b.localIndexes.add(new IndexDef(
                    index.indexName(),
                    false,
                    key,
                    projection,
                    Projections.nonKeyAttributes(index.projection()),
                    null,
                    IndexStatus.ACTIVE,
                    false));
        }
        if (indexes.size() > MAX_LOCAL_INDEXES) {
            throw Invalid.parameter("Number of LocalSecondaryIndexes exceeds per-table limit of " + MAX_LOCAL_INDEXES);
        }
    }

    private static void globalIndexes(
            List<GlobalSecondaryIndex> indexes, TableDefinition.Builder b, Set<String> indexNames) {
        for (GlobalSecondaryIndex index : indexes) {
            KeyDef key = KeySchemas.globalKey(index.keySchema(), b.attributeDefinitions);
            ProjectionType projection = Projections.check(index.projection());
            Throughput throughput = indexThroughput(index.indexName(), index.provisionedThroughput(), b.billingMode);
            checkUniqueName(index.indexName(), indexNames);
            b.globalIndexes.add(new IndexDef(
                    index.indexName(),
                    true,
                    key,
                    projection,
                    Projections.nonKeyAttributes(index.projection()),
                    throughput,
                    IndexStatus.ACTIVE,
                    false));
        }
        if (indexes.size() > MAX_GLOBAL_INDEXES) {
            throw Invalid.parameter("GlobalSecondaryIndex count exceeds the per-table limit of " + MAX_GLOBAL_INDEXES);
        }
    }

    /** A GSI's own capacity: required on provisioned tables, refused on on-demand ones. */
    static Throughput indexThroughput(String indexName, ProvisionedThroughput requested, BillingMode mode) {
        if (mode == BillingMode.PAY_PER_REQUEST) {
            if (requested != null) {
                throw Invalid.parameter("ProvisionedThroughput should not be specified for index: " + indexName
                        + " when BillingMode is PAY_PER_REQUEST");
            }
            return Throughput.ZERO;
        }
        if (requested == null) {
            throw Invalid.parameter("ProvisionedThroughput is not specified for index: " + indexName);
        }
        Billing.checkBounds(requested);
        return Throughput.of(requested.readCapacityUnits(), requested.writeCapacityUnits());
    }

    private static void checkUniqueName(String name, Set<String> names) {
        if (!names.add(name)) {
            throw Invalid.parameter("Duplicate index name: " + name);
        }
    }

    /** DynamoDB limits the NonKeyAttributes of all indexes together (the same name in two indexes counts twice). */
    static void checkProjectedAttributeCount(TableDefinition.Builder b) {
        int total = 0;
        for (IndexDef index : b.localIndexes) {
            total += index.nonKeyAttributes().size();
        }
        for (IndexDef index : b.globalIndexes) {
            total += index.nonKeyAttributes().size();
        }
        if (total > MAX_PROJECTED_ATTRIBUTES) {
            throw Invalid.parameter("Number of projected attributes in all indexes exceeds limit of "
                    + MAX_PROJECTED_ATTRIBUTES + ", provided: " + total);
        }
    }
}
