package dev.singletable.engine.table;

import java.time.Instant;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Table definitions for engine-level tests, built directly (the way TableRequests would after validation) so tests of
 * storage, streams and TTL do not depend on the control-plane rules.
 */
public final class TestTables {

    private final TableDefinition.Builder b = new TableDefinition.Builder();

    private TestTables(String name, Instant createdAt) {
        b.name = name;
        b.arn = "arn:aws:dynamodb:us-east-1:000000000000:table/" + name;
        b.tableId = UUID.nameUUIDFromBytes(name.getBytes()).toString();
        b.createdAt = createdAt;
        b.billingMode = BillingMode.PAY_PER_REQUEST;
        b.lastUpdateToPayPerRequest = createdAt;
    }

    /** A table keyed by pk (S) and sk (S). */
    public static TestTables table(String name, Instant createdAt) {
        TestTables t = new TestTables(name, createdAt);
        t.b.primaryKey = new KeyDef("pk", ScalarAttributeType.S, "sk", ScalarAttributeType.S);
        t.b.attributeDefinitions.put("pk", ScalarAttributeType.S);
        t.b.attributeDefinitions.put("sk", ScalarAttributeType.S);
        return t;
    }

    /** A table keyed by pk (S) only. */
    public static TestTables hashOnly(String name, Instant createdAt) {
        TestTables t = new TestTables(name, createdAt);
        t.b.primaryKey = new KeyDef("pk", ScalarAttributeType.S, null, null);
        t.b.attributeDefinitions.put("pk", ScalarAttributeType.S);
        return t;
    }

    /** A global index on gpk (S) / gsk (S), projecting everything. */
    public TestTables withGsi(String indexName) {
        b.attributeDefinitions.put("gpk", ScalarAttributeType.S);
        b.attributeDefinitions.put("gsk", ScalarAttributeType.S);
        b.globalIndexes.add(new IndexDef(
                indexName,
                true,
                new KeyDef("gpk", ScalarAttributeType.S, "gsk", ScalarAttributeType.S),
                ProjectionType.ALL,
                null,
                Throughput.ZERO,
                IndexStatus.ACTIVE,
                false));
        return this;
    }

    public TestTables withStream(StreamViewType viewType, Instant enabledAt) {
        b.streamEnabled = true;
        b.streamViewType = viewType;
        b.latestStreamLabel = enabledAt.toString().replace("Z", "");
        b.latestStreamArn = b.arn + "/stream/" + b.latestStreamLabel;
        return this;
    }

    public TestTables withTtl(String attribute) {
        b.ttlAttributeName = attribute;
        b.ttlStatus = TimeToLiveStatus.ENABLED;
        return this;
    }

    public TableDefinition build() {
        return b.build();
    }

    /** The definition with its stream turned off (the ARN and label stay, as in DynamoDB). */
    public static TableDefinition streamOff(TableDefinition d) {
        TableDefinition.Builder b = d.toBuilder();
        b.streamEnabled = false;
        b.streamViewType = null;
        return b.build();
    }

    /** The definition with a new stream (a new label and ARN). */
    public static TableDefinition streamOn(TableDefinition d, StreamViewType viewType, Instant enabledAt) {
        TableDefinition.Builder b = d.toBuilder();
        b.streamEnabled = true;
        b.streamViewType = viewType;
        b.latestStreamLabel = enabledAt.toString().replace("Z", "");
        b.latestStreamArn = b.arn + "/stream/" + b.latestStreamLabel;
        return b.build();
    }

    public static TableDefinition withTtl(TableDefinition d, String attribute) {
        TableDefinition.Builder b = d.toBuilder();
        b.ttlAttributeName = attribute;
        b.ttlStatus = TimeToLiveStatus.ENABLED;
        return b.build();
    }
}
