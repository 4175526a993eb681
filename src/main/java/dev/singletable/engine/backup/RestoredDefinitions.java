package dev.singletable.engine.backup;

import dev.singletable.engine.table.DefinitionData;
import dev.singletable.engine.table.IndexDef;
import dev.singletable.engine.table.KeyDef;
import dev.singletable.engine.table.TableDefinition;
import dev.singletable.engine.table.Throughput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * The definition of a table restored from a backup or to a point in time, as DynamoDB makes it: the source's key
 * schema, indexes, billing mode, throughput and table class, under the new name with a new ARN and id, unless the
 * request overrides them; no stream, TTL or tags (AWS lists them among what is set again on the restored table [1]
 * [2]) and no deletion protection.
 *
 * <p>[1] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_RestoreTableFromBackup.html">RestoreTableFromBackup</a><br>
 * [2] <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_RestoreTableToPointInTime.html">RestoreTableToPointInTime</a>
 */
final class RestoredDefinitions {

    private RestoredDefinitions() {}

    static TableDefinition of(
            TableDefinition source,
            String targetName,
            Instant now,
            String region,
            String account,
            RestoreOverrides overrides) {
        DefinitionData s = DefinitionData.of(source);
        List<IndexDef> globalIndexes = overrides.globalIndexes() == null
                ? active(s.globalIndexes())
                : convertGlobal(overrides.globalIndexes(), s.attributeDefinitions());
        List<IndexDef> localIndexes = overrides.localIndexes() == null
                ? s.localIndexes()
                : convertLocal(overrides.localIndexes(), s.attributeDefinitions(), s.primaryKey());
        BillingMode billing = overrides.billingMode() != null ? overrides.billingMode() : s.billingMode();
        Throughput throughput = billing == BillingMode.PAY_PER_REQUEST
                ? Throughput.ZERO
                : overrides.throughput() != null
                        ? throughput(overrides.throughput())
                        : s.throughput() == null
                                ? Throughput.ZERO
                                : Throughput.of(
                                        s.throughput().readCapacityUnits(),
                                        s.throughput().writeCapacityUnits());
        TableDefinition.SseSettings sse = s.sse();
        if (overrides.sse() != null) {
            sse = Boolean.TRUE.equals(overrides.sse().enabled())
                    ? new TableDefinition.SseSettings(
                            overrides.sse().sseType() == null
                                    ? SSEType.KMS
                                    : overrides.sse().sseType(),
                            overrides.sse().kmsMasterKeyId())
                    : null;
        }
        Set<String> used = new LinkedHashSet<>(s.primaryKey().names());
        globalIndexes.forEach(i -> used.addAll(i.key().names()));
        localIndexes.forEach(i -> used.addAll(i.key().names()));
        Map<String, ScalarAttributeType> attributes = new LinkedHashMap<>();
        s.attributeDefinitions().forEach((name, type) -> {
            if (used.contains(name)) {
                attributes.put(name, type);
            }
        });
        String arn = "arn:aws:dynamodb:" + region + ":" + account + ":table/" + targetName;
        return new DefinitionData(
                        targetName,
                        arn,
                        UUID.randomUUID().toString(),
                        now,
                        s.primaryKey(),
                        attributes,
                        globalIndexes,
                        localIndexes,
                        billing,
                        billing == BillingMode.PAY_PER_REQUEST ? now : null,
                        throughput,
                        s.onDemandLimits(),
                        false,
                        null,
                        null,
                        null,
                        s.tableClass(),
                        sse,
                        false,
                        Map.of(),
                        null,
                        TimeToLiveStatus.DISABLED,
                        Map.of())
                .toDefinition();
    }

    private static List<IndexDef> active(List<IndexDef> indexes) {
        List<IndexDef> out = new ArrayList<>();
        for (IndexDef i : indexes) {
            out.add(i.withStatus(IndexStatus.ACTIVE, false));
        }
        return out;
    }

    private static List<IndexDef> convertGlobal(
            List<software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex> indexes,
            Map<String, ScalarAttributeType> types) {
        List<IndexDef> out = new ArrayList<>();
        for (var g : indexes) {
            Throughput t = g.provisionedThroughput() == null ? Throughput.ZERO : throughput(g.provisionedThroughput());
            out.add(new IndexDef(
                    g.indexName(),
                    true,
                    key(g.keySchema(), types, g.indexName()),
                    projectionType(g.projection()),
                    nonKey(g.projection()),
                    t,
                    IndexStatus.ACTIVE,
                    false));
        }
        return out;
    }

    private static List<IndexDef> convertLocal(
            List<software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex> indexes,
            Map<String, ScalarAttributeType> types,
            KeyDef tableKey) {
        List<IndexDef> out = new ArrayList<>();
        for (var l : indexes) {
            KeyDef key = key(l.keySchema(), types, l.indexName());
            if (!key.hashName().equals(tableKey.hashName())) {
                throw BackupErrors.validation("One or more parameter values were invalid: Index KeySchema does not "
                        + "have the same leading hash key as table KeySchema for index: " + l.indexName()
                        + ". index hash key: " + key.hashName() + ", table hash key: " + tableKey.hashName());
            }
            out.add(new IndexDef(
                    l.indexName(),
                    false,
                    key,
                    projectionType(l.projection()),
                    nonKey(l.projection()),
                    null,
                    IndexStatus.ACTIVE, // as CreateTable gives a local index (only a global one is ever built)
                    false));
        }
        return out;
    }

    private static KeyDef key(List<KeySchemaElement> schema, Map<String, ScalarAttributeType> types, String index) {
        List<KeyDef.KeyPart> hash = new ArrayList<>();
        List<KeyDef.KeyPart> range = new ArrayList<>();
        for (KeySchemaElement e : schema) {
            if (!types.containsKey(e.attributeName())) {
                throw undefined(index);
            }
            KeyDef.KeyPart part = new KeyDef.KeyPart(e.attributeName(), types.get(e.attributeName()));
            if (e.keyType() == KeyType.HASH) {
                hash.add(part);
            } else if (e.keyType() == KeyType.RANGE) {
                range.add(part);
            }
        }
        if (hash.isEmpty()) {
            throw undefined(index);
        }
        return new KeyDef(hash, range);
    }

    private static RuntimeException undefined(String index) {
        return BackupErrors.validation("One or more parameter values were invalid: Some index key attributes are "
                + "not defined in AttributeDefinitions of the source table for index " + index);
    }

    private static ProjectionType projectionType(Projection p) {
        return p == null || p.projectionType() == null ? ProjectionType.ALL : p.projectionType();
    }

    private static List<String> nonKey(Projection p) {
        return p == null || !p.hasNonKeyAttributes() ? List.of() : p.nonKeyAttributes();
    }

    private static Throughput throughput(ProvisionedThroughput t) {
        return Throughput.of(
                t.readCapacityUnits() == null ? 0 : t.readCapacityUnits(),
                t.writeCapacityUnits() == null ? 0 : t.writeCapacityUnits());
    }
}
